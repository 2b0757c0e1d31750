"""The realisasi of one RHK in one period: a value per IKI, a note, evidence links and files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Static

from client.evidence import EvidenceProblem, attach, budget_text, describe
from client.evidence import texts as document_texts
from client.numbers import format_number, parse_number
from client.plan import Record, new_id, target_of, without_none
from client.progress import COLLECTIONS
from client.records import Snapshot
from client.services import Services
from client.writes import Issues, Write, save
from tui.actions import bindings, localise
from tui.texts import plan_texts
from tui.widgets.file_picker import FilePicker
from tui.widgets.forms import ErrorLabel, FieldScroll, quiet, show_in_rows
from tui.widgets.saving import Saving
from tui.widgets.unsaved import GuardedForm


class EvidenceRow(Vertical):
    """One bukti dukung: a label and its link, or a label and a kept file (name, size, type)."""

    def __init__(self, evidence: dict[str, Any], _: Callable[[str], str], lang: str) -> None:
        super().__init__(classes="evidence-row")
        self.evidence = evidence
        self.blob: dict[str, Any] | None = evidence.get("blob")
        self._ = _
        self.lang = lang

    def compose(self) -> ComposeResult:
        _ = self._
        with Horizontal(classes="evidence-line"):
            yield quiet(
                Input(
                    str(self.evidence.get("label") or ""),
                    placeholder=_("Label"),
                    compact=True,
                    classes="evidence-label",
                )
            )
            if self.blob is not None:
                yield Label(describe(self.blob, self.lang), classes="evidence-file")
            else:
                yield quiet(
                    Input(
                        str(self.evidence.get("url") or ""),
                        placeholder="https://…",
                        compact=True,
                        classes="evidence-url",
                    )
                )
        yield ErrorLabel()

    def is_blank(self) -> bool:
        return self.blob is None and self.value() is None

    def value(self) -> dict[str, Any] | None:
        label = self.query_one(".evidence-label", Input).value.strip()
        if self.blob is not None:
            return {"label": label, "blob": self.blob}
        url = self.query_one(".evidence-url", Input).value.strip()
        return {"label": label, "url": url} if label or url else None


class ProgressEditor(GuardedForm, Saving, ModalScreen[Snapshot | bool]):
    """Writes the one progress record of an RHK for a period (new, or edited).

    Dismissed with the records read again after the save (a Snapshot), or False.
    """

    BINDINGS = bindings("progress.editor")
    LEFT_WITH = False

    def __init__(
        self,
        services: Services,
        view: Snapshot,
        plan: Record,
        item: Record,
        period_id: str,
        existing: Record | None,
    ) -> None:
        super().__init__(classes="plan-dialog progress-editor")
        self.services = services
        self.view = view
        self.plan = plan
        self.item = item
        self.period_id = period_id
        self.existing = existing
        self._ = plan_texts(services.lang)
        localise(self, services.lang)
        self._evidence_rows: list[int] = []

    def compose(self) -> ComposeResult:
        _ = self._
        data = self.existing["data"] if self.existing else {}
        values = list(data.get("values") or [])
        indicators = self.item["data"].get("indicators") or []
        with Vertical(classes="dialog-body"):
            yield Static(
                _("Realisasi {period}: {rhk}").format(
                    period=self.view.period_name(self.period_id),
                    rhk=self.item["data"].get("text", ""),
                ),
                classes="dialog-title",
            )
            for index, indicator in enumerate(indicators):
                target = target_of(indicator, self.services.lang)
                with Horizontal(classes="value-line"):
                    yield Label(
                        _("{iki} (target {target})").format(
                            iki=indicator.get("indicator", ""), target=target or "-"
                        ),
                        classes="value-caption",
                    )
                    yield quiet(
                        Input(
                            format_number(
                                values[index] if index < len(values) else None, self.services.lang
                            ),
                            placeholder=_("value"),
                            compact=True,
                            id=f"value-{index}",
                        )
                    )
                yield ErrorLabel(id=f"values-{index}-error")
            yield ErrorLabel(id="values-error")
            yield quiet(
                Input(str(data.get("note") or ""), placeholder=_("Note"), compact=True, id="note")
            )
            yield ErrorLabel(id="note-error")
            yield Static(_("Evidence (bukti dukung): label and link"), classes="section")
            yield Static(self._files_line(), id="evidence-files-line")
            with FieldScroll(id="evidence"):
                for evidence in data.get("evidence") or [{}]:
                    yield EvidenceRow(evidence, self._, self.services.lang)
            yield ErrorLabel(id="evidence-error")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        first = self.query(Input).first()
        first.focus()

    def draft_key(self) -> str:
        return f"progress-{self.item['id']}-{self.period_id}"

    def draft_title(self) -> str:
        return self._("Realisasi {period}: {rhk}").format(
            period=self.view.period_name(self.period_id), rhk=self.item["data"].get("text", "")
        )

    def rows(self) -> list[EvidenceRow]:
        return list(self.query(EvidenceRow))

    async def action_add_evidence(self) -> None:
        row = EvidenceRow({}, self._, self.services.lang)
        await self.query_one("#evidence", FieldScroll).mount(row)
        row.query_one(".evidence-label", Input).focus()
        row.scroll_visible()

    async def action_remove_evidence(self) -> None:
        rows = self.rows()
        if not rows:
            return
        focused = self.focused
        target = next(
            (r for r in rows if focused is not None and focused in r.walk_children()), rows[-1]
        )
        await target.remove()
        if not self.rows():
            await self.query_one("#evidence", FieldScroll).mount(
                EvidenceRow({}, self._, self.services.lang)
            )

    def action_attach_file(self) -> None:
        """Pick a file; it is kept in the profile at once and listed as a new evidence row."""
        words = document_texts(self.services.lang)
        picker = FilePicker(
            words("Attach which file as evidence?"), Path.cwd(), lang=self.services.lang
        )
        self.app.push_screen(picker, self._file_chosen)

    async def _file_chosen(self, path: Path | None) -> None:
        if path is None:
            return
        problem = self.query_one("#evidence-error", ErrorLabel)
        try:
            blob = attach(self.services, path)
        except EvidenceProblem as refused:
            problem.show(str(refused))
            return
        problem.show("")
        rows = self.rows()
        if rows and rows[-1].is_blank():
            await rows[-1].remove()  # the blank row waiting for a link
        row = EvidenceRow({"label": path.stem, "blob": blob}, self._, self.services.lang)
        await self.query_one("#evidence", FieldScroll).mount(row)
        row.query_one(".evidence-label", Input).focus()
        row.scroll_visible()
        self.query_one("#evidence-files-line", Static).update(self._files_line())

    def _files_line(self) -> str:
        words = document_texts(self.services.lang)
        return words("Files up to 10 MB; {budget}").format(budget=budget_text(self.services))

    def progress_data(self) -> tuple[dict[str, Any], list[int]]:
        """The record's data, and for each kept evidence its row (for messages)."""
        indicators = self.item["data"].get("indicators") or []
        values = [
            parse_number(self.query_one(f"#value-{index}", Input).value)
            for index in range(len(indicators))
        ]
        evidence: list[dict[str, Any]] = []
        rows: list[int] = []
        for number, row in enumerate(self.rows()):
            found = row.value()
            if found is not None:
                evidence.append(found)
                rows.append(number)
        note = self.query_one("#note", Input).value.strip() or None
        data = without_none(
            {
                "plan_item_id": self.item["id"],
                "period_id": self.period_id,
                "values": values,
                "note": note,
                "evidence": evidence,
            }
        )
        return data, rows

    def show_issues(self, issues: Issues) -> None:
        """Each message beside its field: an evidence's in its row."""
        show_in_rows(self, issues.fields, "evidence", self.rows(), self._evidence_rows)

    def action_save(self) -> None:
        data, self._evidence_rows = self.progress_data()
        record_id = self.existing["id"] if self.existing else new_id()
        write = Write("progress", record_id, self.plan["owner"], data)
        services = self.services
        self.save(
            lambda: save(services, write, reread=COLLECTIONS),
            lambda saved: self.dismiss(saved.snapshot or True),
        )
