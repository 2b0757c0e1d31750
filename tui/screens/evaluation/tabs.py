"""What the Evaluasi screen's tabs hold: the RHK with targets and realisasi,
the seven BerAKHLAK values with their guides and the SKP's expectations, and
the umpan balik of the period; and the PPK's note on a row of them.

A mixin of ``EvaluationScreen`` (tui/screens/evaluation/screen.py), kept apart so
that the screen module stays about choosing and showing. It reads
the screen's state: ``records``, ``person``, ``period``, ``plan``,
``item_notes``, ``behaviour_notes`` and ``services``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.screen import Screen
from textual.widgets import DataTable, Static, TabbedContent

from client import evaluation as facts
from client.feedback import FeedbackEntry, entries
from client.plan import label_of
from domain.vocab import BERAKHLAK, BERAKHLAK_LABELS
from tui.screens.evaluation import text
from tui.texts import review_ as _
from tui.widgets.dialogs import NoteDialog


class EvaluationTabs(Screen[None]):
    services: Any
    records: Any
    period: Mapping[str, Any] | None
    plan: Mapping[str, Any] | None
    item_notes: dict[str, str]
    behaviour_notes: dict[str, str]

    @property
    def person(self) -> str:
        """The NIP being evaluated: the screen's picker says."""
        raise NotImplementedError

    def _feedback(self) -> list[FeedbackEntry]:
        period_id = self.period["id"] if self.period else None
        return entries(self.records.list("feedback", owner=self.person), period_id)

    def fill_items(self) -> None:
        table = self.query_one("#eval-items", DataTable)
        table.clear()
        if not (self.plan and self.period):
            self.query_one("#eval-item-detail", Static).update(
                _("No SKP covers this period for this person.")
            )
            return
        items = self.records.items_of(self.plan)
        progress = facts.progress_by_item(self.records, self.person, self.period["id"])
        counts: dict[str, int] = {}
        for found in self._feedback():
            if found.plan_item_id:
                counts[found.plan_item_id] = counts.get(found.plan_item_id, 0) + 1
        for key, row in text.item_rows(items, progress, counts):
            table.add_row(*row, key=key)
        self.show_item_detail()

    def _item_id(self) -> str | None:
        table = self.query_one("#eval-items", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or ""
        return key.split("#")[0] or None

    def show_item_detail(self) -> None:
        item_id = self._item_id()
        item = self.records.get("plan_item", item_id) if item_id else None
        if item is None:
            self.query_one("#eval-item-detail", Static).update("")
            return
        said = [f.body for f in self._feedback() if f.plan_item_id == item_id]
        lines = [str(item["data"].get("text", ""))]
        lines.append(_("Note: {text}").format(text=self.item_notes.get(item["id"], "-")))
        # The employee's bukti dukung, so the PPK weighs the realisasi with its evidence.
        progress = (
            facts.progress_by_item(self.records, self.person, self.period["id"]).get(item["id"])
            if self.period
            else None
        )
        evidence = facts.evidence_lines(progress)
        lines.append(
            _("Bukti dukung: {list}").format(list="; ".join(evidence))
            if evidence
            else _("Bukti dukung: none yet")
        )
        if progress and progress["data"].get("note"):
            lines.append(_("Realisasi note: {text}").format(text=progress["data"]["note"]))
        if said:
            lines.append(_("Last umpan balik: {text}").format(text=said[-1]))
        self.query_one("#eval-item-detail", Static).update("\n".join(lines))

    def _expectations(self) -> dict[str, str]:
        return dict(self.plan["data"].get("expectations") or {}) if self.plan else {}

    def fill_behaviour(self) -> None:
        table = self.query_one("#eval-behaviour-table", DataTable)
        row = table.cursor_row
        table.clear()
        expectations = self._expectations()
        for value in BERAKHLAK:
            table.add_row(
                label_of(BERAKHLAK_LABELS, value),
                expectations.get(value, "-")[:26],
                self.behaviour_notes.get(value, "-")[:26],
                key=value,
            )
        table.move_cursor(row=max(row, 0))
        self.show_guides()

    def _value(self) -> str:
        table = self.query_one("#eval-behaviour-table", DataTable)
        return BERAKHLAK[min(max(table.cursor_row, 0), len(BERAKHLAK) - 1)]

    def show_guides(self) -> None:
        value = self._value()
        self.query_one("#eval-guides", Static).update(
            text.behaviour_context(self.services.lang, value, self._expectations().get(value, ""))
        )

    def fill_feedback(self) -> None:
        table = self.query_one("#eval-feedback", DataTable)
        table.clear()
        for found in self._feedback():
            item = self.records.get("plan_item", found.plan_item_id) if found.plan_item_id else None
            about = str(item["data"].get("text", ""))[:20] if item else "SKP"
            table.add_row(about, found.body.replace("\n", " ")[:52], key=found.id)

    # --- the PPK's notes on a row -------------------------------------------
    def action_note(self) -> None:
        tabs = self.query_one(TabbedContent)
        if tabs.active == "tab-behaviour":
            value = self._value()
            dialog = NoteDialog(
                _("Note on {value}").format(value=label_of(BERAKHLAK_LABELS, value)),
                text.behaviour_context(
                    self.services.lang, value, self._expectations().get(value, "")
                ),
                self.behaviour_notes.get(value, ""),
            )
            notes, key, refill = self.behaviour_notes, value, self.fill_behaviour
        else:
            item_id = self._item_id()
            item = self.records.get("plan_item", item_id) if item_id else None
            if item is None:
                return
            dialog = NoteDialog(
                _("Note on the RHK"),
                str(item["data"].get("text", "")),
                self.item_notes.get(item["id"], ""),
            )
            notes, key, refill = self.item_notes, item["id"], self.show_item_detail

        def written(note: str | None) -> None:
            if note is None:
                return
            if note:
                notes[key] = note
            else:
                notes.pop(key, None)
            refill()

        self.app.push_screen(dialog, written)
