"""Pelatihan through the screens and a live server: the employee records
training until the year's 20 JP are met; the PPK sees who in the team is
short, and by how much, and may only read."""

from __future__ import annotations

from pathlib import Path

from tests.support.live_server import LiveServer
from tests.tui.test_year_world import STAFF, Host, live_bidang, type_text
from tests.tui.year_areas_world import shown_text
from tui.screens.training.screen import TrainingScreen


async def test_training_summing_to_20_jp(live_server: LiveServer, tmp_path: Path) -> None:
    devices = live_bidang(live_server, tmp_path)
    staff, ppk = devices["staff"], devices["ppk"]
    staff.sync()

    app = Host(lambda: TrainingScreen(staff.services))
    async with app.run_test(size=(80, 24)) as pilot:
        assert "JP 2026: 0 dari 20. Kurang 20 JP." in shown_text(app)
        # A JP that is not a number is said beside the field; nothing is stored.
        await pilot.press("ctrl+n")
        await type_text(pilot, "E-learning Kearsipan Digital")
        await pilot.press("tab", "tab")
        await type_text(pilot, "dua belas")
        await pilot.press("ctrl+s")
        assert "Tulis JP sebagai angka di atas 0" in shown_text(app)
        assert staff.store.records.list("training", owner=STAFF) == []
        await pilot.press(*["backspace"] * 9)
        await type_text(pilot, "12")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "JP 2026: 12 dari 20. Kurang 8 JP." in shown_text(app)
        await pilot.press("ctrl+n")
        await type_text(pilot, "Webinar Pelayanan Publik")
        await pilot.press("tab", "enter", "down", "enter", "tab")  # Pelatihan Nonklasikal
        await type_text(pilot, "8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = shown_text(app)
        assert "JP 2026: 20 dari 20. Batas minimal terpenuhi." in text
        assert "Nonklasikal" in text
    staff.sync()
    on_server = sorted(
        r["data"]["jp"] for r in live_server.pull_all(ppk.token)[0] if r["collection"] == "training"
    )
    assert on_server == [8, 12]

    ppk.sync()
    app = Host(lambda: TrainingScreen(ppk.services))
    async with app.run_test(size=(80, 24)) as pilot:
        text = shown_text(app)
        assert "Tim yang kurang dari 20 JP (2 dari 3): Fadli Umasugi 20, Hasnah Duwila 20" in text
        await pilot.press("ctrl+t", "down", "down", "down", "enter")  # Siti Marwah
        assert "JP 2026: 20 dari 20" in shown_text(app)
        assert app.screen.check_action("new", ()) is False
        assert app.screen.check_action("edit", ()) is False
