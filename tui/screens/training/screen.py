"""Pelatihan: the employee records training; everyone sees the year's 20 JP.

Pick a person (yourself, or one of those whose PPK you are): the list shows
their training that counts this year (client/training.py), the summary their
JP against the 20 JP minimum. A PPK also sees the team's line: who is short,
and by how much. The owner (or an admin) records, edits and removes
training; the PPK reads (domain.permissions).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Select, Static

from client import training as model
from client.conflicts import discard
from client.records import Snapshot
from client.writes import Saved, Write, save
from domain.vocab import TRAINING_PATH_LABELS
from tui.actions import bindings, key_for, localise
from tui.screens.training.form import TrainingForm
from tui.texts import year_ as _
from tui.widgets.commands import ScreenCommands
from tui.widgets.dialogs import ConfirmDialog
from tui.widgets.filter_list import Column, FilterList, Row
from tui.widgets.rejected import RejectedNotice
from tui.widgets.saving import Saving


def jp_text(jp: float) -> str:
    return str(int(jp)) if float(jp).is_integer() else f"{jp:g}"


def path_label(path: Any) -> str:
    """The path in one word for the list: "Klasikal" of "Pelatihan Klasikal"."""
    return TRAINING_PATH_LABELS.get(path, "-").removeprefix("Pelatihan ")  # type: ignore[call-overload]


class TrainingScreen(Saving, Screen[None]):
    CSS_PATH = "training.tcss"
    COMMANDS = {ScreenCommands}
    ACTION_SCOPES = ("training",)
    BINDINGS = bindings("training")

    def __init__(self, services: Any) -> None:
        super().__init__()
        localise(self)
        self.services = services
        self.records = Snapshot.read(services, model.COLLECTIONS)
        self.shown: dict[str, dict[str, Any]] = {}
        self.allowed: dict[str, bool] = {}

    def compose(self) -> ComposeResult:
        me = self.services.me
        people = [(_("Myself"), me)] + [
            (str(p["data"].get("name")), str(p["data"]["nip"]))
            for p in self.records.subordinates(me)
        ]
        yield Header()
        with Horizontal(id="training-pickers"):
            yield Label(_("Employee"))
            yield Select(people, value=me, allow_blank=False, compact=True, id="training-person")
        yield Static("", id="training-summary")
        yield FilterList(
            [
                Column(_("Title"), 28),
                Column(_("Path"), 12),
                Column(_("JP"), 4),
                Column(_("End"), 10),
                Column(_("Organiser"), 14),
            ],
            noun=_("training"),
            placeholder=_("Type to filter: title, path, organiser…"),
            lang=self.services.lang,
            id="training-list",
        )
        yield Static("", id="training-team")
        yield RejectedNotice(id="training-rejected")
        yield Footer()

    def on_mount(self) -> None:
        self.title = _("Pelatihan")
        self.refresh_table(reread=False)
        self.query_one(FilterList).focus_filter()

    # --- what is shown ------------------------------------------------------------
    @property
    def person(self) -> str:
        return str(self.query_one("#training-person", Select).value)

    @property
    def current(self) -> dict[str, Any] | None:
        key = self.query_one(FilterList).highlighted_key
        return self.shown.get(key) if key else None

    def refresh_table(self, *, reread: bool = True) -> None:
        if reread:
            self.records = Snapshot.read(self.services, model.COLLECTIONS)
        records, year = self.records, model.year_of(self.records)
        found = model.trainings(records, self.person, year)
        self.shown = {training["id"]: training for training in found}
        rows = []
        for training in found:
            data = training["data"]
            cells = (
                str(data.get("title", "")),
                path_label(data.get("path")),
                jp_text(float(data.get("jp", 0))),
                str(data.get("end", "")),
                str(data.get("organiser", "")),
            )
            rows.append(Row(training["id"], cells))
        self.query_one(FilterList).set_rows(rows)
        self.query_one("#training-summary", Static).update(self._summary(year))
        team = self.query_one("#training-team", Static)
        team.update(self._team(year))
        team.display = bool(self._team(year))
        self.show_detail()

    def _summary(self, year: int) -> str:
        mine = model.standing(self.records, self.person, year)
        total = _("JP {year}: {jp} of {minimum}.").format(
            year=year, jp=jp_text(mine.jp), minimum=model.JP_MINIMUM
        )
        if mine.short_by:
            return total + " " + _("Short by {n} JP.").format(n=jp_text(mine.short_by))
        return total + " " + _("The minimum is met.")

    def _team(self, year: int) -> str:
        team = model.team(self.records, year)
        if not team:
            return ""
        short = [s for s in team if s.short_by]
        if not short:
            return _("Team: everyone has the {minimum} JP.").format(minimum=model.JP_MINIMUM)
        names = ", ".join(f"{s.name} {jp_text(s.short_by)}" for s in short)
        return _("Team short of {minimum} JP ({n} of {size}): {names}").format(
            minimum=model.JP_MINIMUM, n=len(short), size=len(team), names=names
        )

    def show_detail(self) -> None:
        found = self.current
        may_record = model.may_record(self.records, self.person)
        self.allowed = {
            "new": may_record,
            "edit": found is not None and may_record,
            "remove": found is not None and may_record,
            "discard": found is not None and bool(found.get("rejected")),
        }
        self.refresh_bindings()
        hint = _("Fix it with {edit}, or discard it with {discard}.").format(
            edit=key_for(self, "training.edit") or "",
            discard=key_for(self, "training.discard") or "",
        )
        self.query_one(RejectedNotice).show_for(found, self.services.lang, hint)

    @on(Select.Changed)
    def _picked(self) -> None:
        self.refresh_table()
        self.query_one(FilterList).focus_filter()

    @on(FilterList.Highlighted)
    def _highlighted(self) -> None:
        if self.is_mounted:
            self.show_detail()

    @on(FilterList.Chosen)
    def _chosen(self) -> None:
        if self.allowed.get("edit"):
            self.action_edit()

    def on_sync_done(self, _message: object) -> None:
        self.refresh_table()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.allowed.get(action, True)

    # --- actions ------------------------------------------------------------------
    def action_pick(self) -> None:
        self.query_one("#training-person", Select).action_show_overlay()

    def _open_form(self, existing: dict[str, Any] | None) -> None:
        owner = self.person
        title = _("Training of {who}").format(who=self.records.name_of(owner))
        today = self.services.now().date()

        def done(data: dict[str, Any] | None) -> None:
            if data is not None:
                record_id = existing["id"] if existing else model.new_id()
                self.write(Write("training", record_id, owner, data))

        form = TrainingForm(title, today, dict(existing["data"]) if existing else None)
        self.app.push_screen(form, done)

    def action_new(self) -> None:
        self._open_form(None)

    def action_edit(self) -> None:
        if self.current is not None:
            self._open_form(self.current)

    def action_remove(self) -> None:
        found = self.current
        if found is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(Write("training", found["id"], found["owner"], None))

        question = _("Remove the training {title}?").format(title=found["data"].get("title", ""))
        self.app.push_screen(ConfirmDialog(question), answered)

    def action_discard(self) -> None:
        found = self.current
        if found is None:
            return
        services = self.services
        self.save(
            lambda: discard(services, "training", found["id"]),
            lambda _saved: self.refresh_table(),
        )

    def write(self, write: Write, then: Callable[[], None] | None = None) -> None:
        services, view = self.services, self.records

        def saved(result: Saved) -> None:
            if result.snapshot is not None:
                self.records = result.snapshot
            self.refresh_table(reread=result.snapshot is None)
            if then is not None:
                then()

        self.save(lambda: save(services, view, write, reread=model.COLLECTIONS), saved)
