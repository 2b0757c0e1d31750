"""The admin drills down to a person whose records this computer does not hold:
they are fetched from a real server when opened (GET /records), and offline
the screen says why instead."""

from __future__ import annotations

from pathlib import Path

from tests.support.live_server import LiveServer
from tests.tui.monitoring_world import Served
from tests.tui.test_year_world import (
    ITEMS,
    OWNER_PLAN_DATA,
    PLAN,
    STAFF,
    Host,
    live_bidang,
    screen_text,
)
from tui.screens.monitoring.drill import PersonFileScreen
from tui.screens.monitoring.screen import MonitoringScreen


async def _open_siti(app: Host) -> str:
    """From the on-track view, the last row (Siti, on track), then her file: its text."""
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("v", "v")
        await app.workers.wait_for_complete()
        await pilot.press("down", "down", "enter")
        await pilot.press("enter")
        assert isinstance(app.screen, PersonFileScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        return screen_text(app)


async def test_the_admin_opens_a_file_fetched_on_demand(
    live_server: LiveServer, tmp_path: Path
) -> None:
    devices = live_bidang(live_server, tmp_path)
    staff, admin = devices["staff"], devices["admin"]
    staff.edit("plan", PLAN, {**OWNER_PLAN_DATA, "status": "draft"}, STAFF)
    for item_id, data in ITEMS:
        staff.edit("plan_item", item_id, dict(data), STAFF)
    staff.sync()
    admin.sync()
    assert admin.store.records.get("plan", PLAN) is None  # outside the admin's sync scope

    app = Host(lambda: MonitoringScreen(admin.services, Served()))
    shown = await _open_siti(app)
    assert "Baru saja diambil dari server." in shown
    assert "SKP | 2 RHK | Draf" in shown
    assert admin.store.records.get("plan", PLAN) is None  # read, not synced


async def test_offline_the_file_says_why(live_server: LiveServer, tmp_path: Path) -> None:
    admin = live_bidang(live_server, tmp_path)["admin"]
    admin.sync()
    live_server.stop()
    app = Host(lambda: MonitoringScreen(admin.services, Served(offline=True)))
    shown = await _open_siti(app)
    assert "Rekaman tidak dapat diambil: server tidak menjawab" in shown
    assert "SKP |" not in shown
