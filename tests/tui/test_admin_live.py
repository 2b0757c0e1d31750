"""Kepegawaian (ctrl+f) against a live server: the HR admin imports a CSV and assigns a Plt.

A file with a bad row is checked first: every problem is listed by line and
nothing is written, here or on the server; the fixed file imports. A Plt
assigned in the area approves the SKP waiting for the position holder while
the assignment runs, and is refused once it has ended, by the app and by
the server.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, TabbedContent

from domain.deadlines import office_date
from server import db
from tests.support.live_server import LiveServer, make_nip, mutation
from tests.tui.test_year_world import (
    ITEM_1,
    ITEMS,
    KADIS,
    OWNER_PLAN_DATA,
    PLAN,
    PPK,
    STAFF,
    STAFF_2,
    Device,
    Host,
    live_bidang,
    screen_text,
    type_text,
)
from tui.screens.admin.screen import ACTING, IMPORT, AdminScreen
from tui.screens.plan.screen import PlanScreen
from tui.widgets.filter_list import FilterList

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
        people = app.screen.query_one("#people", FilterList).rows
        assert "Rizal Tomagola" in [row.cells[0] for row in people]
    assert admin.sync().rejected == 0
    assert live_server.record_of("employee", owner=NEW_2)["data"]["atasan_nip"] == NEW_1
    new_unit = live_server.record_of(
        "unit", id=live_server.record_of("employee", owner=NEW_2)["data"]["unit_id"]
    )
    assert new_unit["data"]["name"] == "Bidang Baru"


PLAN_2 = "00000000-0000-4000-8000-0000000b0002"
ITEM_3 = "00000000-0000-4000-8000-0000000c0003"


def _submit(device: Device, plan_id: str, item_id: str, item: dict[str, Any]) -> None:
    """The owner writes a draft SKP with one RHK, syncs, then submits it to the PPK."""
    device.sync()
    device.edit("plan", plan_id, {**OWNER_PLAN_DATA, "status": "draft"}, device.nip)
    device.edit("plan_item", item_id, {**item, "plan_id": plan_id}, device.nip)
    device.sync()
    device.edit("plan", plan_id, {**OWNER_PLAN_DATA, "status": "submitted"}, device.nip)
    assert device.sync().rejected == 0


async def test_a_plt_approves_an_skp_during_their_dates_and_is_refused_after(
    live_server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = datetime.now(UTC)
    today = office_date(now)
    devices = live_bidang(live_server, tmp_path)
    bkd = devices["admin"]
    live_server.add_employee(
        PLT, "Hendra Latuconsina", KADIS, unit="Bidang Pelayanan Perizinan", position="Kasubbag"
    )
    live_server.set_password(STAFF_2)
    live_server.set_password(PLT)
    staff_2 = Device(tmp_path / "staff2", live_server, STAFF_2)
    plt = Device(tmp_path / "plt", live_server, PLT)
    for device in (bkd, devices["staff"], staff_2, plt):
        device.services.clock = lambda: now
    bkd.sync()

    app = Host(lambda: AdminScreen(bkd.services))
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one(TabbedContent).active = ACTING
        await pilot.pause()
        await pilot.press("a")
        await type_text(pilot, "Hendra")
        await pilot.press("enter")
        await type_text(pilot, "Nurlaila")
        await pilot.press("enter")
        await pilot.press("tab", "tab", "end", *["backspace"] * 10)  # the last day
        await type_text(pilot, (today + timedelta(days=2)).isoformat())
        await pilot.press("tab")
        await type_text(pilot, "800/12/BKD/2026")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _table_rows(app, "acting-today") == [
            ["Hendra Latuconsina", "Nurlaila Abdullah, S.H.", "800/12/BKD/2026"]
        ]
    assert bkd.sync().rejected == 0
    acting = live_server.record_of("acting", owner=PLT)["data"]
    assert (acting["for_nip"], acting["kind"], acting["end"]) == (
        PPK,
        "plt",
        (today + timedelta(days=2)).isoformat(),
    )

    _submit(devices["staff"], PLAN, ITEM_1, dict(ITEMS[0][1]))
    _submit(staff_2, PLAN_2, ITEM_3, dict(ITEMS[0][1]))
    plt.sync()  # the acting official's feed now carries the holder's team

    app = Host(lambda: PlanScreen(plt.services, PLAN))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.check_action("approve", ()) is True
        await pilot.press("f8", "y")
        await pilot.pause()
    assert plt.sync().rejected == 0
    assert live_server.record_of("plan", id=PLAN)["data"]["status"] == "approved"

    # Three days on, the assignment has ended: the app no longer offers the key,
    # and the server refuses the approval all the same.
    later = now + timedelta(days=3)
    monkeypatch.setattr(db, "now", lambda: later)
    plt.services.clock = lambda: later
    app = Host(lambda: PlanScreen(plt.services, PLAN_2))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.check_action("approve", ()) is False
        await pilot.press("f8", "y")
        await pilot.pause()
    assert plt.get("plan", PLAN_2)["data"]["status"] == "submitted"
    stored = live_server.record_of("plan", id=PLAN_2)
    approve = mutation(
        "plan",
        {**stored["data"], "status": "approved"},
        owner=STAFF_2,
        id=PLAN_2,
        base_rev=stored["rev"],
    )
    [result] = live_server.push(plt.token, [approve])
    assert result["status"] == "rejected"
    assert result["error"]["code"] == "forbidden"
    assert live_server.record_of("plan", id=PLAN_2)["data"]["status"] == "submitted"


async def test_the_admin_reads_a_persons_whole_file_from_the_server(
    live_server: LiveServer, tmp_path: Path
) -> None:
    devices = live_bidang(live_server, tmp_path)
    staff, bkd = devices["staff"], devices["admin"]
    _submit(staff, PLAN, ITEM_1, dict(ITEMS[0][1]))
    training = {
        "title": "Pelatihan Pelayanan Prima",
        "path": "classical",
        "jp": 24,
        "start": "2026-03-02",
        "end": "2026-03-04",
    }
    staff.edit("training", "00000000-0000-4000-8000-0000000d0001", training, STAFF)
    assert staff.sync().rejected == 0
    bkd.sync()

    app = Host(lambda: AdminScreen(bkd.services))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, STAFF)
        await pilot.press("ctrl+g")
        for _round in range(50):
            await pilot.pause(0.05)
            if "Mengambil" not in screen_text(app):
                break
        text = screen_text(app)
        assert "SKP (1)" in text and "Tahunan 2026 · Diajukan" in text
        assert "Pelatihan Pelayanan Prima · 24 JP · 2026-03-02" in text
        await pilot.press("escape")
        assert isinstance(app.screen, AdminScreen)


async def test_a_staff_row_above_its_atasans_row_imports(
    live_server: LiveServer, tmp_path: Path
) -> None:
    admin = live_bidang(live_server, tmp_path)["admin"]
    admin.sync()
    source = tmp_path / "urutan.csv"
    source.write_text(
        HEADER
        + f"{NEW_2},Yusuf Djafar,PNS,Penata (III/c),Analis,Bidang Baru,{NEW_1},\n"
        + f"{NEW_1},Rizal Tomagola,PNS,Pembina (IV/a),Kepala Bidang,Bidang Baru,{KADIS},\n",
        encoding="utf-8",
    )
    app = Host(lambda: AdminScreen(admin.services))
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one(TabbedContent).active = IMPORT
        await pilot.pause()
        app.screen.query_one("#import-path").focus()
        await type_text(pilot, str(source))
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        assert "Sudah diimpor." in screen_text(app)
    assert admin.sync().rejected == 0
    assert live_server.record_of("employee", owner=NEW_2)["data"]["atasan_nip"] == NEW_1
    assert live_server.record_of("employee", owner=NEW_1)["data"]["atasan_nip"] == KADIS
