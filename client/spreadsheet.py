"""A screen's lists as a workbook (xlsx): the sheets as shown, numbers as numbers.

The screens hand over their lists as the text they show; a cell that reads
as a number in the person's language ("2,5" in Indonesian, "2.5" in
English, "120") becomes a number cell, a date text a date cell
(sync/commands/xlsx.py, the writer ``kinerja export --format xlsx`` uses).
"""

from __future__ import annotations

from collections.abc import Sequence

from client.numbers import typed
from sync.commands.xlsx import Table, tables_xlsx_bytes


def workbook(
    sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[str]]]], lang: str
) -> bytes:
    """The xlsx of (title, columns, rows) sheets, each cell typed as ``typed`` says."""
    return tables_xlsx_bytes(
        [
            Table(title, list(columns), [[typed(cell, lang) for cell in row] for row in rows])
            for title, columns, rows in sheets
        ]
    )
