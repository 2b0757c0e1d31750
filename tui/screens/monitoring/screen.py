"""Pemantauan (ctrl+r): the dashboards of a unit head, a PPK's team or the whole instansi.

One view at a time (v moves on): SKP by status with the fill deadline, the
predikat spread against the rule of the curve, the on-track early warning,
JP against 20, open tindak lanjut and keberatan. The table is the view;
Enter on a row opens the people behind it (tui/screens/monitoring/drill.py).
Reports are read off the screen's thread: the admin's and a unit head's
come from the server (the last copy when offline, with its date), a PPK's
are computed from the local store.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, Tab, Tabs

from client.monitoring import (
    VIEWS,
    ReportLike,
    ReportSource,
    default_source,
    export_tables,
    problem_text,
    sort_rows,
    watch_of,
)
from client.records import Snapshot
from client.services import Services
from tui.actions import bindings, localise
from tui.screens.monitoring.chart import FigureChart, charts_fit
from tui.screens.monitoring.choose import ChoiceDialog
from tui.screens.monitoring.texts import when_made, words
from tui.screens.monitoring.views import VIEWS as VIEW_SPECS
from tui.screens.monitoring.views import broken_rules, headings, table_cells
from tui.sync_worker import SyncDone
from tui.widgets.commands import ScreenCommands

# The whole instansi's on-track report has a row per person and indicator
# (tens of thousands); those needing attention come first, and a table of
# more than these is neither read nor quick to build (bench/monitoring_bench.py).
SHOWN_ROWS = 500


class MonitoringScreen(Screen[None]):
    CSS_PATH = "monitoring.tcss"
    COMMANDS = {ScreenCommands}
    ACTION_SCOPES = ("monitoring",)
    BINDINGS: ClassVar[list[BindingType]] = list(bindings("monitoring"))

    def __init__(self, services: Services, source: ReportSource | None = None) -> None:
        super().__init__()
        self.services = services
        self._ = words(services.lang)
        localise(self, services.lang)
        self.title = self._("Monitoring")
        self.view_name = VIEWS[0]
        self.watcher = watch_of(Snapshot.read(services, ("unit", "period")))
        self.unit_id = self.watcher.unit_id
        self.period_id = self.watcher.period_id
        self.source = source or default_source(services, self.watcher)
        self.report: ReportLike | None = None
        self.rows: list[Any] = []

    def compose(self) -> ComposeResult:
        _ = self._
        yield Header()
        yield Static(id="mon-scope", classes="screen-line")
        yield Tabs(*(Tab(_(VIEW_SPECS[name].title), id=f"view-{name}") for name in VIEWS))
        yield Static(id="mon-note", classes="screen-line")
        yield FigureChart(id="mon-chart")
        yield DataTable(id="mon-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="mon-detail", classes="screen-line", markup=False)
        yield Static(id="mon-empty", classes="empty-state")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#mon-chart").display = False
        self.query_one(DataTable).focus()
        if self.watcher.kind == "none":
            self._show_message(
                self._(
                    "Monitoring is for unit heads, PPK and the admin; you have no team to watch."
                )
            )
            return
        self.load()

    def on_resize(self, event: Resize) -> None:
        self._place_chart()

    def on_sync_done(self, _message: SyncDone) -> None:
        if self.watcher.kind == "ppk":  # a team's figures follow the local store
            self.load()

    # -- what is shown -------------------------------------------------------

    @work(thread=True, exclusive=True, group="monitoring")
    def load(self) -> None:
        """Read the view's report off the screen's thread (the network may be slow)."""
        if self.period_id is None:
            self.app.call_from_thread(self._show_message, self._("No annual period is held yet."))
            return
        empty = self.query_one("#mon-empty", Static)
        if not self.rows:
            self.app.call_from_thread(empty.update, self._("Reading the figures…"))
        try:
            report = self.source(self.view_name, self.period_id, self.unit_id)
        except Exception as error:  # a network or store failure is a message, never a crash
            text = self._("The figures could not be read: {reason}").format(
                reason=problem_text(error)
            )
            self.app.call_from_thread(self._show_message, text)
            return
        self.app.call_from_thread(self._show_report, report)

    def _show_report(self, report: ReportLike) -> None:
        _ = self._
        asked = (self.view_name, self.period_id, self.unit_id)
        if (report.name, report.period_id, report.unit_id) != asked:
            return  # an answer to an earlier choice, come after a later one
        self.report = report
        self.rows = sort_rows(report.name, report.rows)
        spec = VIEW_SPECS[report.name]
        table = self.query_one("#mon-table", DataTable)
        table.clear(columns=True)
        # SKP counts by state: Enter on a state's cell lists the people in it.
        table.cursor_type = "cell" if report.name == "plans" else "row"
        for column, heading in zip(spec.columns, headings(spec, _), strict=True):
            table.add_column(heading, width=column.width, key=column.key)
        shown = self.rows[:SHOWN_ROWS]
        for index, cells in enumerate(table_cells(spec, shown, _)):
            table.add_row(*cells, key=str(index))
        table.display = bool(self.rows)
        empty = self.query_one("#mon-empty", Static)
        empty.update("" if self.rows else _("Nothing to show for this view."))
        self.query_one("#mon-scope", Static).update(self._scope_text(report))
        note = self._note_text(report)
        if len(self.rows) > SHOWN_ROWS:
            more = _("The first {shown} of {total} are listed; x exports them all.")
            note += "\n" + more.format(shown=SHOWN_ROWS, total=len(self.rows))
        self.query_one("#mon-note", Static).update(note)
        self._show_detail(0)
        labels, values = spec.bars(self.rows, _)
        self.query_one(FigureChart).show(_(spec.chart_title), labels, values)
        self._place_chart()

    def _show_detail(self, index: int) -> None:
        """The highlighted unit's broken rules of the curve, whole (the cell is cut at 80)."""
        detail = self.query_one("#mon-detail", Static)
        shown = self.report is not None and self.report.name == "curve" and bool(self.rows)
        detail.display = shown
        if shown and 0 <= index < len(self.rows):
            detail.update(broken_rules(self.rows[index], self._))

    @on(DataTable.RowHighlighted, "#mon-table")
    @on(DataTable.CellHighlighted, "#mon-table")
    def _highlighted(self, event: DataTable.RowHighlighted | DataTable.CellHighlighted) -> None:
        row = (
            event.cursor_row
            if isinstance(event, DataTable.RowHighlighted)
            else event.coordinate.row
        )
        self._show_detail(row)

    def _show_message(self, text: str) -> None:
        self.report, self.rows = None, []
        self.query_one("#mon-detail", Static).display = False
        self.query_one("#mon-table", DataTable).display = False
        self.query_one("#mon-empty", Static).update(text)
        self._place_chart()

    def _place_chart(self) -> None:
        size = self.app.size
        shown = self.report is not None and bool(self.rows) and charts_fit(size.width, size.height)
        self.query_one("#mon-chart").display = shown

    def _scope_text(self, report: ReportLike) -> str:
        _ = self._
        units = dict(self.watcher.units)
        if self.watcher.kind == "ppk":
            whom = _("My team")
        elif self.unit_id is None:
            whom = _("The whole instansi")
        else:
            whom = units.get(self.unit_id, self.unit_id)
        period = dict(self.watcher.periods).get(report.period_id, report.period_id)
        made = when_made(report.made_at)
        if self.watcher.kind == "ppk":
            return f"{whom} · {period} · " + _("from the records held here")
        text = f"{whom} · {period} · " + _("data per {when}").format(when=made)
        return text + (" · " + _("offline copy") if report.offline else "")

    def _note_text(self, report: ReportLike) -> str:
        _ = self._
        if report.name == "plans":
            periods = Snapshot.read(self.services, ("period",))
            return deadline_text(_, periods, report.period_id, self.services)
        notes = {
            "curve": _("Each unit's spread against the rule of the curve for its rating."),
            "on_track": _("Realisasi against the target pro-rated to today; behind first."),
            "training": _("JP this year against the minimum of 20."),
            "follow_up": _("Open tindak lanjut by due date."),
            "objection": _("Keberatan waiting for a decision first."),
        }
        return notes.get(report.name, "")

    # -- keys ------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose_unit":  # the admin any unit; a unit head theirs and those below
            return self.watcher.kind == "admin" or len(self.watcher.units) > 1
        if action in ("open", "export"):
            return bool(self.rows)
        return True

    def action_next_view(self) -> None:
        tabs = self.query_one(Tabs)
        tabs.action_next_tab()

    @on(Tabs.TabActivated)
    def _view_chosen(self, event: Tabs.TabActivated) -> None:
        name = str(event.tab.id or "").removeprefix("view-")
        if name in VIEWS and name != self.view_name:
            self.view_name = name
            self.load()
        self.query_one("#mon-table", DataTable).focus()

    def action_refresh(self) -> None:
        self.load()

    def action_choose_unit(self) -> None:
        _ = self._
        choices = list(self.watcher.units)
        if self.watcher.kind == "admin":
            choices.insert(0, ("", _("The whole instansi")))
        dialog = ChoiceDialog(_("Whose figures?"), choices, self.unit_id or "", self.services.lang)
        self.app.push_screen(dialog, self._unit_chosen)

    def _unit_chosen(self, key: str | None) -> None:
        if key is None:
            return
        self.unit_id = key or None
        self.load()

    def action_choose_period(self) -> None:
        dialog = ChoiceDialog(
            self._("Which period?"), self.watcher.periods, self.period_id, self.services.lang
        )
        self.app.push_screen(dialog, self._period_chosen)

    def _period_chosen(self, key: str | None) -> None:
        if key is not None:
            self.period_id = key
            self.load()

    def action_open(self) -> None:
        from tui.screens.monitoring.drill import PeopleScreen

        table = self.query_one("#mon-table", DataTable)
        if self.report is None or not self.rows:
            return
        row = self.rows[table.cursor_row]
        column = VIEW_SPECS[self.report.name].columns[table.cursor_column]
        self.app.push_screen(
            PeopleScreen(self.services, self.report.name, row, column, self.report.period_id)
        )

    def action_export(self) -> None:
        _ = self._
        if self.report is None:
            return
        spec = VIEW_SPECS[self.report.name]
        rows = table_cells(spec, self.rows, _)
        try:
            path = export_tables(self.services, _(spec.title), headings(spec, _), rows)
        except OSError as error:
            self.notify(
                _("The file could not be written: {reason}").format(reason=error),
                severity="error",
            )
            return
        self.notify(_("Written to {path}").format(path=path))

    @on(DataTable.RowSelected, "#mon-table")
    @on(DataTable.CellSelected, "#mon-table")
    def _clicked(self, _event: DataTable.RowSelected | DataTable.CellSelected) -> None:
        self.action_open()


def deadline_text(
    _: Callable[[str], str], view: Snapshot, period_id: str, services: Services
) -> str:
    """The SKP fill deadline of the period (end of January), and how far off it is."""
    period = view.get("period", period_id)
    deadline = str(((period or {}).get("data") or {}).get("fill_deadline") or "")
    if not deadline:
        return _("SKP by status; this period has no fill deadline.")
    day = "-".join(reversed(deadline.split("-")))
    if deadline < services.now().date().isoformat():
        return _("SKP by status; the fill deadline {date} has passed.").format(date=day)
    return _("SKP by status; to be filled by {date}.").format(date=day)
