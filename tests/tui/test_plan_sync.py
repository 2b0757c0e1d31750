"""The SKP's way from employee to PPK and back through a real server.

The employee works in their own profile, a sync round pushes; the PPK's
profile pulls, decides in the app, pushes; and so on to realisasi. Each
person's store holds only what the server let them pull.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from client.services import Services
from store import open_store
from sync.engine import SyncEngine
from sync.link import Link
from tests.support.live_server import LiveServer, make_nip, mutation
from tests.tui.test_plan_flow import SIZE, draft, submit
from tests.tui.test_plan_world import (
    ANNUAL,
    FIXED_NOW,
    KEPALA_DINAS,
    PPK,
    STAFF,
    Host,
    periods,
    screen_text,
    type_text,
)
from tui.screens.plan.screen import PlanScreen
from tui.screens.progress.screen import ProgressScreen


class Person:
    """One person's profile folder, store and sync engine."""

    def __init__(self, server: LiveServer, home: Path, nip: str) -> None:
        home.mkdir(parents=True)
        self.services = Services(
            store=open_store(home), me=nip, home=home, lang="id", clock=lambda: FIXED_NOW
        )
        self.engine = SyncEngine(self.services.store, Link(server.base_url, server.token_for(nip)))

    def sync(self) -> None:
        report = self.engine.run_round()
        rejected = [
            r["rejected"] for r in self.services.store.all("records").values() if r.get("rejected")
        ]
        assert not rejected, rejected
        assert not report.error and not report.rejected and not report.conflicts, report


def office(server: LiveServer) -> None:
    admin = make_nip(900, female=True)
    server.add_employee(admin, "Admin BKD", roles=("admin",))
    server.add_employee(KEPALA_DINAS, "Ir. Rahmat Hasan", position="Kepala Dinas")
    server.add_employee(PPK, "Nurlaila Abdullah, S.H.", KEPALA_DINAS, position="Kepala Bidang")
    server.add_employee(STAFF, "Siti Marwah", PPK, position="Analis Perizinan")
    results = server.push(
        server.token_for(admin),
        [mutation("period", data, owner=None, id=period_id) for period_id, data in periods()],
    )
    assert {r["status"] for r in results} == {"applied"}


def server_plan(server: LiveServer) -> dict[str, Any]:
    return server.record_of("plan", owner=STAFF)


async def test_employee_pushes_ppk_pulls_decides_and_realisasi_reaches_the_server(
    live_server: LiveServer, tmp_path: Path
) -> None:
    office(live_server)
    staff = Person(live_server, tmp_path / "staff", STAFF)
    ppk = Person(live_server, tmp_path / "ppk", PPK)
    staff.sync()
    ppk.sync()

    app = Host(lambda: PlanScreen(staff.services))
    async with app.run_test(size=SIZE) as pilot:
        # drafted and submitted before any sync: one round carries it all in order
        await draft(pilot)
        await submit(pilot)
    staff.sync()
    assert server_plan(live_server)["data"]["status"] == "submitted"

    ppk.sync()
    app = Host(lambda: PlanScreen(ppk.services))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "enter", "ctrl+b")
        await type_text(pilot, "Target terlalu rendah")
        await pilot.press("ctrl+s")
        await pilot.pause()
    ppk.sync()
    assert server_plan(live_server)["data"]["return_note"] == "Target terlalu rendah"

    staff.sync()
    app = Host(lambda: PlanScreen(staff.services))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Target terlalu rendah" in screen_text(app)
        await pilot.press("enter")  # open the RHK, go to its target, raise it
        await pilot.press("tab", "tab", "tab", "ctrl+u")
        await type_text(pilot, "150")
        await pilot.press("ctrl+s", "f8", "ctrl+y")
        await pilot.pause()
    staff.sync()
    item = live_server.record_of("plan_item", owner=STAFF)
    assert item["data"]["indicators"][0]["target"] == 150
    assert server_plan(live_server)["data"]["status"] == "submitted"

    ppk.sync()
    app = Host(lambda: PlanScreen(ppk.services))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "enter", "f8", "ctrl+y")
        await pilot.pause()
    ppk.sync()
    assert server_plan(live_server)["data"]["status"] == "approved"

    staff.sync()
    app = Host(lambda: ProgressScreen(staff.services))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await type_text(pilot, "40")
        await pilot.press("ctrl+s")
        await pilot.pause()
    staff.sync()
    progress = live_server.record_of("progress", owner=STAFF)
    assert progress["data"]["values"] == [40]
    assert progress["data"]["period_id"] == ANNUAL
    assert progress["data"]["plan_item_id"] == item["id"]
