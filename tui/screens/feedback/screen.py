"""Umpan balik: the PPK writes it, the employee reads and acknowledges it.

One screen for both sides. Pick a person (yourself, or one of those whose
PPK you are) and a period; the table lists that person's feedback thread by
thread (the SKP as a whole, then each RHK). What you may do follows
domain.permissions: the PPK writes feedback and dialog kinerja notes; the
employee only acknowledges (sets ``acknowledged_at``). Keys you may not use
are hidden, never refused after typing.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, Select, Static

from client import evaluation as facts
from client import feedback as rules
from client.feedback import FeedbackEntry, entries
from client.records import Snapshot
from client.writes import Write
from domain.deadlines import office_day
from tui.actions import bindings, localise
from tui.screens.feedback.form import FeedbackForm
from tui.texts import review_ as _
from tui.widgets.commands import ScreenCommands
from tui.widgets.dialogs import ConfirmDialog
from tui.widgets.export_list import ExportsList
from tui.widgets.person_picker import pick_person
from tui.widgets.record_saving import RecordSaving
from tui.widgets.rejected import RejectedNotice

ALL_PERIODS = "__all__"


class FeedbackScreen(ExportsList, RecordSaving, Screen[None]):
    CSS_PATH = "feedback.tcss"
    COMMANDS = {ScreenCommands}
    ACTION_SCOPES = ("feedback",)
    BINDINGS = [*bindings("feedback"), *bindings("export")]
    COLLECTIONS = rules.COLLECTIONS

    def __init__(self, services: Any) -> None:
        super().__init__()
        localise(self)
        self.services = services
        self.records = Snapshot.read(services, self.COLLECTIONS)
        self.shown: list[FeedbackEntry] = []
        self.allowed: dict[str, bool] = {}

    # --- layout -------------------------------------------------------------
    def compose(self) -> ComposeResult:
        records = self.records
        me = self.services.me
        people = [(_("Myself"), me)] + [
            (str(p["data"].get("name")), str(p["data"]["nip"])) for p in records.subordinates(me)
        ]
        periods = [(str(p["data"].get("name")), p["id"]) for p in records.periods_newest_first()]
        yield Header()
        with Horizontal(id="feedback-pickers"):
            yield Label(_("Employee (p)"))
            yield Select(people, value=me, allow_blank=False, compact=True, id="feedback-person")
            yield Label(_("Period (o)"))
            yield Select(
                [(_("All periods"), ALL_PERIODS), *periods],
                value=ALL_PERIODS,
                allow_blank=False,
                compact=True,
                id="feedback-period",
            )
        yield Static("", id="feedback-summary")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="feedback-table")
        yield Static("", id="feedback-detail")
        yield RejectedNotice(id="feedback-rejected")
        yield Footer()

    def on_mount(self) -> None:
        self.title = _("Umpan balik")
        table = self.query_one(DataTable)
        for label, width in (
            (_("About"), 22),
            (_("Kind"), 17),
            (_("Umpan balik"), 20),
            (_("Read"), 10),
        ):
            table.add_column(label, width=width)
        self.refresh_table(reread=False)
        table.focus()

    # --- what is shown --------------------------------------------------------
    @property
    def person(self) -> str:
        return str(self.query_one("#feedback-person", Select).value)

    @property
    def period_id(self) -> str | None:
        value = self.query_one("#feedback-period", Select).value
        return None if value == ALL_PERIODS else str(value)

    @property
    def current(self) -> FeedbackEntry | None:
        table = self.query_one(DataTable)
        if not self.shown or table.cursor_row < 0 or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def _item_text(self, item_id: str | None) -> str:
        if not item_id:
            return "SKP"
        item = self.records.get("plan_item", item_id)
        return str(item["data"].get("text")) if item else item_id

    def refresh_table(self, *, reread: bool = True) -> None:
        """Draw the threads; ``reread`` the store first (one read) unless just read."""
        if reread:
            self.records = Snapshot.read(self.services, self.COLLECTIONS)
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        self.shown = entries(self.records.list("feedback", owner=self.person), self.period_id)
        for found in self.shown:
            kind = (
                _("Dialog {day}").format(day=found.dialog_on.isoformat())
                if found.dialog_on
                else _("Umpan balik")
            )
            read_on = office_day(found.acknowledged_at)
            read = read_on.isoformat() if read_on else _("not yet")
            table.add_row(
                self._item_text(found.plan_item_id)[:22],
                kind,
                found.body.replace("\n", " ")[:20],
                read,
                key=found.id,
            )
        if self.shown:
            table.move_cursor(row=min(max(row, 0), len(self.shown) - 1))
        waiting = sum(1 for e in self.shown if not e.acknowledged_at)
        summary = _("{count} umpan balik, {waiting} not yet read.").format(
            count=len(self.shown), waiting=waiting
        )
        self.show_detail()
        if not self.allowed["new"]:
            summary += " " + _("Read-only: only the PPK writes umpan balik.")
        self.query_one("#feedback-summary", Static).update(summary)

    def show_detail(self) -> None:
        self._weigh_permissions()
        found = self.current
        detail = self.query_one("#feedback-detail", Static)
        notice = self.query_one(RejectedNotice)
        if found is None:
            detail.update(_("No umpan balik here yet."))
            notice.show_for(None, self.services.lang)
            return
        who = self.records.name_of(found.created_by)
        words = f"{self._item_text(found.plan_item_id)}\n{found.body}\n" + _("by {who}").format(
            who=who
        )
        if not found.acknowledged_at and not self.allowed["acknowledge"]:
            # Why there is no "Dibaca" key here: the server refuses anyone else.
            words += "\n" + _("Not read yet; only {owner} can mark it read.").format(
                owner=self.records.name_of(found.owner)
            )
        detail.update(words)
        record = self.records.get("feedback", found.id)
        hint = (
            _("Fix it with e to send it again, or x to discard it.")
            if self.allowed["edit"]
            else _("Discard it with x.")
        )
        notice.show_for(record, self.services.lang, hint)

    @on(Select.Changed)
    def _picked(self) -> None:
        self.refresh_table()
        self.query_one(DataTable).focus()

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self.show_detail()

    def on_sync_done(self, message: object) -> None:
        """The shell's sync round ended: what the PPK or employee did elsewhere shows."""
        if not getattr(message, "changed", True):
            return  # an idle round: nothing new to read
        self.refresh_table()

    # --- which keys work --------------------------------------------------------
    def _weigh_permissions(self) -> None:
        """Ask domain.permissions once per person and highlighted entry, not per key."""
        found = self.current
        self.allowed = {
            "new": rules.may_give_feedback(self.records, self.person),
            "edit": found is not None and rules.may_edit_feedback(self.records, found),
            "acknowledge": found is not None and rules.may_acknowledge(self.records, found),
            "discard": found is not None and found.rejected is not None,
        }
        self.allowed["dialog"] = self.allowed["new"]
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.allowed.get(action, True)

    # --- actions --------------------------------------------------------------
    def _targets(self) -> list[tuple[str, str]]:
        period = self.records.get("period", self.period_id) if self.period_id else None
        plans = (
            [facts.plan_for(self.records, self.person, period)]
            if period
            else self.records.list("plan", owner=self.person)
        )
        return [
            (str(item["id"]), str(item["data"].get("text"))[:60])
            for plan in plans
            if plan
            for item in self.records.items_of(plan)
        ]

    def _open_form(self, *, dialog: bool, existing: FeedbackEntry | None) -> None:
        record = self.records.get("feedback", existing.id) if existing else None
        title = _("Dialog kinerja with {who}") if dialog else _("Umpan balik for {who}")
        form = FeedbackForm(
            title=title.format(who=self.records.name_of(self.person)),
            targets=self._targets(),
            period_id=self.period_id,
            dialog=dialog,
            today=self.services.now().date(),
            existing=dict(record["data"]) if record else None,
        )

        def saved(data: dict[str, Any] | None) -> None:
            if data is None:
                return
            record_id = existing.id if existing else rules.new_id()
            self.write([Write("feedback", record_id, self.person, data)])

        self.app.push_screen(form, saved)

    def action_pick(self, selector: str) -> None:
        """Open a picker's list, ready for the arrow keys; people in a PersonPicker."""
        select = self.query_one(selector, Select)
        if selector.endswith("-person"):
            pick_person(self, select, self._position_of)
        else:
            select.action_show_overlay()

    def _position_of(self, nip: str) -> str:
        person = self.records.employee(nip)
        return str(person["data"].get("position") or "") if person else ""

    def action_new(self) -> None:
        self._open_form(dialog=False, existing=None)

    def action_dialog(self) -> None:
        self._open_form(dialog=True, existing=None)

    def action_edit(self) -> None:
        found = self.current
        if found is not None:
            self._open_form(dialog=found.dialog_on is not None, existing=found)

    def action_acknowledge(self) -> None:
        found = self.current
        record = self.records.get("feedback", found.id) if found else None
        if record is None:
            return
        data = rules.acknowledged(record, self.services.now())
        self.write(
            [Write("feedback", record["id"], record["owner"], data)],
            lambda: self.notify(_("Marked as read.")),
        )

    def action_discard(self) -> None:
        found = self.current
        if found is None or found.rejected is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.discard_refused(
                    "feedback",
                    found.id,
                    lambda: self.notify(_("The rejected change was discarded.")),
                )

        self.app.push_screen(
            ConfirmDialog(
                _("Discard your rejected change? The record goes back to the server's version.")
            ),
            answered,
        )
