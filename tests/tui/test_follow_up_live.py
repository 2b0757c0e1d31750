"""Tindak lanjut through the screens and a live server whose clock the test drives.

Siti's Triwulan I is Butuh Perbaikan: the PPK records a follow-up from it, the
app proposes pembinaan, and the coaching path of PP 30/2019 is taken step by
step. Seven months later the competency test (due six months after the
coaching began) has not been recorded: the screen warns. The training she
took meanwhile shows as answering it; as an Analis (functional staff) her
predikat's share of the credit points is shown. She and the atasan PPK read
it; only the PPK writes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import OptionList

from tests.support.live_server import LiveServer
from tests.tui.test_year_world import STAFF, Host, type_text
from tests.tui.year_areas_world import EVAL_Q1, live_year, shown_text
from tui.screens.follow_up.screen import FollowUpScreen
from tui.screens.home.screen import HomeScreen

TRAINING = "00000000-0000-4000-8000-000000070001"


@pytest.fixture
def year_server(tmp_path: Path) -> Iterator[LiveServer]:
    """A live server whose sessions outlast the months this test moves its clock."""
    server = LiveServer.start(tmp_path / "server", token_days=400)
    yield server
    server.close()


async def test_a_coaching_path_through_its_steps(
    year_server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    devices, clock = live_year(year_server, tmp_path, monkeypatch)
    staff, ppk, kadis = devices["staff"], devices["ppk"], devices["kadis"]

    app = Host(lambda: FollowUpScreen(ppk.services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+n")
        assert "Baik: tidak wajib ada tindak lanjut" in shown_text(app)  # the annual one
        await pilot.press("enter", "down", "enter")  # Triwulan I: Butuh Perbaikan
        text = shown_text(app)
        assert "Butuh Perbaikan: diusulkan Pembinaan." in text
        assert "rencana pengembangan" in text
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "2027-01-29")
        await pilot.press("tab")
        await type_text(pilot, "Pendampingan mingguan")
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = shown_text(app)
        assert "Berikutnya: Uji Kompetensi, tenggat 2026-10-06." in text
        assert "Angka kredit: 75 % dari koefisien tahunan" in text
    [record] = ppk.store.records.list("follow_up", owner=STAFF)
    assert record["data"]["kind"] == "coaching"
    assert record["data"]["evaluation_id"] == EVAL_Q1
    assert record["data"]["steps"] == [{"step": "coaching", "date": "2026-04-06"}]
    ppk.sync()

    # Seven months on, the competency test was never recorded: its due date passed,
    # and Beranda says so too.
    clock.day(218)  # 10 November 2026
    app = Host(lambda: HomeScreen(ppk.services))
    async with app.run_test(size=(80, 24)):
        waiting = app.screen.query_one("#home-waiting", OptionList)
        lines = [str(waiting.get_option_at_index(i).prompt) for i in range(waiting.option_count)]
        assert "Tindak lanjut berjalan (1): Siti Marwah ⚠ 2026-10-06" in lines
    staff.edit(
        "training",
        TRAINING,
        {"title": "Pelayanan Prima", "path": "classical", "jp": 24,
         "start": "2026-06-08", "end": "2026-06-10"},
        STAFF,
    )  # fmt: skip
    staff.sync()
    ppk.sync()
    app = Host(lambda: FollowUpScreen(ppk.services))
    async with app.run_test(size=(80, 24)) as pilot:
        text = shown_text(app)
        assert "⚠ Uji Kompetensi bertenggat 2026-10-06: tanggalnya sudah lewat." in text
        assert "1 melewati tenggat" in text
        assert "Dijawab oleh pelatihan: Pelayanan Prima (24 JP, 2026-06-10)" in text
        await pilot.press("ctrl+g")
        await type_text(pilot, "Disarankan jabatan yang sesuai")
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = shown_text(app)
        assert "Berikutnya: Penempatan pada Jabatan yang Sesuai, tenggat 2027-01-29." in text
        assert "0 melewati tenggat" in text
        await pilot.press(
            "ctrl+g", "ctrl+s", "ctrl+g", "ctrl+s"
        )  # reassigned, then temporarily placed
        await pilot.pause()
        assert "Pemberhentian dengan Hormat, tenggat 2027-11-10." in shown_text(app)
        await pilot.press("ctrl+t", "y")
        await pilot.pause()
        assert app.screen.check_action("step", ()) is False
    ppk.sync()
    on_server = year_server.record_of("follow_up", owner=STAFF)["data"]
    assert [s["step"] for s in on_server["steps"]] == [
        "coaching",
        "competency_test",
        "reassignment",
        "temporary_placement",
    ]
    assert on_server["steps"][1] == {
        "step": "competency_test",
        "date": "2026-11-10",
        "note": "Disarankan jabatan yang sesuai",
    }
    assert on_server["status"] == "done"

    # The employee and the atasan PPK read it; neither may write it.
    for device in (staff, kadis):
        device.sync()
        app = Host(lambda device=device: FollowUpScreen(device.services))
        async with app.run_test(size=(80, 24)):
            assert "Pendampingan mingguan" in shown_text(app)
            assert app.screen.check_action("new", ()) is False
            assert app.screen.check_action("close", ()) is False
