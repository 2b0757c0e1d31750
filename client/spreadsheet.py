"""A screen's lists as a workbook (xlsx): the sheets as shown, numbers as numbers.

The screens hand over their lists as the text they show; a cell that reads
as a number in the person's language ("2,5" in Indonesian, "2.5" in
English, "120") becomes a number cell, a date text a date cell
(sync/commands/xlsx.py, the writer ``kinerja export --format xlsx`` uses).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sync.commands.xlsx import Table, tables_xlsx_bytes

_NUMBER = {
    "id": re.compile(r"-?\d{1,3}(\.\d{3})*(,\d+)?|-?\d+(,\d+)?"),
    "en": re.compile(r"-?\d{1,3}(,\d{3})*(\.\d+)?|-?\d+(\.\d+)?"),
}


def typed(text: str, lang: str) -> Any:
    """``text`` as a number when it reads as one in ``lang``, else as it is."""
    shown = text.strip()
    if not _NUMBER["en" if lang == "en" else "id"].fullmatch(shown):
        return shown
    thousands, decimal = (",", ".") if lang == "en" else (".", ",")
    plain = shown.replace(thousands, "").replace(decimal, ".")
    return float(plain) if "." in plain else int(plain)


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
