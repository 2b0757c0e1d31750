"""The PPK's list of their subordinates' SKP: those waiting for a decision first."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from client.plan import COLLECTIONS, label_of, subordinate_plans
from client.records import Snapshot
from client.services import Services
from domain.nip import format_nip
from domain.vocab import PLAN_STATUS_LABELS
from tui.actions import bindings, localise
from tui.sync_worker import SyncDone
from tui.texts import plan_texts
from tui.widgets.commands import ScreenCommands


class TeamPlansScreen(Screen[None]):
    """One row per subordinate SKP; a subordinate without any SKP is listed too."""

    CSS_PATH = "plan.tcss"
    COMMANDS = {ScreenCommands}
    ACTION_SCOPES = ("plan.team",)
    BINDINGS = bindings("plan.team")

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.view = Snapshot.read(services, COLLECTIONS)
        self._ = plan_texts(services.lang)
        self.title = self._("Team SKP")
        localise(self, services.lang)

    def compose(self) -> ComposeResult:
        _ = self._
        yield Header()
        yield Static(
            _("SKP of the employees whose PPK you are"), id="team-title", classes="screen-title"
        )
        table: DataTable[str] = DataTable(id="team", cursor_type="row", zebra_stripes=True)
        table.add_column(_("Name"), width=24)
        table.add_column(_("NIP"), width=18)
        table.add_column(_("Period"), width=16)
        table.add_column(_("Status"), width=12)
        yield table
        yield Static("", id="team-empty", classes="empty-state")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.refresh_view(reread=False)

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.refresh_view()

    def on_sync_done(self, _message: SyncDone) -> None:
        """A sync round may have brought new records."""
        if self.is_mounted:
            self.refresh_view()

    def refresh_view(self, *, reread: bool = True) -> None:
        _ = self._
        if reread:
            self.view = Snapshot.read(self.services, COLLECTIONS)
        table = self.query_one("#team", DataTable)
        cursor = table.cursor_row
        table.clear()
        for plan in subordinate_plans(self.view):
            status = str(plan["data"].get("status", ""))
            table.add_row(
                self.person_name(plan["owner"]),
                format_nip(plan["owner"]),
                self.view.period_name(plan["data"].get("period_id")),
                label_of(PLAN_STATUS_LABELS, status),
                key=plan["id"],
            )
        for nip in self.view.org.team_of(self.services.me):
            if not self.view.plans_of(nip):
                table.add_row(
                    self.person_name(nip), format_nip(nip), "-", _("no SKP yet"), key=f"none:{nip}"
                )
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1))
        empty = self.query_one("#team-empty", Static)
        empty.display = table.row_count == 0
        empty.update(_("No employee has you as their atasan in your data."))

    def person_name(self, nip: str) -> str:
        return self.view.name_of(nip)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_plan":
            return self._chosen_plan_id() is not None
        return True

    def _chosen_plan_id(self) -> str | None:
        if not self.is_mounted:
            return None
        table = self.query_one("#team", DataTable)
        if table.row_count == 0:
            return None
        row_key, _column = table.coordinate_to_cell_key(table.cursor_coordinate)
        key = str(row_key.value)
        return None if key.startswith("none:") else key

    @on(DataTable.RowSelected)
    @on(DataTable.RowHighlighted)
    def _moved(self, event: DataTable.RowSelected | DataTable.RowHighlighted) -> None:
        self.refresh_bindings()
        if isinstance(event, DataTable.RowSelected):
            self.action_open_plan()

    def action_open_plan(self) -> None:
        from tui.screens.plan.screen import PlanScreen

        plan_id = self._chosen_plan_id()
        if plan_id is not None:
            self.app.push_screen(PlanScreen(self.services, plan_id))

    def action_back(self) -> None:
        self.dismiss(None)
