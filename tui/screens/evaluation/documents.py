"""What the Evaluasi screen opens beside the ratings: the highlighted RHK's
evidence, the PDFs (the evaluation, the unit's recap) and the employee's
Realisasi.

A mixin of ``EvaluationScreen`` (tui/screens/evaluation/screen.py), kept apart
so that the screen module stays about what is shown and the ratings module
about what is written. Its keys read and print; they never change a record.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from client import evaluation as facts
from client.evidence import texts as document_texts
from tui.screens.evaluation.tabs import EvaluationTabs
from tui.widgets.evidence_files import EvidenceFiles
from tui.widgets.print_pdf import print_pdf


class EvaluationDocuments(EvaluationTabs):
    """Reads the screen's ``period``; the RHK highlighted is the tabs' (``_item_id``)."""

    def _highlighted_evidence(self) -> list[Mapping[str, Any]]:
        item_id = self._item_id()
        if not (item_id and self.period):
            return []
        record = facts.progress_by_item(self.records, self.person, self.period["id"]).get(item_id)
        return list(record["data"].get("evidence") or []) if record else []

    def action_print_evaluation(self) -> None:
        if self.period is not None:
            name = str(self.period["data"].get("name", ""))
            print_pdf(self, self.services, "evaluasi", period=name, nip=self.person)

    def action_print_recap(self) -> None:
        if self.period is not None:
            name = str(self.period["data"].get("name", ""))
            print_pdf(self, self.services, "rekap", period=name)

    def action_evidence(self) -> None:
        evidence = self._highlighted_evidence()
        item = self.records.get("plan_item", self._item_id() or "")
        if not evidence or item is None:
            return
        title = document_texts(self.services.lang)("Evidence: {rhk}").format(
            rhk=item["data"].get("text", "")
        )
        self.app.push_screen(EvidenceFiles(self.services, title, evidence))

    def action_open_progress(self) -> None:
        """The employee's Realisasi screen, read-only; Escape comes back here."""
        from tui.screens.progress.screen import ProgressScreen

        self.app.push_screen(ProgressScreen(self.services, self.person))
