"""Realisasi follows a sync: the approval it brings opens the SKP for realisasi."""

from __future__ import annotations

from pathlib import Path

from store.records import record_key
from tests.tui.test_plan_world import PLAN, STAFF, Host, profile, screen_text, seed_plan
from tui.screens.progress.screen import ProgressScreen
from tui.sync_worker import SyncDone


def approve(services: object) -> None:
    store = services.store  # type: ignore[attr-defined]
    key = record_key("plan", PLAN)
    with store.transaction() as tx:
        record = dict(tx.get("records", key))
        data = {**record["data"], "status": "approved"}
        record.update(data=data, base={**record["base"], "data": data}, rev=2)
        tx.put("records", key, record)


async def test_an_approval_brought_by_a_sync_shows_at_once(tmp_path: Path) -> None:
    staff = profile(tmp_path / "staff", STAFF)
    seed_plan(staff, "submitted")
    app = Host(lambda: ProgressScreen(staff))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        before = screen_text(app)
        assert screen.check_action("edit", ()) is not True
        approve(staff)
        screen.post_message(SyncDone(None))  # type: ignore[arg-type]
        await pilot.pause()
        assert screen.check_action("edit", ()) is True
        assert screen_text(app) != before
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ProgressEditor"
