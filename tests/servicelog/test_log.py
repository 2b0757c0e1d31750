"""Reading a service log: formats, the preview's guesses, malformed rows listed by line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bench.servicelog_data import write_log
from client.servicelog.formats import DAY, Parser, fitting_formats
from client.servicelog.log import LogError, LogSpec, preview, read_log


def _day_and_time(key: str, text: str) -> tuple[date, int] | None:
    value = Parser(key)(text)
    return None if value is None else (date.fromordinal(value // DAY), value % DAY)


@pytest.mark.parametrize(
    ("key", "text", "expected"),
    [
        ("iso", "2026-01-05 08:30", (date(2026, 1, 5), 8 * 3600 + 1800)),
        ("iso", "2026-01-05T08:30:15", (date(2026, 1, 5), 8 * 3600 + 1815)),
        ("iso", "2026-01-05T23:30:00Z", (date(2026, 1, 6), 8 * 3600 + 1800)),  # UTC to WIT
        ("iso", "2026-01-05 10:00 WIB", (date(2026, 1, 5), 12 * 3600)),
        ("iso", "2026-01-05 10:00+08:00", (date(2026, 1, 5), 11 * 3600)),
        ("iso", "2026-01-05", (date(2026, 1, 5), 0)),
        ("dmy", "05/01/2026 14.30", (date(2026, 1, 5), 14 * 3600 + 1800)),
        ("dmy", "5-1-2026", (date(2026, 1, 5), 0)),
        ("d_mon_y", "5 Januari 2026 08:00", (date(2026, 1, 5), 8 * 3600)),
        ("d_mon_y", "17-Agu-2026", (date(2026, 8, 17), 0)),
        ("mdy", "1/5/2026 2:30", (date(2026, 1, 5), 2 * 3600 + 1800)),
        ("ymd", "2026/12/31 23:59:59", (date(2026, 12, 31), 86399)),
        ("dmy", "31/02/2026", None),
        ("iso", "2026-01-05 24:10", None),
        ("d_mon_y", "5 Foo 2026", None),
        ("iso", "kemarin", None),
    ],
)
def test_formats(key: str, text: str, expected: tuple[date, int] | None) -> None:
    assert _day_and_time(key, text) == expected


def test_day_first_is_preferred_and_month_first_found_when_only_it_fits() -> None:
    assert fitting_formats(["05/01/2026", "12/02/2026"]) == ["dmy", "mdy"]
    assert fitting_formats(["01/25/2026", "02/13/2026"]) == ["mdy"]
    assert fitting_formats(["", "x"]) == []


def test_the_preview_guesses_delimiter_columns_and_formats(tmp_path: Path) -> None:
    path = tmp_path / "layanan.csv"
    write_log(path, 300, delimiter=";", style="dmy", malformed_every=50)
    seen = preview(path)
    assert seen.delimiter == ";"
    assert seen.header[3:5] == ["Tanggal Diterima", "Tanggal Selesai"]
    assert (seen.received_column, seen.completed_column) == (3, 4)
    assert seen.formats[3] == ["dmy"] and seen.formats[1] == []
    assert len(seen.rows) == 5 and seen.rows[0][0] == "PRM-2026-000001"
    assert seen.spec() == LogSpec(3, 4, "dmy", "dmy", ";", "utf-8-sig")


def test_every_malformed_row_is_listed_with_its_line_and_reason(tmp_path: Path) -> None:
    path = tmp_path / "layanan.csv"
    spoiled = write_log(path, 1000, malformed_every=37)
    read = read_log(path, LogSpec(3, 4, "iso", "iso"))
    assert {m.line: m.reason for m in read.malformed}.keys() == spoiled.keys()
    kinds = {
        "columns": "has {found} columns; the dates are in column {needed}",
        "received": "the received date {value} is not written like {example}",
        "completed": "the completed date {value} is not written like {example}",
        "reversed": "completed ({completed}) before it was received ({received})",
    }
    for bad in read.malformed:
        assert bad.reason == kinds[spoiled[bad.line]]
    first = read.malformed[0]
    assert (
        first.line == 38
        and first.message("en")
        == "the received date 'kemarin' is not written like 2026-12-31 14:30"
    )
    assert (
        first.message("id") == "tanggal diterima 'kemarin' tidak ditulis seperti 2026-12-31 14:30"
    )
    assert read.rows == 1000
    assert len(read.completed) + read.open_requests + len(read.malformed) == 1000
    assert read.open_requests > 0


def test_quoted_newlines_keep_line_numbers_and_windows_files_are_read(tmp_path: Path) -> None:
    path = tmp_path / "layanan.csv"
    path.write_bytes(
        "No;Catatan;Diterima;Selesai\r\n"
        '1;"dua\r\nbaris";2026-01-05 08:00;2026-01-06 09:00\r\n'
        "2;Caf\xe9;2026-01-05 08:00;kemarin\r\n".encode("cp1252")
    )
    seen = preview(path)
    assert seen.encoding == "cp1252" and seen.delimiter == ";"
    read = read_log(path, LogSpec(2, 3, "iso", "iso", ";", seen.encoding))
    assert len(read.completed) == 1
    assert [(m.line, m.params["value"]) for m in read.malformed] == [(4, "'kemarin'")]


def test_an_unreadable_or_empty_file_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KINERJA_LANG", "en")
    with pytest.raises(LogError, match="Cannot read"):
        preview(tmp_path / "none.csv")
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(LogError, match="is empty"):
        preview(empty)
