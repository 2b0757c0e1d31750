"""Pelatihan: the employee records training; everyone sees the year's 20 JP.

Pick a person (yourself, or one of those whose PPK you are): the list shows
their training that counts this year (client/training.py), the summary their
JP against the 20 JP minimum. A PPK also sees the team's line: who is short,
and by how much. The owner (or an admin) records, edits and removes
training; the PPK reads (domain.permissions).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, Select

from client import training as model
from client.writes import Write
from domain.vocab import TRAINING_PATH_LABELS
from tui.actions import bindings, key_for
from tui.screens.training.form import TrainingForm
from tui.texts import year_ as _
from tui.widgets.dialogs import ConfirmDialog
from tui.widgets.filter_list import Column, FilterList
from tui.widgets.list_detail import ListDetailScreen, Listing
from tui.widgets.rejected import RejectedNotice


def jp_text(jp: float) -> str:
    return str(int(jp)) if float(jp).is_integer() else f"{jp:g}"


def path_label(path: Any) -> str:
    """The path in one word for the list: "Klasikal" of "Pelatihan Klasikal"."""
    return TRAINING_PATH_LABELS.get(path, "-").removeprefix("Pelatihan ")  # type: ignore[call-overload]


class TrainingScreen(ListDetailScreen[dict[str, Any]]):
    CSS_PATH = "training.tcss"
    ACTION_SCOPES = ("training",)
    BINDINGS = bindings("training")
    PREFIX = "training"
    PANES = ("team",)
    COLLECTIONS = model.COLLECTIONS

    def listing(self) -> Listing:
        return Listing(
            _("Pelatihan"),
            [
                Column(_("Title"), 28),
                Column(_("Path"), 12),
                Column(_("JP"), 4),
                Column(_("End"), 10),
                Column(_("Organiser"), 14),
            ],
            noun=_("training"),
            placeholder=_("Type to filter: title, path, organiser…"),
        )

    def compose_above(self) -> ComposeResult:
        me = self.services.me
        people = [(_("Myself"), me)] + [
            (str(p["data"].get("name")), str(p["data"]["nip"]))
            for p in self.records.subordinates(me)
        ]
        with Horizontal(id="training-pickers"):
            yield Label(_("Employee"))
            yield Select(people, value=me, allow_blank=False, compact=True, id="training-person")

    # --- what is shown ------------------------------------------------------------
    @property
    def person(self) -> str:
        return str(self.query_one("#training-person", Select).value)

    def listed(self) -> list[dict[str, Any]]:
        return model.trainings(self.records, self.person, model.year_of(self.records))

    def key_of(self, item: dict[str, Any]) -> str:
        return str(item["id"])

    def cells(self, item: dict[str, Any]) -> tuple[str, ...]:
        data = item["data"]
        return (
            str(data.get("title", "")),
            path_label(data.get("path")),
            jp_text(float(data.get("jp", 0))),
            str(data.get("end", "")),
            str(data.get("organiser", "")),
        )

    def show_summary(self, found: Sequence[dict[str, Any]]) -> None:
        year = model.year_of(self.records)
        self.pane("summary").update(self._summary(year))
        team = self.pane("team")
        team.update(self._team(year))
        team.display = bool(self._team(year))

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

    @on(FilterList.Chosen)
    def _chosen(self) -> None:
        if self.allowed.get("edit"):
            self.action_edit()

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
                self.write([Write("training", record_id, owner, data)])

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
                self.write([Write("training", found["id"], found["owner"], None)])

        question = _("Remove the training {title}?").format(title=found["data"].get("title", ""))
        self.app.push_screen(ConfirmDialog(question), answered)

    def action_discard(self) -> None:
        found = self.current
        if found is None:
            return
        self.discard_refused("training", found["id"])
