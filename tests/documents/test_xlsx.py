"""Spreadsheets read back with openpyxl: a sheet per collection or view, typed, frozen, sized."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl

from sync.commands.xlsx import Table, write_collections, write_table, write_tables
from tests.documents import world as w


def _by_collection(records: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        grouped[record["collection"]].append(record)
    return grouped


def _rows(sheet: Any) -> list[list[Any]]:
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_a_sheet_per_collection_with_typed_cells(tmp_path: Path) -> None:
    records = w.world()
    records.append({**records[0], "id": "gone", "deleted": True})
    path = write_collections(tmp_path / "kinerja.xlsx", _by_collection(records))
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [
        "employee",
        "unit",
        "period",
        "plan",
        "plan_item",
        "progress",
        "feedback",
        "evaluation",
    ]
    employees = book["employee"]
    header, *rows = _rows(employees)
    assert header[:5] == ["id", "owner", "rev", "updated_by", "updated_at"]
    assert len(rows) == len(w.PEOPLE)  # the deleted record is left out
    rev = header.index("rev")
    assert all(row[rev] == 1 for row in rows)  # a number, not text
    assert rows[0][header.index("updated_at")] == datetime(2026, 1, 5, 0, 0)  # WIT
    assert rows[0][header.index("active")] is True
    assert rows[0][header.index("roles")] == "[]"
    periods = _rows(book["period"])
    start = periods[0].index("start")
    assert {row[start] for row in periods[1:]} == {datetime(2026, 1, 1), datetime(2026, 7, 1)}
    assert book["period"].cell(2, start + 1).number_format == "yyyy-mm-dd"
    items = _rows(book["plan_item"])
    indicators = items[0].index("indicators")
    assert '"indicator": "Jumlah permohonan izin yang dianalisis"' in "".join(
        str(row[indicators]) for row in items[1:]
    )


def test_headers_are_frozen_filtered_and_columns_sized(tmp_path: Path) -> None:
    path = write_collections(tmp_path / "k.xlsx", _by_collection(w.world()))
    sheet = openpyxl.load_workbook(path)["employee"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith("A1:")
    header = [c.value for c in sheet[1]]
    name_column = openpyxl.utils.get_column_letter(header.index("name") + 1)
    width = sheet.column_dimensions[name_column].width
    assert len("Nurhayati Sangadji, S.H.") < width <= 62
    assert sheet.column_dimensions["C"].width < width  # "rev" is narrow


def test_a_view_keeps_numbers_dates_and_text_as_text(tmp_path: Path) -> None:
    rows = [
        ["Rizal Syamsuddin", 870, 2.5, date(2026, 9, 30), '=HYPERLINK("http://x")', None],
        ["Siti Marasabessy", 0, None, "2026-09-30", "https://arsip.example/a.pdf", "esc\x1b"],
    ]
    path = write_table(
        tmp_path / "dasbor.xlsx",
        "Dasbor / Triwulan III",
        ["Nama", "Selesai", "Median", "Tanggal", "Catatan", "X"],
        rows,
    )
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "Dasbor - Triwulan III"
    values = _rows(sheet)
    assert values[1][:4] == ["Rizal Syamsuddin", 870, 2.5, datetime(2026, 9, 30)]
    assert values[1][4] == '=HYPERLINK("http://x")' and sheet.cell(2, 5).data_type == "s"
    assert values[2][3] == datetime(2026, 9, 30)
    assert values[2][4] == "https://arsip.example/a.pdf" and not sheet.cell(3, 5).hyperlink
    assert values[2][5] == "esc\u241b"


def test_several_views_a_sheet_each(tmp_path: Path) -> None:
    path = write_tables(
        tmp_path / "v.xlsx",
        [Table("SKP", ["a"], [[1]]), Table("SKP", ["b"], [[2]]), Table("x" * 40, ["c"], [])],
    )
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["SKP", "SKP (2)", "x" * 31]
