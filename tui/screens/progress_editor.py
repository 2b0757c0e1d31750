"""The realisasi of one RHK in one period: a value per IKI, a note, evidence links."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Static

from tui.keys import binding
from tui.screens.plan_common import (
    N_,
    ErrorLabel,
    FieldScroll,
    clear_errors,
    texts,
    translate_bindings,
)
from tui.screens.plan_data import (
    Record,
    Services,
    field_index,
    format_number,
    issues_for,
    parse_number,
    period_name,
    save_if_allowed,
    target_of,
    without_none,
)


def _quiet(field: Input) -> Input:
    field.cursor_blink = False
    return field


def is_web_link(text: str) -> bool:
    """An http(s) address with a host: what a colleague can open from the SKP."""
    try:
        parts = urlsplit(text.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in text.strip()


class EvidenceRow(Vertical):
    """One bukti dukung: a label and its link."""

    def __init__(self, evidence: dict[str, Any], _: Callable[[str], str]) -> None:
        super().__init__(classes="evidence-row")
        self.evidence = evidence
        self._ = _

    def compose(self) -> ComposeResult:
        _ = self._
        with Horizontal(classes="evidence-line"):
            yield _quiet(
                Input(
                    str(self.evidence.get("label") or ""),
                    placeholder=_("Label"),
                    compact=True,
                    classes="evidence-label",
                )
            )
            yield _quiet(
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

    def show_error(self, message: str) -> None:
        self.query_one(ErrorLabel).show(message)


class ProgressEditor(ModalScreen[bool]):
    """Writes the one progress record of an RHK for a period (new, or edited)."""

    BINDINGS = [
        binding("progress.save", "ctrl+s", "save", N_("Save realisasi")),
        binding("progress.add_evidence", "ctrl+n", "add_evidence", N_("Add evidence")),
        binding("progress.remove_evidence", "ctrl+l", "remove_evidence", N_("Remove evidence")),
        binding("progress.cancel", "escape", "dismiss(False)", N_("Close")),
    ]

    def __init__(
        self,
        services: Services,
        plan: Record,
        item: Record,
        period_id: str,
        existing: Record | None,
    ) -> None:
        super().__init__(classes="plan-dialog progress-editor")
        self.services = services
        self.plan = plan
        self.item = item
        self.period_id = period_id
        self.existing = existing
        self._ = texts(services.lang)
        translate_bindings(self, self._)

    def compose(self) -> ComposeResult:
        _ = self._
        data = self.existing["data"] if self.existing else {}
        values = list(data.get("values") or [])
        indicators = self.item["data"].get("indicators") or []
        with Vertical(classes="dialog-body"):
            yield Static(
                _("Realisasi {period}: {rhk}").format(
                    period=period_name(self.services, self.period_id),
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
                    yield _quiet(
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
            yield _quiet(
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

    def problems(self, data: dict[str, Any]) -> dict[str, str]:
        found: dict[str, str] = {}
        for issue in issues_for("progress", data):
            found.setdefault(issue.field, issue.message(self.services.lang))
        for index, value in enumerate(data["values"]):
            if isinstance(value, str):
                found.setdefault(
                    f"values[{index}]",
                    self._("Write the realisasi as a number, e.g. 45, or leave it empty."),
                )
        for index, evidence in enumerate(data["evidence"]):
            if evidence["url"] and not is_web_link(evidence["url"]):
                found.setdefault(
                    f"evidence[{index}].url",
                    self._("The link must be a web address starting with https:// or http://."),
                )
            elif not evidence["url"]:
                found.setdefault(f"evidence[{index}].url", self._("Give the link to the evidence."))
            if not evidence["label"]:
                found.setdefault(f"evidence[{index}].label", self._("Give the evidence a label."))
        return found

    def show_problems(self, found: dict[str, str], rows: list[int]) -> None:
        clear_errors(self)
        evidence_rows = self.rows()
        for field, message in found.items():
            head, index, _tail = field_index(field)
            if head == "evidence" and index is not None and index < len(rows):
                evidence_rows[rows[index]].show_error(message)
            elif index is not None and self.query(f"#{head}-{index}-error"):
                self.query_one(f"#{head}-{index}-error", ErrorLabel).show(message)
            elif self.query(f"#{head}-error"):
                self.query_one(f"#{head}-error", ErrorLabel).show(message)

    def action_save(self) -> None:
        data, rows = self.progress_data()
        found = self.problems(data)
        self.show_problems(found, rows)
        if found:
            return
        denial = save_if_allowed(
            self.services,
            "progress",
            self.existing,
            self.plan["owner"],
            data,
            plan_status=self.plan["data"].get("status"),
        )
        if denial is not None:
            self.notify(denial.message(self.services.lang), severity="error")
            return
        self.dismiss(True)
