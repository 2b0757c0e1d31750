"""Konflik: the changes the sync couldn't settle alone, for a person to settle.

Two tabs. "Konflik": the records where two pushes changed the same field
(or one edited what the other deleted): ours clashed with the server's
version, or another push clashed with the version the server kept from us.
Either side settles it. Each is shown side by side, field by field: mine,
theirs (the newest, when several clashed), who changed each and when; the
fields that merged by themselves are marked merged and not asked about. Take
mine (m), theirs (t) or edit (e) each asked field, then push the result (r)
as a resolution (sync.choices.resolve). "Ditolak": the changes the server refused,
with its reason; fix a field (e) and send again (s), or discard (x, behind a
confirmation) to go back to the server's version.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

from client import conflicts as model
from client.conflicts import WHOLE_RECORD, ConflictView, Settlement, code_meaning, reason_text
from client.records import Snapshot
from client.writes import Saved, Write, save
from domain.field_labels import field_label
from tui.actions import bindings, localise
from tui.texts import N_
from tui.texts import review_ as _
from tui.widgets.commands import ScreenCommands
from tui.widgets.dialogs import ConfirmDialog
from tui.widgets.export_list import ExportsList
from tui.widgets.field_edit import FieldEditDialog, shown
from tui.widgets.saving import Saving
from tui.widgets.tab_keys import TabKeys, tab_title

# what each collection is called in the list (msgids; SKP, RHK and the like are terms)
COLLECTION_LABELS = {
    "plan": N_("SKP"),
    "plan_item": N_("RHK"),
    "progress": N_("Realisasi"),
    "feedback": N_("Umpan balik"),
    "evaluation": N_("Evaluasi"),
    "objection": N_("Keberatan"),
    "training": N_("Training"),
    "follow_up": N_("Follow-up"),
    "employee": N_("Employee"),
    "unit": N_("Unit"),
    "period": N_("Period"),
}


class ConflictsScreen(ExportsList, TabKeys, Saving, Screen[None]):
    CSS_PATH = "conflicts.tcss"
    COMMANDS = {ScreenCommands}
    ACTION_SCOPES = ("conflicts",)
    BINDINGS = [*bindings("conflicts"), *bindings("export")]

    def __init__(self, services: Any) -> None:
        super().__init__()
        localise(self)
        self.services = services
        self.records = Snapshot(me=services.me, now=services.now())
        self.views: list[ConflictView] = []
        self.settlements: dict[str, Settlement] = {}
        self.rejected: list[dict[str, Any]] = []
        self.fixes: dict[str, dict[str, Any]] = {}
        self._shown_key: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="conflict-tabs"):
            with TabPane(tab_title(_("Conflicts"), 1), id="tab-conflicts"):
                yield DataTable(cursor_type="row", id="conflict-list")
                yield Static("", id="conflict-sides")
                yield DataTable(cursor_type="row", id="conflict-fields")
            with TabPane(tab_title(_("Rejected"), 2), id="tab-rejected"):
                yield DataTable(cursor_type="row", id="rejected-list")
                yield Static("", id="rejected-reason")
                yield DataTable(cursor_type="row", id="rejected-fields")
        yield Footer()

    def on_mount(self) -> None:
        self.title = _("Konflik")
        columns = (
            ("#conflict-list", ((_("Record"), 14), (_("About"), 26), (_("Changed by"), 30))),
            (
                "#conflict-fields",
                ((_("Field"), 16), (_("Mine"), 19), (_("Theirs"), 19), (_("Choice"), 18)),
            ),
            ("#rejected-list", ((_("Record"), 14), (_("About"), 26), (_("Reason"), 30))),
            ("#rejected-fields", ((_("Field"), 24), (_("Value"), 50))),
        )
        for selector, widths in columns:
            table = self.query_one(selector, DataTable)
            for label, width in widths:
                table.add_column(label, width=width)
        self.reload()
        self.query_one("#conflict-list", DataTable).focus()

    # --- reading the store ------------------------------------------------------
    def _about(self, collection: str, owner: str | None) -> tuple[str, str]:
        label = COLLECTION_LABELS.get(collection, collection)
        return _(label), self.records.name_of(owner)[:24]

    def reload(self) -> None:
        self.records, self.views, self.rejected = model.read(self.services)
        conflicts = self.query_one("#conflict-list", DataTable)
        conflicts.clear()
        for view in self.views:
            what, who = self._about(view.collection, view.owner)
            by = self.records.name_of(view.theirs_by)
            conflicts.add_row(what, who, by[:22], key=f"{view.collection}/{view.id}")
        rejected = self.query_one("#rejected-list", DataTable)
        rejected.clear()
        for record in self.rejected:
            what, who = self._about(record["collection"], record.get("owner"))
            rejected.add_row(
                what,
                who,
                code_meaning(str(record["rejected"].get("code", "")), self.services.lang)[:30],
                key=f"{record['collection']}/{record['id']}",
            )
        tabs = self.query_one(TabbedContent)
        for number, (tab_id, words) in enumerate(
            (
                ("tab-conflicts", _("Conflicts ({n})").format(n=len(self.views))),
                ("tab-rejected", _("Rejected ({n})").format(n=len(self.rejected))),
            ),
            1,
        ):
            tabs.get_tab(tab_id).label = tab_title(words, number)
        self.show_conflict()
        self.show_rejected()

    # --- the conflict tab -----------------------------------------------------
    @property
    def on_rejected_tab(self) -> bool:
        return self.query_one(TabbedContent).active == "tab-rejected"

    def _view(self) -> ConflictView | None:
        table = self.query_one("#conflict-list", DataTable)
        if not self.views:
            return None
        return self.views[min(max(table.cursor_row, 0), len(self.views) - 1)]

    def _settlement(self) -> Settlement | None:
        view = self._view()
        if view is None:
            return None
        key = f"{view.collection}/{view.id}"
        if key not in self.settlements or self.settlements[key].view != view:
            self.settlements[key] = Settlement(view)
        return self.settlements[key]

    def _choice_text(self, settlement: Settlement, name: str, status: str) -> str:
        choice = settlement.choices.get(name)
        if choice:
            return {"mine": _("mine"), "theirs": _("theirs"), "edited": _("edited")}[choice]
        return {
            "same": "",
            "merged_mine": _("merged (mine)"),
            "merged_theirs": _("merged (theirs)"),
            "ask": _("choose: m / t / e"),
        }[status]

    def show_conflict(self) -> None:
        sides = self.query_one("#conflict-sides", Static)
        table = self.query_one("#conflict-fields", DataTable)
        row = table.cursor_row
        table.clear()
        settlement = self._settlement()
        if settlement is None:
            sides.update(_("No conflicts: everything you changed reached the server."))
            self.refresh_bindings()
            return
        view = settlement.view
        lang = self.services.lang
        sides.update(
            _("Mine: {me}, {mine_at}  ·  Theirs: {them}, {theirs_at}").format(
                me=self.records.name_of(view.mine_by),
                mine_at=(view.mine_at or "")[:16].replace("T", " "),
                them=self.records.name_of(view.theirs_by),
                theirs_at=(view.theirs_at or "")[:16].replace("T", " "),
            )
            + ("" if view.ours else "\n" + self._kept_note(view))
        )
        if settlement.deletion:
            mine = _("deleted") if view.mine_deleted else _("kept, edited")
            theirs = _("deleted") if view.theirs_deleted else _("kept, edited")
            choice = self._choice_text(settlement, WHOLE_RECORD, "ask")
            table.add_row(_("The whole record"), mine, theirs, choice, key=WHOLE_RECORD)
        else:
            for field_row in view.rows:
                edited = settlement.choices.get(field_row.name) == "edited"
                mine = settlement.value_of(field_row) if edited else field_row.mine
                table.add_row(
                    field_label(field_row.name, lang, view.collection)[:16],
                    self._display(field_row.name, mine)[:19],
                    self._display(field_row.name, field_row.theirs)[:19],
                    self._choice_text(settlement, field_row.name, field_row.status),
                    key=field_row.name,
                )
        key = f"{view.collection}/{view.id}"
        if key != self._shown_key:
            # a new conflict: start on the first field that needs a choice
            self._shown_key = key
            asked = [i for i, r in enumerate(view.rows) if r.status == "ask"]
            row = 0 if settlement.deletion or not asked else asked[0]
        if table.row_count:
            table.move_cursor(row=min(max(row, 0), table.row_count - 1))
        self.refresh_bindings()

    @staticmethod
    def _kept_note(view: ConflictView) -> str:
        if view.clashing > 1:
            return _(
                "{n} changes clashed with the version the server kept; the newest is shown."
            ).format(n=view.clashing)
        return _("Their change clashed with the version the server kept.")

    def _display(self, name: str, value: Any) -> str:
        """A value as people know it: the period's name, the RHK's words, a person's name."""
        if isinstance(value, str):
            if name == "period_id":
                period = self.records.get("period", value)
                return str(period["data"].get("name")) if period else value
            if name in ("plan_item_id", "parent_item_id"):
                item = self.records.get("plan_item", value)
                return str(item["data"].get("text")) if item else value
            if name.endswith("_nip"):
                return self.records.name_of(value)
            if name.endswith("_at"):
                return value[:16].replace("T", " ")
        return shown(value)

    def _field(self) -> str | None:
        table = self.query_one("#conflict-fields", DataTable)
        if table.row_count == 0:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    # --- the rejected tab -----------------------------------------------------
    def _rejected_record(self) -> dict[str, Any] | None:
        table = self.query_one("#rejected-list", DataTable)
        if not self.rejected:
            return None
        return self.rejected[min(max(table.cursor_row, 0), len(self.rejected) - 1)]

    def _fixed_data(self, record: dict[str, Any]) -> dict[str, Any]:
        key = f"{record['collection']}/{record['id']}"
        return {**record.get("data", {}), **self.fixes.get(key, {})}

    def show_rejected(self) -> None:
        reason = self.query_one("#rejected-reason", Static)
        table = self.query_one("#rejected-fields", DataTable)
        row = table.cursor_row
        table.clear()
        record = self._rejected_record()
        if record is None:
            reason.update(_("No rejected changes."))
            self.refresh_bindings()
            return
        reason.update(reason_text(record["rejected"], self.services.lang))
        for name, value in sorted(self._fixed_data(record).items()):
            table.add_row(
                field_label(name, self.services.lang, record["collection"])[:24],
                self._display(name, value)[:50],
                key=name,
            )
        if table.row_count:
            table.move_cursor(row=min(max(row, 0), table.row_count - 1))
        self.refresh_bindings()

    # --- reacting ---------------------------------------------------------------
    @on(DataTable.RowHighlighted, "#conflict-list")
    def _conflict_highlighted(self) -> None:
        self.show_conflict()

    @on(DataTable.RowHighlighted, "#rejected-list")
    def _rejected_highlighted(self) -> None:
        self.show_rejected()

    def on_sync_done(self, message: object) -> None:
        if not getattr(message, "changed", True):
            return  # an idle round: nothing new to read
        """The shell's sync round ended: conflicts may have come or gone."""
        self.reload()

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        if action in ("take", "edit") and not self.on_rejected_tab:
            settlement = self._settlement()
            name = self._field()
            if settlement is None or name is None:
                return False
            if action == "take":
                return name in settlement.asked
            return name != WHOLE_RECORD
        if action == "resolve":
            settlement = self._settlement()
            return bool(not self.on_rejected_tab and settlement and settlement.complete)
        if action == "take":
            return False
        if action == "edit":
            return self._rejected_record() is not None
        if action in ("resend", "discard"):
            return self.on_rejected_tab and self._rejected_record() is not None
        return True

    # --- actions ----------------------------------------------------------------
    def action_take(self, side: str) -> None:
        settlement, name = self._settlement(), self._field()
        if settlement is None or name is None:
            return
        settlement.choose(name, "mine" if side == "mine" else "theirs")
        self.show_conflict()

    def action_edit(self) -> None:
        if self.on_rejected_tab:
            self._edit_rejected()
            return
        settlement, name = self._settlement(), self._field()
        if settlement is None or name is None or name == WHOLE_RECORD:
            return
        row = next(r for r in settlement.view.rows if r.name == name)
        current = settlement.value_of(row)

        def edited(result: tuple[Any] | None) -> None:
            if result is not None:
                settlement.choose(name, "edited", result[0])
                self.show_conflict()

        label = field_label(name, self.services.lang, settlement.view.collection)
        self.app.push_screen(FieldEditDialog(label, current if current is not None else ""), edited)

    def action_resolve(self) -> None:
        settlement = self._settlement()
        if settlement is None or not settlement.complete:
            return
        view = settlement.view
        chosen = settlement.chosen_data()
        services, records = self.services, self.records
        self.save(
            lambda: model.resolve(services, records, view.collection, view.id, chosen),
            lambda _saved: self._reload_saying(
                _("Resolution queued; it goes to the server with the next sync.")
            ),
        )

    def _edit_rejected(self) -> None:
        record = self._rejected_record()
        table = self.query_one("#rejected-fields", DataTable)
        if record is None or table.row_count == 0:
            return
        name = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        key = f"{record['collection']}/{record['id']}"

        def edited(result: tuple[Any] | None) -> None:
            if result is not None:
                self.fixes.setdefault(key, {})[name] = result[0]
                self.show_rejected()

        label = field_label(name, self.services.lang, record["collection"])
        self.app.push_screen(FieldEditDialog(label, self._fixed_data(record).get(name)), edited)

    def action_resend(self) -> None:
        record = self._rejected_record()
        if record is None:
            return
        data = self._fixed_data(record)
        write = Write(record["collection"], record["id"], record.get("owner"), data)
        services = self.services

        def sent(_saved: Saved) -> None:
            self.fixes.pop(f"{record['collection']}/{record['id']}", None)
            self._reload_saying(_("Sent again with the next sync."))

        self.save(lambda: save(services, write), sent)

    def action_discard(self) -> None:
        record = self._rejected_record()
        if record is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                services = self.services
                self.save(
                    lambda: model.discard(services, record["collection"], record["id"]),
                    lambda _saved: self._reload_saying(_("The rejected change was discarded.")),
                )

        self.app.push_screen(
            ConfirmDialog(
                _("Discard your rejected change? The record goes back to the server's version.")
            ),
            answered,
        )

    def _reload_saying(self, message: str) -> None:
        self.notify(message)
        self.reload()
