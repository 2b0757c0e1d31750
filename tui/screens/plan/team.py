"""The PPK's list of their subordinates' SKP: those waiting for a decision first.

A PPK may have hundreds of staff, so the list filters as they type (name,
NIP, unit, period, status), sorts by column and counts (FilterList).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from client.plan import COLLECTIONS, label_of, subordinate_plans
from client.records import Snapshot
from client.services import Services
from domain.nip import format_nip
from domain.vocab import PLAN_STATUS_LABELS
from tui.actions import bindings, localise
from tui.sync_worker import SyncDone
from tui.texts import plan_texts
from tui.widgets.commands import ScreenCommands
from tui.widgets.export_list import ExportsList
from tui.widgets.filter_list import Column, FilterList, Row

TEAM_COLLECTIONS = (*COLLECTIONS, "unit")


class TeamPlansScreen(ExportsList, Screen[None]):
    """One row per subordinate SKP; a subordinate without any SKP is listed too."""

    CSS_PATH = "plan.tcss"
    COMMANDS = {ScreenCommands}
    ACTION_SCOPES = ("plan.team",)
    BINDINGS = [*bindings("plan.team"), *bindings("export")]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.view = Snapshot.read(services, TEAM_COLLECTIONS)
        self._ = plan_texts(services.lang)
        self.title = self._("Team SKP")
        localise(self, services.lang)

    def compose(self) -> ComposeResult:
        _ = self._
        yield Header()
        yield Static(
            _("SKP of the employees whose PPK you are"), id="team-title", classes="screen-title"
        )
        columns = (
            Column(_("Name"), 18),
            Column(_("NIP"), 21),
            Column(_("Unit"), 10),
            Column(_("Period"), 13),
            Column(_("Status"), 13),
        )
        yield FilterList(
            columns,
            self.rows(),
            noun=_("SKP"),
            placeholder=_("Type to filter: name, NIP, unit, status…"),
            lang=self.services.lang,
            id="team",
        )
        yield Static("", id="team-empty", classes="empty-state")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(FilterList).focus_filter()
        self.show_empty()

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.refresh_view()

    def on_sync_done(self, message: SyncDone) -> None:
        if not getattr(message, "changed", True):
            return  # an idle round: nothing new to read
        """A sync round may have brought new records."""
        if self.is_mounted:
            self.refresh_view()

    def rows(self) -> list[Row]:
        _ = self._
        view = self.view
        found = [
            Row(
                plan["id"],
                (
                    view.name_of(plan["owner"]),
                    format_nip(plan["owner"]),
                    view.unit_name_of(plan["owner"]),
                    view.period_name(plan["data"].get("period_id")),
                    label_of(PLAN_STATUS_LABELS, str(plan["data"].get("status", ""))),
                ),
            )
            for plan in subordinate_plans(view)
        ]
        found += [
            Row(
                f"none:{nip}",
                (view.name_of(nip), format_nip(nip), view.unit_name_of(nip), "-", _("no SKP yet")),
            )
            for nip in view.org.team_of(self.services.me)
            if not view.plans_of(nip)
        ]
        return found

    def refresh_view(self) -> None:
        self.view = Snapshot.read(self.services, TEAM_COLLECTIONS)
        self.query_one(FilterList).set_rows(self.rows())
        self.show_empty()

    def show_empty(self) -> None:
        empty = self.query_one("#team-empty", Static)
        empty.display = not self.query_one(FilterList).rows
        empty.update(self._("No employee has you as their atasan in your data."))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_plan":
            return self._chosen_plan_id() is not None
        return True

    def _chosen_plan_id(self) -> str | None:
        if not self.is_mounted:
            return None
        key = self.query_one(FilterList).highlighted_key
        return None if key is None or key.startswith("none:") else key

    @on(FilterList.Highlighted)
    def _moved(self, _event: FilterList.Highlighted) -> None:
        self.refresh_bindings()

    @on(FilterList.Chosen)
    def _chosen(self, _event: FilterList.Chosen) -> None:
        self.action_open_plan()

    def action_open_plan(self) -> None:
        from tui.screens.plan.screen import PlanScreen

        plan_id = self._chosen_plan_id()
        if plan_id is not None:
            self.app.push_screen(PlanScreen(self.services, plan_id))

    def action_back(self) -> None:
        self.dismiss(None)
