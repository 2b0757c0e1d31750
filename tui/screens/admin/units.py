"""Kepegawaian's "Unit kerja" and "Periode" tabs: units with their heads and organisation
ratings, periods with their fill deadlines (mixed into AdminScreen)."""

from __future__ import annotations

from typing import Any

from textual.widgets import DataTable

from client import admin
from client.records import Record
from client.writes import save
from domain.vocab import ORG_RATING_LABELS, PERIOD_KIND_LABELS
from tui.screens.admin.base import AdminBase
from tui.screens.admin.form import Field, FieldsDialog
from tui.texts import admin_ as _
from tui.widgets.person_picker import PersonPicker

UNITS, PERIODS = "tab-units", "tab-periods"
UNIT_ACTIONS = frozenset({"add_unit", "unit_head", "unit_ratings"})
PERIOD_ACTIONS = frozenset({"add_period", "edit_period"})
RATINGS_SHOWN = 4  # the newest periods offered in the ratings form (fits 80x24)


class UnitsAndPeriods(AdminBase):
    def fill_units_and_periods(self) -> None:
        view = self.view
        newest = view.periods_newest_first()[:1]
        units = self.query_one("#units", DataTable)
        cursor = units.cursor_row
        units.clear()
        for unit in admin.unit_lines(view):
            data = unit["data"]
            rating = data.get("ratings", {}).get(newest[0]["id"]) if newest else None
            units.add_row(
                str(data.get("name", "")),
                view.name_of(data.get("head_nip")),
                ORG_RATING_LABELS.get(rating, "-") if rating else "-",
                key=unit["id"],
            )
        if units.row_count:
            units.move_cursor(row=min(cursor, units.row_count - 1))
        periods = self.query_one("#periods", DataTable)
        cursor = periods.cursor_row
        periods.clear()
        for period in view.periods_newest_first():
            data = period["data"]
            periods.add_row(
                str(data.get("name", "")),
                PERIOD_KIND_LABELS.get(data.get("kind"), "-"),
                f"{data.get('start', '')}..{data.get('end', '')}",
                str(data.get("fill_deadline") or "-"),
                key=period["id"],
            )
        if periods.row_count:
            periods.move_cursor(row=min(cursor, periods.row_count - 1))

    def _chosen(self, table_id: str, collection: str) -> Record | None:
        table = self.query_one(f"#{table_id}", DataTable)
        if table.row_count == 0:
            return None
        row_key, _column = table.coordinate_to_cell_key(table.cursor_coordinate)
        found: Record | None = self.view.get(collection, str(row_key.value))
        return found

    # --- units ---------------------------------------------------------------------------

    def action_add_unit(self) -> None:
        services, view = self.services, self.view

        def job(typed: dict[str, str]) -> Any:
            return lambda: save(services, admin.unit_write(view, None, typed))

        fields = [Field("name", _("Name of the unit"))]
        self.app.push_screen(
            FieldsDialog(_("New unit"), fields, job, services.lang), self._after_form
        )

    def action_unit_head(self) -> None:
        unit = self._chosen("units", "unit")
        if unit is None:
            return
        question = _("Head of {unit}?").format(unit=unit["data"].get("name", ""))
        picker = PersonPicker(self._people(), None, self.services.lang, title=question)

        def chosen(nip: str | None) -> None:
            if nip is not None:
                self._save(admin.unit_write(self.view, unit["id"], {"head_nip": nip}))

        self.app.push_screen(picker, chosen)

    def action_unit_ratings(self) -> None:
        unit = self._chosen("units", "unit")
        if unit is None:
            return
        ratings = unit["data"].get("ratings") or {}
        choices = ", ".join(ORG_RATING_LABELS)
        fields = [
            Field(
                f"ratings.{period['id']}",
                str(period["data"].get("name", "")),
                ratings.get(period["id"], ""),
            )
            for period in self.view.periods_newest_first()[:RATINGS_SHOWN]
        ]
        services, view = self.services, self.view

        def job(typed: dict[str, str]) -> Any:
            by_period = {name.removeprefix("ratings."): rating for name, rating in typed.items()}
            write = admin.ratings_write(view, unit["id"], by_period)
            return lambda: save(services, write)

        title = _("Organisation rating of {unit} ({choices}; empty: none)").format(
            unit=unit["data"].get("name", ""), choices=choices
        )
        self.app.push_screen(FieldsDialog(title, fields, job, services.lang), self._after_form)

    # --- periods -------------------------------------------------------------------------

    def _period_form(self, period: Record | None) -> None:
        data: dict[str, Any] = period["data"] if period else {}
        kinds = ", ".join(PERIOD_KIND_LABELS)
        fields = [
            Field("name", _("Name"), str(data.get("name", ""))),
            Field("kind", _("Kind ({kinds})").format(kinds=kinds), str(data.get("kind", ""))),
            Field("year", _("Year"), str(data.get("year", ""))),
            Field("start", _("First day (YYYY-MM-DD)"), str(data.get("start", ""))),
            Field("end", _("Last day (YYYY-MM-DD)"), str(data.get("end", ""))),
            Field(
                "fill_deadline",
                _("SKP fill deadline (YYYY-MM-DD, empty: none)"),
                str(data.get("fill_deadline") or ""),
            ),
        ]
        services, view = self.services, self.view
        period_id = period["id"] if period else None

        def job(typed: dict[str, str]) -> Any:
            write = admin.period_write(view, period_id, typed)
            return lambda: save(services, write)

        title = str(data.get("name")) if period else _("New period")
        self.app.push_screen(FieldsDialog(title, fields, job, services.lang), self._after_form)

    def action_add_period(self) -> None:
        self._period_form(None)

    def action_edit_period(self) -> None:
        period = self._chosen("periods", "period")
        if period is not None:
            self._period_form(period)
