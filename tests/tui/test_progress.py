"""Realisasi: one progress record per RHK per period, edited when it exists."""

from __future__ import annotations

from pathlib import Path

from tests.tui.test_plan_world import (
    ITEM_EXTRA,
    ITEM_MAIN,
    QUARTERS,
    STAFF,
    Host,
    profile,
    screen_text,
    seed_plan,
    type_text,
)
from tui.screens.progress.screen import ProgressScreen

SIZE = (80, 24)


async def test_a_quarter_is_chosen_and_its_realisasi_edited_not_duplicated(tmp_path: Path) -> None:
    staff = profile(tmp_path / "staff", STAFF)
    seed_plan(staff, "approved")
    app = Host(lambda: ProgressScreen(staff))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g", "down", "enter")  # Triwulan I 2026
        await pilot.pause()
        await pilot.press("tab", "enter")  # back to the table, first RHK
        await type_text(pilot, "2,5")
        await pilot.press("tab")
        await type_text(pilot, "30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "2,5 / 30" in app.screen.query_one("#progress-items").get_row_at(0)[2]
        await pilot.press("enter", "tab", "ctrl+u")  # the same RHK again: change the second value
        await type_text(pilot, "32")
        await pilot.press("ctrl+n")  # a second evidence row
        await type_text(pilot, "Daftar izin terbit")
        await pilot.press("tab")
        await type_text(pilot, "https://sicantik.example.go.id/laporan/2026-q1")
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = staff.store.records.list("progress", owner=STAFF)
    assert len(saved) == 1
    assert saved[0]["data"]["plan_item_id"] == ITEM_MAIN
    assert saved[0]["data"]["period_id"] == QUARTERS[0]
    assert saved[0]["data"]["values"] == [2.5, 32]
    assert saved[0]["data"]["evidence"] == [
        {"label": "Daftar izin terbit", "url": "https://sicantik.example.go.id/laporan/2026-q1"}
    ]


async def test_an_empty_value_is_kept_as_null(tmp_path: Path) -> None:
    staff = profile(tmp_path / "staff", STAFF)
    seed_plan(staff, "approved")
    app = Host(lambda: ProgressScreen(staff))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "enter")  # the RHK tambahan, one IKI
        await pilot.press("ctrl+s")
        await pilot.pause()
    [saved] = staff.store.records.list("progress", owner=STAFF)
    assert saved["data"]["plan_item_id"] == ITEM_EXTRA
    assert saved["data"]["values"] == [None]
    assert saved["data"]["evidence"] == []


async def test_without_an_approved_skp_nothing_can_be_recorded(tmp_path: Path) -> None:
    staff = profile(tmp_path / "staff", STAFF)
    seed_plan(staff, "submitted")
    app = Host(lambda: ProgressScreen(staff))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "ctrl+e")
        await pilot.pause()
        assert "Belum ada SKP yang disetujui" in screen_text(app)
        assert "progress.edit" not in {b.binding.id for b in app.screen.active_bindings.values()}
    assert staff.store.records.list("progress", owner=STAFF) == []
