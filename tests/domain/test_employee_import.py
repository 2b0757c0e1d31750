"""The employee CSV's one reader and checker, shared by the server's import and the TUI's preview."""

from __future__ import annotations

from domain.employee_import import check_csv
from domain.org import Organisation
from tests.support.live_server import make_nip

HEAD = "nip,name,kind,rank,position,unit,atasan_nip,roles\n"
BOSS, STAFF, OTHER = make_nip(1), make_nip(2), make_nip(3)


def test_an_atasan_further_down_the_file_is_known() -> None:
    source = (
        HEAD
        + f"{STAFF},Siti,PNS,Penata,Analis,Bidang,{BOSS},\n{BOSS},Ahmad,PNS,Pembina,Kepala,Bidang,,admin\n"
    )
    rows, problems = check_csv(source, Organisation(), {}, "en")
    assert problems == []
    assert [(row.line, row.nip, row.roles) for row in rows] == [
        (2, STAFF, ()),
        (3, BOSS, ("admin",)),
    ]


def test_every_problem_is_listed_by_line_in_the_readers_language() -> None:
    source = HEAD + (
        f"{BOSS},Ahmad,PNS,Pembina,Kepala,Bidang,{STAFF},\n"  # a loop through line 3
        f"{STAFF},Siti,PNS,Penata,Analis,Bidang,{BOSS},\n"
        "123,Rizal,PNS,Penata,Analis,Bidang,,\n"
        f"{OTHER},Fitri,XYZ,Penata,,Bidang,,boss\n"
        "only,three,cells\n"
    )
    _rows, problems = check_csv(source, Organisation(), {}, "id")
    lines = [line for line, _text in problems]
    assert lines == sorted(lines)
    assert {2, 3, 4, 5, 6} <= set(lines)
    texts = dict.fromkeys(lines, "")
    for line, text in problems:
        texts[line] += text + " "
    assert "Jenis harus PNS atau PPPK" in texts[5]
    assert "Peran 'boss' tidak dikenal" in texts[5]
    assert "Kolom position kosong" in texts[5]
    assert "Seharusnya 8 kolom, ditemukan 3" in texts[6]


def test_a_wrong_header_is_one_problem_on_line_one() -> None:
    rows, problems = check_csv("nip,name\n1,2\n", Organisation(), {}, "en")
    assert rows == []
    assert problems == [(1, "The header must be: " + HEAD.strip())]
