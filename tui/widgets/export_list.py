"""The export key of every list: the lists a screen shows, as one workbook (xlsx).

A screen mixes in ``ExportsList`` and adds ``bindings("export")`` (one action,
registered once in tui/actions.py). By default the lists are the screen's
tables, filter lists and option lists, a sheet each, as shown (numbers typed back into number cells by
client/spreadsheet.py); a screen with other lists overrides ``list_sheets``.
The workbook is saved where the person chooses (tui/widgets/save_file.py).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from textual.screen import Screen
from textual.widgets import DataTable, OptionList, TabPane

from client.evidence import texts
from tui.widgets.filter_list import FilterList

if TYPE_CHECKING:
    from client.services import Services

Sheet = tuple[str, list[str], list[list[str]]]


class ExportsList:
    """Mixin of a Screen with ``services``: ``action_export_list`` and the sheets it writes."""

    services: Services

    def list_sheets(self) -> list[Sheet]:
        """Each table and option list of the screen, titled by its tab (or the screen)."""
        screen = self._screen()
        sheets: list[Sheet] = []
        for table in screen.query(DataTable):
            if table.row_count:
                columns = [str(column.label) for column in table.columns.values()]
                rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
                sheets.append((self._title_of(table), columns, rows))
        for filtered in screen.query(FilterList):
            if filtered.shown:  # the rows the filter lets through, as listed
                columns = [column.label for column in filtered.columns]
                rows = [list(row.cells) for row in filtered.shown]
                sheets.append((self._title_of(filtered), columns, rows))
        for listed in screen.query(OptionList):
            if listed.option_count:
                title = self._title_of(listed)
                rows = [
                    [str(listed.get_option_at_index(i).prompt)] for i in range(listed.option_count)
                ]
                sheets.append((title, [title], rows))
        return sheets

    def _title_of(self, widget: Any) -> str:
        pane = next((a for a in widget.ancestors if isinstance(a, TabPane)), None)
        return str(pane._title) if pane is not None else str(self._screen().title or "Kinerja")

    def action_export_list(self) -> None:
        # Every list screen has this key, Beranda (the first screen) too: the
        # workbook writer and the save dialog load when it is pressed, not at start.
        from client.spreadsheet import workbook
        from tui.widgets.save_file import save_in_chosen_folder

        screen = self._screen()
        lang = self.services.lang
        sheets = self.list_sheets()
        if not sheets:
            screen.notify(texts(lang)("Nothing is listed here to export."), timeout=6)
            return
        slug = re.sub(r"[^a-z0-9]+", "-", str(screen.title or "kinerja").casefold()).strip("-")
        day = self.services.now().date().isoformat()
        save_in_chosen_folder(
            screen, lang, f"{slug or 'kinerja'}-{day}.xlsx", workbook(sheets, lang)
        )

    def _screen(self) -> Screen[Any]:
        assert isinstance(self, Screen)
        return self
