"""The realisasi of one RHK in one period: a value per IKI, a note, evidence links."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Static

from client.numbers import format_number, parse_number
from client.plan import Record, new_id, target_of, without_none
from client.progress import COLLECTIONS
from client.records import Snapshot
from client.services import Services
from client.writes import Issues, Write, save
from tui.actions import bindings, localise
from tui.texts import plan_texts
from tui.widgets.forms import ErrorLabel, FieldScroll, quiet, show_in_rows
from tui.widgets.saving import Saving
from tui.widgets.unsaved import GuardedForm


class EvidenceRow(Vertical):
    """One bukti dukung: a label and its link."""

    def __init__(self, evidence: dict[str, Any], _: Callable[[str], str]) -> None:
        super().__init__(classes="evidence-row")
        self.evidence = evidence
        self._ = _

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
            yield quiet(
                Input(
                    str(self.evidence.get("url") or ""),
                    placeholder="https://…",
                    compact=True,
                    classes="evidence-url",
                )
            )
        yield ErrorLabel()

    def value(self) -> dict[str, str] | None:
        label = self.query_one(".evidence-label", Input).value.strip()
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
            with FieldScroll(id="evidence"):
                for evidence in data.get("evidence") or [{}]:
                    yield EvidenceRow(evidence, self._)
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
        row = EvidenceRow({}, self._)
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
            await self.query_one("#evidence", FieldScroll).mount(EvidenceRow({}, self._))

    def progress_data(self) -> tuple[dict[str, Any], list[int]]:
        """The record's data, and for each kept evidence its row (for messages)."""
        indicators = self.item["data"].get("indicators") or []
        values = [
            parse_number(self.query_one(f"#value-{index}", Input).value)
            for index in range(len(indicators))
        ]
        evidence: list[dict[str, str]] = []
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
        services, view = self.services, self.view
        self.save(
            lambda: save(services, view, write, reread=COLLECTIONS),
            lambda saved: self.dismiss(saved.snapshot or True),
        )
