"""Drilling down: the people behind a figure, then one person's records.

A person's records are read from the local store when held here (a PPK's
team, a unit head's line); otherwise they are fetched from the server when
opened (GET /records), off the screen's thread, and a failure is a message.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from client import person_file
from client.monitoring import people_behind, problem_text, read_team
from client.person_file import PersonFile
from client.services import Services
from domain.nip import format_nip
from domain.vocab import (
    EVALUATION_STATUS_LABELS,
    FOLLOW_UP_KIND_LABELS,
    FOLLOW_UP_STATUS_LABELS,
    PLAN_STATUS_LABELS,
    PREDIKAT_LABELS,
)
from tui.actions import bindings, localise
from tui.screens.monitoring.texts import words
from tui.screens.monitoring.views import VIEWS, Column
from tui.widgets.commands import ScreenCommands


class PeopleScreen(Screen[None]):
    """The people a figure counts; Enter opens one's records."""

    CSS_PATH = "monitoring.tcss"
    COMMANDS = {ScreenCommands}
    ACTION_SCOPES = ("monitoring.people",)
    BINDINGS: ClassVar[list[BindingType]] = list(bindings("monitoring.people"))

    def __init__(
        self,
        services: Services,
        view_name: str,
        row: Mapping[str, Any],
        column: Column,
        period_id: str,
    ) -> None:
        super().__init__()
        self.services = services
        self._ = words(services.lang)
        localise(self, services.lang)
        self.title = self._("Monitoring")
        state = column.state if view_name == "plans" else None
        self.people = people_behind(read_team(services), view_name, row, state, period_id)
        figure = self._(VIEWS[view_name].title)
        if state is not None:
            figure += f" · {self._(column.heading)}"
        where = row.get("unit_name") or row.get("name") or ""
        self.heading = f"{figure} · {where}"

    def compose(self) -> ComposeResult:
        _ = self._
        yield Header()
        yield Static(self.heading, classes="screen-title", markup=False)
        table: DataTable[str] = DataTable(id="people", cursor_type="row", zebra_stripes=True)
        table.add_column(_("Name"), width=30)
        table.add_column("NIP", width=21)
        table.add_column(_("SKP"), width=14)
        for person in self.people:
            state = PLAN_STATUS_LABELS.get(person.detail, person.detail)  # type: ignore[call-overload]
            if person.detail == "missing":
                state = _("Missing")
            elif not person.detail:
                state = _("open to see")
            table.add_row(person.name, format_nip(person.nip), state, key=person.nip)
        yield table
        yield Static("" if self.people else _("Nobody is counted here."), classes="empty-state")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open":
            return bool(self.people)
        return True

    def action_open(self) -> None:
        if not self.people:
            return
        person = self.people[self.query_one(DataTable).cursor_row]
        self.app.push_screen(PersonFileScreen(self.services, person.nip, person.name))

    @on(DataTable.RowSelected)
    def _clicked(self, _event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_back(self) -> None:
        self.dismiss()


class PersonFileScreen(Screen[None]):
    """One person's records, read-only: SKP, realisasi, evaluations and the rest."""

    CSS_PATH = "monitoring.tcss"
    COMMANDS = {ScreenCommands}
    ACTION_SCOPES = ("monitoring.person",)
    BINDINGS: ClassVar[list[BindingType]] = list(bindings("monitoring.person"))

    def __init__(self, services: Services, nip: str, name: str) -> None:
        super().__init__()
        self.services = services
        self.nip = nip
        self._ = words(services.lang)
        localise(self, services.lang)
        self.title = self._("Monitoring")
        self.heading = f"{name} · NIP {format_nip(nip)}"

    def compose(self) -> ComposeResult:
        _ = self._
        yield Header()
        yield Static(self.heading, classes="screen-title", markup=False)
        yield Static(id="file-source", classes="screen-line")
        table: DataTable[str] = DataTable(id="file", cursor_type="row", zebra_stripes=True)
        table.add_column(_("Record"), width=16)
        table.add_column(_("What"), width=40)
        table.add_column(_("State"), width=14)
        yield table
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        held = person_file.held(read_team(self.services), self.nip)
        if held is not None:
            self._show(held)
            return
        self.query_one("#file-source", Static).update(self._("Fetching from the server…"))
        self.fetch()

    @work(thread=True, exclusive=True, group="monitoring")
    def fetch(self) -> None:
        try:
            found = person_file.fetch(self.services, self.nip)
            reason = found.error
        except Exception as error:  # whatever else fails: a message too, never a crash
            reason = problem_text(error)
        if reason is not None:
            text = self._("The records could not be fetched: {reason}").format(reason=reason)
            self.app.call_from_thread(self.query_one("#file-source", Static).update, text)
            return
        self.app.call_from_thread(self._show, found)

    def _show(self, found: PersonFile) -> None:
        _ = self._
        source = _("Fetched from the server just now.") if found.fetched else _("Held here.")
        self.query_one("#file-source", Static).update(source)
        table = self.query_one(DataTable)
        table.clear()
        for kind, what, state in file_lines(found, _):
            table.add_row(kind, what, state)

    def action_back(self) -> None:
        self.dismiss()


def file_lines(found: PersonFile, _: Any) -> list[tuple[str, str, str]]:
    """(record, what, state) per record, SKP first; a line per kind when there are none."""
    lines: list[tuple[str, str, str]] = []
    records = found.records
    for plan in records.get("plan", []):
        data = plan["data"]
        items = sum(
            1 for i in records.get("plan_item", []) if i["data"].get("plan_id") == plan["id"]
        )
        state = PLAN_STATUS_LABELS.get(data.get("status", "draft"), "")
        lines.append(("SKP", _("{n} RHK").format(n=items), state))
    done = len(records.get("progress", []))
    lines.append((_("Realisasi"), _("{n} entries").format(n=done), ""))
    for evaluation in records.get("evaluation", []):
        data = evaluation["data"]
        predikat = PREDIKAT_LABELS.get(data.get("predikat"), "-")
        lines.append(
            (_("Evaluation"), predikat, EVALUATION_STATUS_LABELS.get(data.get("status"), ""))
        )
    for training in records.get("training", []):
        data = training["data"]
        lines.append((_("Training"), f"{data.get('title', '')} · {data.get('jp', 0)} JP", ""))
    for follow_up in records.get("follow_up", []):
        data = follow_up["data"]
        status = FOLLOW_UP_STATUS_LABELS.get(data.get("status"), "")
        kind = FOLLOW_UP_KIND_LABELS.get(data.get("kind"), "")
        lines.append((_("Tindak lanjut"), kind, status))
    for objection in records.get("objection", []):
        data = objection["data"]
        state = _("decided") if data.get("decision") else _("waiting")
        lines.append((_("Keberatan"), str(data.get("reason", ""))[:40], state))
    return lines
