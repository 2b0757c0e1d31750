"""Realisasi: progress against each IKI of an approved SKP, period by period."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Select, Static

from client.evidence import texts as document_texts
from client.numbers import format_number
from client.plan import Record, indicator_summary, label_of
from client.progress import (
    COLLECTIONS,
    approved_plans,
    may_write_progress,
    progress_for,
    progress_periods,
)
from client.records import Snapshot
from client.services import Services
from domain.vocab import PLAN_STATUS_LABELS
from tui.actions import bindings, localise
from tui.screens.progress.editor import ProgressEditor
from tui.screens.progress.service_log import ServiceLogDialog
from tui.sync_worker import SyncDone
from tui.texts import plan_texts
from tui.widgets.commands import ScreenCommands
from tui.widgets.evidence_files import EvidenceFiles
from tui.widgets.export_list import ExportsList


class ProgressScreen(ExportsList, Screen[None]):
    """Pick an approved SKP and a period; each RHK's realisasi is one row."""

    CSS_PATH = "../plan/plan.tcss"
    COMMANDS = {ScreenCommands}
    ACTION_SCOPES = ("progress",)
    BINDINGS = [*bindings("progress"), *bindings("export")]

    def __init__(self, services: Services, owner: str | None = None) -> None:
        """``owner``: a subordinate whose realisasi the PPK reads (pushed, read-only)."""
        super().__init__()
        self.services = services
        self.owner = owner or services.me
        self.pushed = owner is not None and owner != services.me
        self.view = Snapshot.read(services, COLLECTIONS)
        self._ = plan_texts(services.lang)
        self.title = self._("Realisasi")
        self._editing = False  # an editor is open over the screen
        self._plan_ids: list[str] = []  # the approved SKP the picker offers
        localise(self, services.lang)

    def approved_plans(self) -> list[Record]:
        return approved_plans(self.view, self.owner)

    def _plan_options(self, plans: list[Record]) -> list[tuple[str, str]]:
        words = self._("SKP {period}")
        return [
            (words.format(period=self.view.period_name(p["data"]["period_id"])), p["id"])
            for p in plans
        ]

    def _fill_plans(self) -> None:
        """The SKP to choose from, again when a sync changed which are approved (the
        Select changing posts its own redraw)."""
        plans = self.approved_plans()
        ids = [p["id"] for p in plans]
        if ids == self._plan_ids:
            return
        self._plan_ids = ids
        select = self.query_one("#plan", Select)
        keep = select.value if select.value in ids else (ids[0] if ids else Select.NULL)
        select.set_options(self._plan_options(plans))
        if ids:
            select.value = keep

    def compose(self) -> ComposeResult:
        _ = self._
        plans = self.approved_plans()
        self._plan_ids = [p["id"] for p in plans]
        yield Header()
        yield Static(_("Realisasi"), id="progress-title", classes="screen-title")
        with Horizontal(id="progress-pickers"):
            yield Select(
                self._plan_options(plans),
                value=plans[0]["id"] if plans else Select.NULL,
                allow_blank=not plans,
                prompt=_("SKP"),
                compact=True,
                id="plan",
            )
            yield Select([], prompt=_("Period"), compact=True, id="period")
        yield Static(
            _("enter or ctrl+e: record the realisasi of the chosen RHK"),
            id="progress-people",
            classes="screen-line",
        )
        table: DataTable[str] = DataTable(
            id="progress-items", cursor_type="row", zebra_stripes=True
        )
        table.add_column(_("RHK"), width=30)
        table.add_column(_("IKI and target"), width=26)
        table.add_column(_("Realisasi"), width=10)
        table.add_column(_("Evidence"), width=5)
        yield table
        yield Static("", id="progress-empty", classes="empty-state")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        if self.pushed:
            self.title = self._("Realisasi") + " · " + self.view.name_of(self.owner)
        self._fill_periods()
        self.refresh_view(reread=False)
        self.query_one("#progress-items", DataTable).focus()

    def on_screen_resume(self) -> None:
        # Back from the editor, its outcome redraws (closed): no second read.
        if self._editing:
            self._editing = False
        elif self.is_mounted:
            self.refresh_view()

    def on_sync_done(self, message: SyncDone) -> None:
        """A sync round may have brought new records."""
        if not getattr(message, "changed", True):
            return  # an idle round: nothing new to read
        if self.is_mounted:
            self.refresh_view()

    # --- reading the pickers ------------------------------------------------------

    @property
    def plan(self) -> Record | None:
        chosen = self.query_one("#plan", Select).value
        if not isinstance(chosen, str):
            return None
        found = self.view.get("plan", chosen)
        return found if found and not found.get("deleted") else None

    @property
    def period_id(self) -> str | None:
        chosen = self.query_one("#period", Select).value
        return chosen if isinstance(chosen, str) else None

    def _fill_periods(self) -> None:
        plan = self.plan
        select = self.query_one("#period", Select)
        periods = progress_periods(self.view, plan) if plan else []
        select.set_options([(str(p["data"].get("name", p["id"])), p["id"]) for p in periods])
        if periods:
            select.value = periods[0]["id"]

    @on(Select.Changed, "#plan")
    def _plan_changed(self) -> None:
        self._fill_periods()
        self.refresh_view()

    @on(Select.Changed, "#period")
    def _period_changed(self) -> None:
        self.refresh_view()

    # --- showing --------------------------------------------------------------------

    def refresh_view(self, *, reread: bool = True) -> None:
        """Draw the realisasi; ``reread`` the store first (one read) unless just read."""
        _ = self._
        if reread:
            self.view = Snapshot.read(self.services, COLLECTIONS)
            self._fill_plans()
        plan = self.plan
        table = self.query_one("#progress-items", DataTable)
        empty = self.query_one("#progress-empty", Static)
        cursor = table.cursor_row
        table.clear()
        if plan is None:
            table.display = False
            empty.display = True
            empty.update(
                _(
                    "No approved SKP yet: realisasi is recorded once your PPK approves your SKP (F3 Rencana)."
                )
            )
            self.refresh_bindings()
            return
        table.display = True
        empty.display = False
        status = str(plan["data"].get("status", ""))
        self.query_one("#progress-title", Static).update(
            _("Realisasi · SKP {period} · {status}").format(
                period=self.view.period_name(plan["data"].get("period_id")),
                status=label_of(PLAN_STATUS_LABELS, status),
            )
        )
        period_id = self.period_id
        for item in self.view.items_of(plan):
            summary = indicator_summary(item["data"].get("indicators") or [], self.services.lang)
            record = progress_for(self.view, item, period_id) if period_id else None
            values = record["data"].get("values", []) if record else []
            shown = (
                " / ".join(
                    format_number(v, self.services.lang) if v is not None else "-" for v in values
                )
                or "-"
            )
            evidence = len(record["data"].get("evidence") or []) if record else 0
            table.add_row(
                item["data"].get("text", ""), summary, shown, str(evidence), key=item["id"]
            )
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1))
        self.refresh_bindings()

    # --- actions --------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        if action in ("edit", "service_log"):
            plan = self.plan
            items = self.view.items_of(plan) if plan is not None else []
            return (
                self.period_id is not None
                and bool(items)
                and self.query_one("#progress-items", DataTable).row_count > 0
                and may_write_progress(self.view, items[0])
            )
        if action == "evidence":
            record = self._highlighted_progress()
            return bool(record and record["data"].get("evidence"))
        if action == "back":
            return self.pushed
        if action == "choose_plan":
            return len(self.approved_plans()) > 1
        if action == "choose_period":
            return self.plan is not None
        return True

    @on(DataTable.RowSelected)
    def _row_chosen(self) -> None:
        if self.check_action("edit", ()) is True:  # not on a subordinate's, read-only
            self.action_edit()

    def action_edit(self) -> None:
        plan, period_id = self.plan, self.period_id
        table = self.query_one("#progress-items", DataTable)
        if plan is None or period_id is None or table.row_count == 0:
            return
        row_key, _column = table.coordinate_to_cell_key(table.cursor_coordinate)
        item = self.view.get("plan_item", str(row_key.value))
        if item is None:
            return

        existing = progress_for(self.view, item, period_id)
        editor = ProgressEditor(self.services, self.view, plan, item, period_id, existing)
        self._editing = True
        self.app.push_screen(editor, self._realisasi_closed)

    def _realisasi_closed(self, saved: Snapshot | bool | None) -> None:
        """An editor or the service log closed: a save redraws from the records it read."""
        if isinstance(saved, Snapshot):
            self.view = saved  # read by the save's worker, after the write
            self.notify(self._("Realisasi saved."))
            self.refresh_view(reread=False)

    def _highlighted_progress(self) -> Record | None:
        table = self.query_one("#progress-items", DataTable)
        if self.period_id is None or table.row_count == 0:
            return None
        row_key, _column = table.coordinate_to_cell_key(table.cursor_coordinate)
        item = self.view.get("plan_item", str(row_key.value))
        return progress_for(self.view, item, self.period_id) if item else None

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self) -> None:
        self.refresh_bindings()  # the evidence key follows the row

    def action_evidence(self) -> None:
        record = self._highlighted_progress()
        if record is None:
            return
        item = self.view.get("plan_item", str(record["data"].get("plan_item_id")))
        title = document_texts(self.services.lang)("Evidence: {rhk}").format(
            rhk=(item or {}).get("data", {}).get("text", "")
        )
        self.app.push_screen(
            EvidenceFiles(self.services, title, record["data"].get("evidence") or [])
        )

    def action_service_log(self) -> None:
        plan, period_id = self.plan, self.period_id
        table = self.query_one("#progress-items", DataTable)
        period = self.view.get("period", period_id) if period_id else None
        if plan is None or period is None or table.row_count == 0:
            return
        row_key, _column = table.coordinate_to_cell_key(table.cursor_coordinate)
        item = self.view.get("plan_item", str(row_key.value))
        if item is None:
            return
        existing = progress_for(self.view, item, period["id"])
        self._editing = True
        self.app.push_screen(
            ServiceLogDialog(self.services, self.view, item, period, existing),
            self._realisasi_closed,
        )

    def action_back(self) -> None:
        self.dismiss(None)

    def action_choose_period(self) -> None:
        select = self.query_one("#period", Select)
        select.focus()
        select.expanded = True

    def action_choose_plan(self) -> None:
        select = self.query_one("#plan", Select)
        select.focus()
        select.expanded = True
