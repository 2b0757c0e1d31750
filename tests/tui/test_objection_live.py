"""Keberatan through the screens and a live server whose clock the test drives.

Siti's two evaluations became final on 6 April (WIT), so the last day to
object is 20 April. On day 13 she files one objection online (the server
takes it) and writes another offline; she syncs on day 15, and the server,
whose date decides, refuses the late one: the screen says so plainly. The
PPK notes their side; the Kepala Dinas (atasan PPK) changes the ratings
under objection, the predikat follows the matrix, and the decision is final
for everyone.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from domain.vocab import PREDIKAT_LABELS
from tests.support.live_server import LiveServer
from tests.tui.test_year_world import Q1, STAFF, Host, type_text
from tests.tui.year_areas_world import EVAL_Q1, EVAL_YEAR, live_year, shown_text
from tui.screens.home.screen import HomeScreen
from tui.screens.objection.screen import ObjectionScreen


def _objection_to(device: object, evaluation_id: str) -> dict | None:
    found = [
        r
        for r in device.store.records.list("objection", owner=STAFF)  # type: ignore[attr-defined]
        if r["data"]["evaluation_id"] == evaluation_id
    ]
    return found[0] if found else None


async def test_filed_on_day_13_refused_on_day_15_then_decided(
    live_server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    devices, clock = live_year(live_server, tmp_path, monkeypatch)
    staff, ppk, kadis = devices["staff"], devices["ppk"], devices["kadis"]

    # Day 13: both evaluations are open to objection, with the deadline shown.
    clock.day(13)
    app = Host(lambda: ObjectionScreen(staff.services))
    async with app.run_test(size=(80, 24)) as pilot:
        text = shown_text(app)
        assert "2026-04-20" in text and "1 hari lagi" in text
        assert app.screen.check_action("file", ()) is True
        await pilot.press("ctrl+n")
        await type_text(pilot, "Target berkas terhambat gangguan OSS")
        await pilot.press("ctrl+s")
        await pilot.pause()
    staff.sync()  # online: the server takes it on day 13
    on_server = live_server.record_of("objection", owner=STAFF)
    assert on_server["data"]["filed_at"].startswith("2026-04-19")  # the server's time, not ours

    # Still day 13, offline: an objection to the annual evaluation, written in time...
    app = Host(lambda: ObjectionScreen(staff.services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down")
        assert "Tahunan 2026" in shown_text(app)
        await pilot.press("ctrl+n")
        await type_text(pilot, "Nilai tahunan")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "belum terkirim" in shown_text(app)
    # ...pushed on day 15: the server's date decides, and it is past the deadline.
    clock.day(15)
    report = staff.sync()
    assert report.rejected == 1
    late = _objection_to(staff, EVAL_YEAR)
    assert late is not None and late["rejected"]["code"] == "forbidden"
    app = Host(lambda: ObjectionScreen(staff.services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down")
        text = shown_text(app)
        assert "telat, ditolak" in text
        assert "setelah 2026-04-20" in text and "tanggal server yang menentukan" in text
        assert app.screen.check_action("discard", ()) is True
        await pilot.press("ctrl+l", "y")
        await pilot.pause()
        assert _objection_to(staff, EVAL_YEAR) is None
        # The window has closed: the key shows disabled, and the details say why.
        assert app.screen.check_action("file", ()) is None
        assert "berakhir pada 2026-04-20" in shown_text(app)

    # The PPK sees the objection and adds a note of their side.
    ppk.sync()
    app = Host(lambda: ObjectionScreen(ppk.services))
    async with app.run_test(size=(80, 24)) as pilot:
        assert "gangguan OSS" in shown_text(app)
        assert app.screen.check_action("decide", ()) is False
        await pilot.press("ctrl+b")
        await type_text(pilot, "Gangguan OSS hanya seminggu")
        await pilot.press("ctrl+s")
        await pilot.pause()
    noted = ppk.store.records.list("feedback", owner=STAFF)
    assert [(f["data"]["text"], f["data"]["period_id"]) for f in noted] == [
        ("Gangguan OSS hanya seminggu", Q1)
    ]
    ppk.sync()

    # The Kepala Dinas decides: Beranda says it waits; the ratings change, the
    # predikat follows the matrix.
    kadis.sync()
    app = Host(lambda: HomeScreen(kadis.services))
    async with app.run_test(size=(80, 24)):
        waiting = app.screen.query_one("#home-waiting", OptionList)
        lines = [str(waiting.get_option_at_index(i).prompt) for i in range(waiting.option_count)]
        assert "Keberatan untuk diputuskan (1): Siti Marwah" in lines
    app = Host(lambda: ObjectionScreen(kadis.services))
    async with app.run_test(size=(80, 24)) as pilot:
        text = shown_text(app)
        assert "1 menunggu keputusan Anda" in text and "Tim 1" in text
        assert app.screen.check_action("decide", ()) is True
        await pilot.press("ctrl+g")
        await pilot.press("enter", "down", "enter")  # Penilaian Diubah
        await pilot.press("tab", "enter", "up", "enter")  # hasil kerja: Sesuai Ekspektasi
        assert PREDIKAT_LABELS["good"] in shown_text(app)
        await pilot.press("tab", "tab")
        await type_text(pilot, "Gangguan OSS terbukti")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.check_action("decide", ()) is False
    kadis.sync()
    evaluation = live_server.record_of("evaluation", id=EVAL_Q1)["data"]
    assert (evaluation["result_rating"], evaluation["predikat"]) == ("as_expected", "good")
    decision = live_server.record_of("objection", owner=STAFF)["data"]["decision"]
    assert decision["outcome"] == "changed" and decision["decided_by"] == kadis.nip

    # Both the employee and the PPK see the decision, read-only.
    for device in (staff, ppk):
        device.sync()
        app = Host(lambda device=device: ObjectionScreen(device.services))
        async with app.run_test(size=(80, 24)):
            text = shown_text(app)
            assert "Penilaian Diubah" in text and "Gangguan OSS terbukti" in text
            assert all(
                app.screen.check_action(a, ()) is not True for a in ("file", "decide", "discard")
            )
