"""Spreadsheets (xlsx) of records or of any list a screen shows.

``write_collections`` writes one sheet per collection (live records, the
envelope's columns then one per data field, as the CSV export); ``write_table``
and ``write_tables`` write any list or dashboard, a sheet per view. Cells are
typed: numbers stay numbers, booleans booleans, ``YYYY-MM-DD`` texts become
dates and ISO instants date-times in Sofifi's time (WIT, as Excel keeps no
offset); lists and maps become JSON text. The heading row is frozen and
filterable, and each column is as wide as its content (within bounds).

Library: xlsxwriter. It only writes, which is all this needs, has no
dependencies of its own, and writes strings as strings: with its
``strings_to_formulas`` and ``strings_to_urls`` off, an RHK typed as
``=HYPERLINK(...)`` is shown as text and never runs (CSV injection).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from domain.deadlines import OFFICE_TZ
from domain.vocab import COLLECTIONS
from sync.commands.output import write_file

ENVELOPE_COLUMNS = ("id", "owner", "rev", "updated_by", "updated_at")
DATE_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}")
INSTANT_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})")
MIN_WIDTH, MAX_WIDTH = 6, 60
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class Table:
    """One sheet: its title (the sheet's name), column headings and rows of values."""

    title: str
    columns: Sequence[str]
    rows: Sequence[Sequence[Any]]


def cell_value(value: Any) -> Any:
    """What a value becomes in a cell: a number, bool, date, datetime (WIT), text or None."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(OFFICE_TZ).replace(tzinfo=None)
    if value is None or isinstance(value, bool | int | float | date):
        return value
    if isinstance(value, str):
        if DATE_TEXT.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                return value
        if INSTANT_TEXT.fullmatch(value):
            try:
                instant = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                return value
            return instant.astimezone(OFFICE_TZ).replace(tzinfo=None)
        return _visible(value)
    return _visible(json.dumps(value, ensure_ascii=False, sort_keys=True))


def _visible(text: str) -> str:
    """Control characters (which XML cannot hold) as their Unicode pictures; tab and newline kept."""
    if not CONTROL.search(text):
        return text
    return CONTROL.sub(
        lambda m: chr(0x2400 + ord(m.group())) if m.group() < " " else "\u2421", text
    )


def _shown_width(value: Any) -> int:
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    text = str(value) if value is not None else ""
    return max((len(line) for line in text.splitlines()), default=0)


def _sheet_name(title: str, taken: set[str]) -> str:
    base = SHEET_NAME.sub("-", title).strip("'") or "Sheet"
    name, n = base[:31], 2
    while name.casefold() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.casefold())
    return name


def tables_xlsx_bytes(tables: Sequence[Table]) -> bytes:
    """The workbook of ``tables``, a sheet each, as bytes."""
    import xlsxwriter

    out = io.BytesIO()
    options = {
        "in_memory": True,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
        "default_date_format": "yyyy-mm-dd",
    }
    book = xlsxwriter.Workbook(out, options)
    heading = book.add_format({"bold": True, "bg_color": "#E6E6E6", "border": 1})
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    moment = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    taken: set[str] = set()
    for table in tables or [Table("Kosong", [], [])]:
        sheet = book.add_worksheet(_sheet_name(table.title, taken))
        widths = [len(str(c)) for c in table.columns]
        for col, title in enumerate(table.columns):
            sheet.write_string(0, col, str(title), heading)
        for r, row in enumerate(table.rows, start=1):
            for col, raw in enumerate(row):
                value = cell_value(raw)
                if col >= len(widths):
                    widths.append(0)
                widths[col] = max(widths[col], _shown_width(value))
                if value is None:
                    continue
                if isinstance(value, bool):
                    sheet.write_boolean(r, col, value)
                elif isinstance(value, int | float):
                    sheet.write_number(r, col, value)
                elif isinstance(value, datetime):
                    sheet.write_datetime(r, col, value, moment)
                elif isinstance(value, date):
                    sheet.write_datetime(r, col, datetime(value.year, value.month, value.day), day)
                else:
                    sheet.write_string(r, col, value)
        for col, width in enumerate(widths):
            sheet.set_column(col, col, min(max(width + 2, MIN_WIDTH), MAX_WIDTH))
        sheet.freeze_panes(1, 0)
        if table.columns:
            sheet.autofilter(0, 0, max(len(table.rows), 1), len(table.columns) - 1)
    book.close()
    return out.getvalue()


def collection_tables(
    records_by_collection: Mapping[str, Iterable[Mapping[str, Any]]],
) -> list[Table]:
    """One table per collection, in the protocol's order: live records, envelope then data."""
    tables = []
    for collection in sorted(records_by_collection, key=_collection_order):
        live = sorted(
            (r for r in records_by_collection[collection] if not r.get("deleted")),
            key=lambda r: str(r.get("id")),
        )
        fields = sorted({name for record in live for name in record.get("data") or {}})
        rows = [
            [record.get(c) for c in ENVELOPE_COLUMNS]
            + [(record.get("data") or {}).get(f) for f in fields]
            for record in live
        ]
        tables.append(Table(collection, [*ENVELOPE_COLUMNS, *fields], rows))
    return tables


def _collection_order(name: str) -> tuple[int, str]:
    return (COLLECTIONS.index(name) if name in COLLECTIONS else len(COLLECTIONS), name)  # type: ignore[arg-type]


def write_collections(
    path: Path | str, records_by_collection: Mapping[str, Iterable[Mapping[str, Any]]]
) -> Path:
    """Write a workbook with a sheet per collection to ``path`` (replacing a file there)."""
    return write_file(path, tables_xlsx_bytes(collection_tables(records_by_collection)), True)


def write_table(
    path: Path | str, title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> Path:
    """Write one list or dashboard as a one-sheet workbook to ``path``."""
    return write_tables(path, [Table(title, columns, rows)])


def write_tables(path: Path | str, tables: Sequence[Table]) -> Path:
    """Write several views, a sheet each, to ``path`` (replacing a file there)."""
    return write_file(path, tables_xlsx_bytes(tables), True)
