"""The PPK's list of their subordinates' SKP: those waiting for a decision first."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from domain.nip import format_nip
from domain.vocab import PLAN_STATUS_LABELS
from tui.keys import binding
from tui.screens.plan_common import N_, ScreenActions, texts, translate_bindings
from tui.screens.plan_data import (
    Services,
    employee,
    label_of,
    period_name,
    plans_of,
    subordinate_plans,
)
from tui.sync_worker import SyncDone


class TeamPlansScreen(Screen[None]):
    """One row per subordinate SKP; a subordinate without any SKP is listed too."""

    CSS_PATH = "plan.tcss"
    COMMANDS = {ScreenActions}
    BINDINGS = [
        binding("plan.team_open", "ctrl+e", "open_plan", N_("Open SKP")),
        binding("plan.team_back", "escape", "back", N_("Back")),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self._ = texts(services.lang)
        self.title = self._("Team SKP")
        translate_bindings(self, self._)

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
        self.refresh_view()

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.refresh_view()

    def on_sync_done(self, _message: SyncDone) -> None:
        """A sync round may have brought new records."""
        if self.is_mounted:
            self.refresh_view()

    def refresh_view(self) -> None:
        _ = self._
        table = self.query_one("#team", DataTable)
        cursor = table.cursor_row
        table.clear()
        for plan in subordinate_plans(self.services):
            status = str(plan["data"].get("status", ""))
            table.add_row(
                self.person_name(plan["owner"]),
                format_nip(plan["owner"]),
                period_name(self.services, plan["data"].get("period_id")),
                label_of(PLAN_STATUS_LABELS, status),
                key=plan["id"],
            )
        for nip in self.services.org().subordinates_of(self.services.me):
            if not plans_of(self.services, nip):
                table.add_row(
                    self.person_name(nip), format_nip(nip), "-", _("no SKP yet"), key=f"none:{nip}"
                )
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1))
        empty = self.query_one("#team-empty", Static)
        empty.display = table.row_count == 0
        empty.update(_("No employee has you as their atasan in your data."))

    def person_name(self, nip: str) -> str:
        found = employee(self.services, nip)
        return str(found["data"].get("name", nip)) if found else nip

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
        from tui.screens.plan import PlanScreen

        plan_id = self._chosen_plan_id()
        if plan_id is not None:
            self.app.push_screen(PlanScreen(self.services, plan_id))

    def action_back(self) -> None:
        self.dismiss(None)
