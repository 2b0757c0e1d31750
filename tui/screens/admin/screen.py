"""Kepegawaian (ctrl+f): employees, the CSV import and acting officials, for the HR office.

"Pegawai": every employee (active first), filtered as you type; add
(ctrl+n), edit (Enter), move under another atasan (ctrl+t), deactivate or
reactivate (ctrl+l), their whole file from the server (ctrl+g). "Impor CSV":
a file path; ctrl+o checks the file with the server's own rules and lists
every problem by line, writing nothing; ctrl+s imports a file without
problems. "Plt/Plh": who stands in for whom today, every assignment, and
assign a new one (a). "Unit kerja": new unit (u), its head (h), its
organisation ratings by period (r). "Periode": new (p) or changed (t)
periods with their SKP fill deadline. Every change goes through client.writes.save, so the
org-graph rules (no loop in the atasan chain...) and the permission table
judge it first; the area is only for those the table lets write the
organisation's data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header, Input, Static, TabbedContent, TabPane

from client import admin
from client.admin import ImportPreview
from client.services import Services
from client.writes import Issues, Saved, SaveResult, save
from domain.nip import format_nip
from domain.vocab import ACTING_KIND_LABELS
from tui.actions import bindings, localise
from tui.screens.admin.form import Field, FieldsDialog
from tui.screens.admin.units import PERIOD_ACTIONS, PERIODS, UNIT_ACTIONS, UNITS, UnitsAndPeriods
from tui.sync_worker import SyncDone
from tui.texts import admin_ as _
from tui.widgets.commands import ScreenCommands
from tui.widgets.dialogs import ConfirmDialog
from tui.widgets.filter_list import Column, FilterList, Row
from tui.widgets.forms import quiet
from tui.widgets.person_picker import PersonPicker

PEOPLE, IMPORT, ACTING = "tab-people", "tab-import", "tab-acting"
PEOPLE_ACTIONS = frozenset(
    {"add_employee", "edit_employee", "move_employee", "toggle_active", "open_file"}
)


class AdminScreen(UnitsAndPeriods):
    CSS_PATH = "admin.tcss"
    COMMANDS = {ScreenCommands}
    ACTION_SCOPES = ("admin",)
    BINDINGS = bindings("admin")

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        localise(self, services.lang)
        self.preview: ImportPreview | None = None
        self.previewed_source = ""
        self.title = _("Personnel")

    # --- layout ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="admin-notice", classes="empty-state")
        with TabbedContent(id="admin-tabs"):
            with TabPane(_("Employees"), id=PEOPLE):
                yield FilterList(
                    (
                        Column(_("Name"), 20),
                        Column(_("NIP"), 21),
                        Column(_("Unit"), 14),
                        Column(_("Position"), 14),
                    ),
                    noun=_("employees"),
                    placeholder=_("Type to filter: name, NIP, unit, position…"),
                    lang=self.services.lang,
                    id="people",
                )
            with TabPane(_("Import CSV"), id=IMPORT):
                yield quiet(Input(placeholder=_("Path of the CSV file"), id="import-path"))
                yield Static(_("ctrl+o checks the file; nothing is written."), id="import-summary")
                yield self._table("import-problems", (_("Line"), 6), (_("Problem"), 66))
            with TabPane(_("Plt/Plh"), id=ACTING):
                yield Static(_("Who stands in for whom today"), classes="admin-heading")
                yield self._table("acting-today", (_("Acting"), 22), (_("For"), 22), (_("SK"), 22))
                yield Static(_("Every assignment"), classes="admin-heading")
                yield self._table(
                    "acting-all",
                    (_("Acting"), 18),
                    (_("For"), 18),
                    (_("Kind"), 6),
                    (_("Dates"), 23),
                )
            with TabPane(_("Units"), id=UNITS):
                yield self._table("units", (_("Unit"), 28), (_("Head"), 24), (_("Rating"), 16))
            with TabPane(_("Periods"), id=PERIODS):
                yield self._table(
                    "periods",
                    (_("Period"), 20),
                    (_("Kind"), 10),
                    (_("Dates"), 23),
                    (_("Fill by"), 11),
                )
        yield Footer(compact=True)

    @staticmethod
    def _table(table_id: str, *columns: tuple[str, int]) -> DataTable[str]:
        table: DataTable[str] = DataTable(id=table_id, cursor_type="row", zebra_stripes=True)
        for label, width in columns:
            table.add_column(label, width=width)
        return table

    def on_mount(self) -> None:
        notice = self.query_one("#admin-notice", Static)
        notice.display = not self.allowed
        notice.update(
            _(
                "Kepegawaian is for the HR office: your account has no admin role. "
                "Ask the BKD to change what is wrong in your data."
            )
        )
        self.query_one("#admin-tabs").display = self.allowed
        self.refresh_view(reread=False)
        if self.allowed:
            self.query_one("#people", FilterList).focus_filter()

    def on_sync_done(self, message: SyncDone) -> None:
        if message.changed and self.is_mounted:  # an idle round brings nothing to read
            self.refresh_view()

    def refresh_view(self, *, reread: bool = True) -> None:
        if reread:
            self.view = admin.read(self.services)
            self.allowed = admin.may_administer(self.view)
        view = self.view
        self.query_one("#people", FilterList).set_rows(
            [
                Row(
                    line.nip,
                    (
                        line.name if line.active else _("{name} (inactive)").format(name=line.name),
                        format_nip(line.nip),
                        line.unit,
                        line.position,
                    ),
                )
                for line in admin.employee_lines(view)
            ],
            keep=self._chosen_nip(),
        )
        today = self.query_one("#acting-today", DataTable)
        today.clear()
        for acting in admin.acting_today(view):
            today.add_row(
                view.name_of(acting.nip), view.name_of(acting.for_nip), acting.decree or "-"
            )
        every = self.query_one("#acting-all", DataTable)
        every.clear()
        for acting in admin.acting_all(view):
            every.add_row(
                view.name_of(acting.nip),
                view.name_of(acting.for_nip),
                acting.kind.capitalize(),
                f"{acting.start.isoformat()}..{acting.end.isoformat()}",
                key=acting.id,
            )
        self.fill_units_and_periods()
        self.refresh_bindings()

    # --- what may be done now ------------------------------------------------------

    def _tab(self) -> str:
        return str(self.query_one("#admin-tabs", TabbedContent).active) if self.is_mounted else ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in PEOPLE_ACTIONS:
            chosen_needed = action != "add_employee"
            ready = self.allowed and self._tab() == PEOPLE
            return ready and (not chosen_needed or self._chosen_nip() is not None)
        if action == "preview_import":
            return self.allowed and self._tab() == IMPORT
        if action == "run_import":
            return (
                self.allowed
                and self._tab() == IMPORT
                and self.preview is not None
                and self.preview.writable
            )
        if action == "assign_acting":
            return self.allowed and self._tab() == ACTING
        if action in UNIT_ACTIONS:
            ready = self.allowed and self._tab() == UNITS
            return ready and (action == "add_unit" or self._chosen("units", "unit") is not None)
        if action in PERIOD_ACTIONS:
            ready = self.allowed and self._tab() == PERIODS
            return ready and (
                action == "add_period" or self._chosen("periods", "period") is not None
            )
        return True

    @on(TabbedContent.TabActivated)
    @on(DataTable.RowHighlighted)
    @on(FilterList.Highlighted)
    def _moved(self) -> None:
        self.refresh_bindings()

    @on(FilterList.Chosen, "#people")
    def _person_chosen(self) -> None:
        self.action_edit_employee()

    def _chosen_nip(self) -> str | None:
        return self.query_one("#people", FilterList).highlighted_key if self.is_mounted else None

    # --- employees -------------------------------------------------------------------

    def _employee_fields(self, nip: str | None) -> list[Field]:
        data: dict[str, Any] = {}
        if nip is not None and (found := self.view.employee(nip)) is not None:
            data = found["data"]
        unit = admin.unit_names(self.view).get(str(data.get("unit_id")), "")
        return [
            Field("nip", "NIP", nip or "", locked=nip is not None, hint="199001152019032001"),
            Field("name", _("Name"), str(data.get("name", ""))),
            Field("kind", _("Kind (PNS or PPPK)"), str(data.get("kind", "PNS"))),
            Field("rank", _("Rank"), str(data.get("rank", ""))),
            Field("position", _("Position"), str(data.get("position", ""))),
            Field("unit_id", _("Unit (its name)"), unit),
            Field("atasan_nip", _("Atasan's NIP (empty: none)"), str(data.get("atasan_nip") or "")),
        ]

    def _employee_job(self, typed: dict[str, str]) -> Any:
        services = self.services
        view = self.view
        units = {name: unit_id for unit_id, name in admin.unit_names(view).items()}

        def job() -> SaveResult:
            unit_id = units.get(typed["unit_id"])
            if unit_id is None:
                message = _("There is no unit named '{name}'; type a unit's name as listed.")
                return Issues({"unit_id": message.format(name=typed["unit_id"])})
            nip = typed["nip"].replace(" ", "")
            changes = {**typed, "nip": nip, "unit_id": unit_id, "kind": typed["kind"].upper()}
            return save(services, admin.employee_write(view, nip, changes))

        return job

    def action_add_employee(self) -> None:
        dialog = FieldsDialog(
            _("New employee"), self._employee_fields(None), self._employee_job, self.services.lang
        )
        self.app.push_screen(dialog, self._after_form)

    def action_edit_employee(self) -> None:
        nip = self._chosen_nip()
        if nip is None:
            return
        fields = self._employee_fields(nip)
        dialog = FieldsDialog(
            self.view.person_label(nip), fields, self._employee_job, self.services.lang
        )
        self.app.push_screen(dialog, self._after_form)

    def action_open_file(self) -> None:
        from tui.screens.admin.person_file import PersonFileScreen

        nip = self._chosen_nip()
        if nip is not None:
            self.app.push_screen(PersonFileScreen(self.services, self.view, nip))

    def action_move_employee(self) -> None:
        nip = self._chosen_nip()
        if nip is None:
            return
        question = _("New atasan of {person}?").format(person=self.view.person_label(nip))
        picker = PersonPicker(self._people(exclude=nip), None, self.services.lang, title=question)

        def chosen(atasan: str | None) -> None:
            if atasan is not None:
                self._save(admin.employee_write(self.view, nip, {"atasan_nip": atasan}))

        self.app.push_screen(picker, chosen)

    def action_toggle_active(self) -> None:
        nip = self._chosen_nip()
        found = self.view.employee(nip) if nip else None
        if nip is None or found is None:
            return
        active = found["data"].get("active", True) is not False
        question = (
            _("Deactivate {person}? They keep their records but hold no role.")
            if active
            else _("Make {person} active again?")
        ).format(person=self.view.person_label(nip))

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._save(admin.employee_write(self.view, nip, {"active": not active}))

        self.app.push_screen(ConfirmDialog(question, self.services.lang), confirmed)

    # --- the CSV import ------------------------------------------------------------------

    @on(Input.Submitted, "#import-path")
    def _path_given(self) -> None:
        self.action_preview_import()

    def _read_file(self) -> str | None:
        path = Path(self.query_one("#import-path", Input).value.strip()).expanduser()
        try:
            return path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            self.notify(
                _("Cannot read {path}: {reason}").format(path=path, reason=reason),
                severity="error",
                timeout=15,
            )
            return None

    def action_preview_import(self) -> None:
        source = self._read_file()
        if source is None:
            return
        self.view = admin.read(self.services)
        self.preview = admin.preview_import(self.view, source, self.services.lang)
        self.previewed_source = source
        self._show_preview(self.preview)

    def _show_preview(self, preview: ImportPreview) -> None:
        table = self.query_one("#import-problems", DataTable)
        table.clear()
        for line, problem in preview.problems:
            table.add_row(str(line), problem)
        summary = self.query_one("#import-summary", Static)
        if preview.problems:
            text = _("{count} problems: nothing will be written. Fix the file and check it again.")
            summary.update(text.format(count=len(preview.problems)))
        elif not preview.rows:
            summary.update(_("The file has no employees."))
        else:
            text = _(
                "No problems: {new} new and {changed} changed employees, {units} new units. "
                "ctrl+s imports them."
            )
            summary.update(
                text.format(
                    new=preview.new_people,
                    changed=preview.changed_people,
                    units=len(preview.new_units),
                )
            )
        self.refresh_bindings()

    def action_run_import(self) -> None:
        source, services = self.previewed_source, self.services
        if self.preview is None or not self.preview.writable:
            return

        def job() -> SaveResult:
            answer = admin.save_import(services, source)
            if isinstance(answer, ImportPreview):  # the store changed since the check
                self.app.call_from_thread(self._show_preview, answer)
                return Issues({"": _("The file has problems now; nothing was written.")})
            return answer

        def imported(_saved: Saved) -> None:
            self.preview = None
            self.query_one("#import-summary", Static).update(_("Imported."))
            self._saved(_saved)

        self.save(job, imported)

    # --- acting officials ----------------------------------------------------------------

    def action_assign_acting(self) -> None:
        people = self._people()
        ask_who = PersonPicker(people, None, self.services.lang, title=_("Who stands in?"))

        def acting_chosen(nip: str | None) -> None:
            if nip is None:
                return
            question = _("{person} stands in for whom?").format(person=self.view.name_of(nip))
            others = [p for p in people if p.key != nip]
            picker = PersonPicker(others, None, self.services.lang, title=question)
            self.app.push_screen(picker, lambda holder: self._acting_form(nip, holder))

        self.app.push_screen(ask_who, acting_chosen)

    def _acting_form(self, nip: str, for_nip: str | None) -> None:
        if for_nip is None:
            return
        today = self.view.org.day.isoformat()
        kinds = ", ".join(f"{key} = {label}" for key, label in ACTING_KIND_LABELS.items())
        fields = [
            Field("kind", _("Kind ({kinds})").format(kinds=kinds), "plt"),
            Field("start", _("First day (YYYY-MM-DD)"), today),
            Field("end", _("Last day (YYYY-MM-DD)"), today),
            Field("decree", _("SK number"), hint="800/123/BKD/2026"),
        ]
        title = _("{acting} stands in for {holder}").format(
            acting=self.view.name_of(nip), holder=self.view.name_of(for_nip)
        )
        services = self.services

        def job(typed: dict[str, str]) -> Any:
            write = admin.acting_write(
                nip, for_nip, typed["kind"].lower(), typed["start"], typed["end"], typed["decree"]
            )
            return lambda: save(services, write)

        self.app.push_screen(FieldsDialog(title, fields, job, services.lang), self._after_form)
