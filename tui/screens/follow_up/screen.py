"""Tindak lanjut: rewards, coaching and sanctions that follow a final evaluation.

Everyone sees the follow-ups they may read (the server sends only those:
protocol 2), open ones first by their next due date. The PPK (or the admin)
records one from a final evaluation (n), and the app proposes the kind the
predikat calls for; a coaching follow-up walks the PP 30/2019 path one step
at a time (s), each step dated, the next one and its due date shown, and a
passed due date warned; a follow-up ends with f. For functional staff the
predikat's share of the annual credit points is shown beside the evaluation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from client import follow_up as model
from client.conflicts import discard
from client.records import Snapshot
from client.writes import Saved, Write, save
from domain.vocab import FOLLOW_UP_STEP_LABELS, PREDIKAT_LABELS
from tui.actions import bindings, key_for, localise
from tui.screens.follow_up import text
from tui.screens.follow_up.form import FollowUpForm, Source
from tui.texts import year_ as _
from tui.widgets.commands import ScreenCommands
from tui.widgets.dialogs import ConfirmDialog, NoteDialog
from tui.widgets.filter_list import Column, FilterList, Row
from tui.widgets.rejected import RejectedNotice
from tui.widgets.saving import Saving


class FollowUpScreen(Saving, Screen[None]):
    CSS_PATH = "follow_up.tcss"
    COMMANDS = {ScreenCommands}
    ACTION_SCOPES = ("follow_up",)
    BINDINGS = bindings("follow_up")

    def __init__(self, services: Any) -> None:
        super().__init__()
        localise(self)
        self.services = services
        self.records = Snapshot.read(services, model.COLLECTIONS)
        self.shown: dict[str, model.Entry] = {}
        self.allowed: dict[str, bool] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="follow-summary")
        yield FilterList(
            [
                Column(_("Employee"), 16),
                Column(_("Kind"), 13),
                Column(_("Start"), 10),
                Column(_("Next step"), 16),
                Column(_("Due"), 12),
            ],
            noun=_("follow-ups"),
            placeholder=_("Type to filter: name, kind, step…"),
            lang=self.services.lang,
            id="follow-list",
        )
        yield Static("", id="follow-detail")
        yield Static("", id="follow-next")
        yield RejectedNotice(id="follow-rejected")
        yield Footer()

    def on_mount(self) -> None:
        self.title = _("Tindak lanjut")
        self.refresh_table(reread=False)
        self.query_one(FilterList).focus_filter()

    # --- what is shown ----------------------------------------------------------
    @property
    def current(self) -> model.Entry | None:
        key = self.query_one(FilterList).highlighted_key
        return self.shown.get(key) if key else None

    def refresh_table(self, *, reread: bool = True) -> None:
        if reread:
            self.records = Snapshot.read(self.services, model.COLLECTIONS)
        found = model.entries(self.records)
        self.shown = {e.record["id"]: e for e in found}
        rows = [Row(key, text.row(self.records, e)) for key, e in self.shown.items()]
        self.query_one(FilterList).set_rows(rows)
        still_open = [e for e in found if e.data.get("status") == "open"]
        summary = _("{count} follow-ups, {open} open, {late} past their due date.").format(
            count=len(self.shown), open=len(still_open), late=sum(e.late for e in still_open)
        )
        self.query_one("#follow-summary", Static).update(summary)
        self.show_detail()

    def show_detail(self) -> None:
        found = self.current
        records = self.records
        may_write = found is not None and model.may_record(records, found.owner)
        self.allowed = {
            "new": bool(model.final_evaluations(records)),
            "step": may_write and found is not None and found.next is not None,
            "close": may_write and found is not None and found.data.get("status") == "open",
            "discard": found is not None and bool(found.record.get("rejected")),
        }
        self.refresh_bindings()
        detail = self.query_one("#follow-detail", Static)
        coming = self.query_one("#follow-next", Static)
        if found is None:
            detail.update(_("No follow-up yet."))
            coming.update("")
        else:
            detail.update(text.details(records, found))
            coming.update(text.next_text(found) or "")
            coming.set_class(found.late, "-late")
        self.query_one(RejectedNotice).show_for(
            found.record if found else None,
            self.services.lang,
            _("Discard it with {key}.").format(key=key_for(self, "follow_up.discard") or ""),
        )

    @on(FilterList.Highlighted)
    def _highlighted(self) -> None:
        if self.is_mounted:
            self.show_detail()

    def on_sync_done(self, _message: object) -> None:
        self.refresh_table()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.allowed.get(action, True)

    # --- actions ------------------------------------------------------------------
    def _sources(self) -> list[Source]:
        records = self.records
        found = []
        for evaluation in model.final_evaluations(records):
            data, owner = evaluation["data"], str(evaluation["owner"])
            predikat = str(data.get("predikat"))
            label = " · ".join(
                (
                    records.name_of(owner),
                    records.period_name(data.get("period_id")),
                    PREDIKAT_LABELS.get(predikat, predikat),  # type: ignore[call-overload]
                )
            )
            found.append((label[:56], evaluation["id"], owner, predikat))
        return found

    def action_new(self) -> None:
        def done(chosen: tuple[str, dict[str, Any]] | None) -> None:
            if chosen is not None:
                owner, data = chosen
                self.write(Write("follow_up", model.new_id(), owner, data))

        today = model.today(self.records)
        self.app.push_screen(FollowUpForm(self._sources(), today), done)

    def action_step(self) -> None:
        found = self.current
        if found is None or found.next is None:
            return
        step = FOLLOW_UP_STEP_LABELS[found.next.step]
        day = model.today(self.records)

        def noted(note: str | None) -> None:
            data = model.with_step(found, day, note or "") if note is not None else None
            if data is not None:
                self.write(Write("follow_up", found.record["id"], found.owner, data))

        title = _("{step} for {who}, on {day}").format(
            step=step, who=self.records.name_of(found.owner), day=day.isoformat()
        )
        context = _("A note on this step (optional): the result, who was involved.")
        self.app.push_screen(NoteDialog(title, context, lang=self.services.lang), noted)

    def action_close(self) -> None:
        found = self.current
        if found is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                data = model.closed(found)
                self.write(Write("follow_up", found.record["id"], found.owner, data))

        self.app.push_screen(ConfirmDialog(_("Mark this follow-up as done?")), answered)

    def action_discard(self) -> None:
        found = self.current
        if found is None:
            return
        services = self.services
        self.save(
            lambda: discard(services, "follow_up", found.record["id"]),
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
