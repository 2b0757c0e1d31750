"""Realisasi from a service log: a CSV of requests becomes proposed values, saved once accepted.

Opened from Realisasi on the highlighted RHK (its indicators are the ones
filled) for the chosen period. The person picks the CSV (the file picker),
sees its first rows and the received and completed columns Kinerja guessed
(client/servicelog/log.py), changes them if need be, and reads the period's
count, median and percentile in working days on Sofifi's calendar, the
malformed rows with their lines, and the value proposed for each indicator
with its reason (client/servicelog/realisasi.py). Nothing is saved until
the person accepts and says yes in the confirm dialog; then the values go
into the realisasi (an indicator the log says nothing about keeps its
value) and the CSV is attached as its evidence.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Select, Static

from client.evidence import EvidenceProblem, attach, texts
from client.numbers import format_number
from client.plan import Record, new_id
from client.progress import COLLECTIONS
from client.records import Snapshot
from client.servicelog.log import LogError, LogSpec, Preview, preview
from client.servicelog.realisasi import Proposal, realisasi_from_log
from client.services import Services
from client.writes import Write, save
from tui.actions import bindings, localise
from tui.widgets.dialogs import ConfirmDialog
from tui.widgets.file_picker import FilePicker
from tui.widgets.forms import ErrorLabel
from tui.widgets.saving import Saving

MALFORMED_SHOWN = 8  # lines listed; the count says how many more


class ServiceLogDialog(Saving, ModalScreen[Snapshot | bool]):
    """Dismissed with the records read again after the save (a Snapshot), or False."""

    DEFAULT_CSS = """
    ServiceLogDialog { align: center middle; }
    ServiceLogDialog > Vertical {
        width: 80; height: 100%; padding: 0 1;
        border: thick $primary; background: $surface;
    }
    ServiceLogDialog .log-title { text-style: bold; }
    ServiceLogDialog #log-preview { height: 5; }
    ServiceLogDialog Horizontal { height: auto; }
    ServiceLogDialog Select { width: 1fr; }
    ServiceLogDialog VerticalScroll { height: 1fr; }
    """
    BINDINGS = bindings("service_log")

    def __init__(
        self,
        services: Services,
        view: Snapshot,
        item: Record,
        period: Record,
        existing: Record | None,
    ) -> None:
        super().__init__()
        localise(self, services.lang)
        self.services = services
        self.view = view
        self.item = item
        self.period = period
        self.existing = existing
        self._ = texts(services.lang)
        self.path: Path | None = None
        self.preview: Preview | None = None
        self.proposal: Proposal | None = None

    def compose(self) -> ComposeResult:
        _ = self._
        with Vertical():
            yield Static(
                _("Realisasi {period} from a service log: {rhk}").format(
                    period=self.period["data"].get("name", ""), rhk=self.item["data"].get("text")
                ),
                classes="log-title",
            )
            yield Static(_("No file chosen yet."), id="log-file")
            yield DataTable(id="log-preview", show_cursor=False)
            with Horizontal():
                yield Select([], prompt=_("Received"), compact=True, id="received-column")
                yield Select([], prompt=_("Completed"), compact=True, id="completed-column")
            yield ErrorLabel(id="log-error")
            with VerticalScroll():
                yield Static("", id="log-summary")
                yield Static("", id="log-proposal")
                yield Static("", id="log-malformed")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.action_choose_file()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "accept":
            return self.proposal is not None and any(v is not None for v in self.proposal.values)
        return True

    # --- the file and its columns ---------------------------------------------------

    def action_choose_file(self) -> None:
        picker = FilePicker(self._("Which service log (CSV)?"), Path.cwd(), lang=self.services.lang)
        self.app.push_screen(picker, self._file_chosen)

    def _file_chosen(self, path: Path | None) -> None:
        if path is None:
            return
        error = self.query_one("#log-error", ErrorLabel)
        try:
            found = preview(path)
        except LogError as problem:
            error.show(str(problem))
            return
        error.show("")
        self.path, self.preview = path, found
        self.query_one("#log-file", Static).update(str(path))
        table = self.query_one("#log-preview", DataTable)
        table.clear(columns=True)
        table.add_columns(*found.header)
        for row in found.rows[:3]:
            table.add_row(*(row + [""] * (len(found.header) - len(row)))[: len(found.header)])
        options = [(name or str(n + 1), n) for n, name in enumerate(found.header)]
        for selector, guessed in (
            ("#received-column", found.received_column),
            ("#completed-column", found.completed_column),
        ):
            select = self.query_one(selector, Select)
            with self.prevent(Select.Changed):
                select.set_options(options)
                if guessed is not None:
                    select.value = guessed
        self._compute()

    @on(Select.Changed)
    def _column_changed(self) -> None:
        self._compute()

    def _spec(self) -> LogSpec | None:
        found = self.preview
        received = self.query_one("#received-column", Select).value
        completed = self.query_one("#completed-column", Select).value
        if found is None or not isinstance(received, int) or not isinstance(completed, int):
            return None
        for column in (received, completed):
            if not found.formats.get(column):
                self.query_one("#log-error", ErrorLabel).show(
                    self._(
                        "The column {name} holds no dates Kinerja can read; choose another."
                    ).format(name=found.header[column])
                )
                return None
        return LogSpec(
            received,
            completed,
            found.formats[received][0],
            found.formats[completed][0],
            found.delimiter,
            found.encoding,
        )

    def _compute(self) -> None:
        self.proposal = None
        self.refresh_bindings()
        spec = self._spec()
        if spec is None or self.path is None:
            return
        self.query_one("#log-error", ErrorLabel).show("")
        self.query_one("#log-summary", Static).update(self._("Reading the log…"))
        self._read(self.path, spec)

    @work(thread=True, exclusive=True, group="servicelog")
    def _read(self, path: Path, spec: LogSpec) -> None:
        """50,000 rows take under a second, but off the UI thread all the same."""
        data = self.period["data"]
        try:
            proposal = realisasi_from_log(
                path,
                spec,
                self.item["data"].get("indicators") or [],
                date.fromisoformat(data["start"]),
                date.fromisoformat(data["end"]),
                lang=self.services.lang,
            )
        except LogError as problem:
            self.app.call_from_thread(self.query_one("#log-error", ErrorLabel).show, str(problem))
        else:
            self.app.call_from_thread(self._show, spec, proposal)

    # --- showing --------------------------------------------------------------------

    def _show(self, spec: LogSpec, proposal: Proposal) -> None:
        if spec != self._spec():
            return  # the columns changed while this was read: a newer read follows
        _ = self._
        lang = self.services.lang
        self.proposal = proposal
        summary = proposal.summary

        def days(value: float | None) -> str:
            return format_number(round(value, 1), lang) if value is not None else "-"

        lines = [
            _("{count} requests completed from {start} to {end}").format(
                count=summary.completed, start=summary.start, end=summary.end
            ),
            _("Working days to complete: median {median}, percentile {p}: {percentile}").format(
                median=days(summary.median),
                p=format_number(summary.percentile, lang),
                percentile=days(summary.percentile_days),
            ),
            _(
                "Rows: {rows}; not completed: {open}; completed outside the period: {outside}"
            ).format(rows=summary.rows, open=summary.open_requests, outside=summary.outside_period),
        ]
        if summary.unconfirmed_years:
            lines.append(
                _("The days off of {years} are not confirmed yet: check the figures.").format(
                    years=", ".join(str(y) for y in summary.unconfirmed_years)
                )
            )
        self.query_one("#log-summary", Static).update("\n".join(lines))
        proposed = [_("Proposed realisasi:")]
        for indicator, value, reason in zip(
            self.item["data"].get("indicators") or [],
            proposal.values,
            proposal.reasons,
            strict=True,
        ):
            shown = format_number(value, lang) if value is not None else "-"
            proposed.append(f"• {indicator.get('indicator', '')}: {shown} ({reason})")
        self.query_one("#log-proposal", Static).update("\n".join(proposed))
        malformed = [
            _("Line {line}: {reason}").format(line=m.line, reason=m.message(lang))
            for m in summary.malformed[:MALFORMED_SHOWN]
        ]
        if summary.malformed:
            malformed.insert(
                0, _("{count} malformed rows, not counted:").format(count=len(summary.malformed))
            )
        if len(summary.malformed) > MALFORMED_SHOWN:
            malformed.append(
                _("… and {more} more.").format(more=len(summary.malformed) - MALFORMED_SHOWN)
            )
        self.query_one("#log-malformed", Static).update("\n".join(malformed))
        self.refresh_bindings()

    # --- accepting ------------------------------------------------------------------

    def action_accept(self) -> None:
        if self.proposal is None or self.path is None:
            return
        question = self._("Save these realisasi values and attach {name} as evidence?").format(
            name=self.path.name
        )
        self.app.push_screen(ConfirmDialog(question, self.services.lang), self._answered)

    def _answered(self, yes: bool | None) -> None:
        if not yes or self.proposal is None or self.path is None:
            return
        try:
            blob = attach(self.services, self.path)
        except EvidenceProblem as problem:
            self.query_one("#log-error", ErrorLabel).show(str(problem))
            return
        write = Write(
            "progress",
            self.existing["id"] if self.existing else new_id(),
            str(self.item["owner"]),
            self._data(blob),
        )
        services = self.services
        self.save(
            lambda: save(services, write, reread=COLLECTIONS),
            lambda saved: self.dismiss(saved.snapshot or True),
        )

    def _data(self, blob: dict[str, Any]) -> dict[str, Any]:
        """The realisasi with the proposed values (the others kept) and the log as evidence."""
        assert self.proposal is not None
        old = dict(self.existing["data"]) if self.existing else {}
        before = list(old.get("values") or [])
        values = [
            value if value is not None else (before[n] if n < len(before) else None)
            for n, value in enumerate(self.proposal.values)
        ]
        evidence = [
            e
            for e in old.get("evidence") or []
            if (e.get("blob") or {}).get("sha256") != blob["sha256"]
        ]
        evidence.append(
            {"label": self._("Service log {name}").format(name=blob["name"]), "blob": blob}
        )
        return {
            **old,
            "plan_item_id": self.item["id"],
            "period_id": self.period["id"],
            "values": values,
            "evidence": evidence,
        }
