"""Bad input gets a message beside the field and nothing is saved."""

from __future__ import annotations

from pathlib import Path

from client.services import Services
from tests.tui.test_plan_world import (
    ITEM_MAIN,
    ORPHAN,
    PLAN,
    PPK,
    STAFF,
    Host,
    notices,
    profile,
    records,
    screen_text,
    seed_plan,
    type_text,
)
from tui.screens.plan.screen import PlanScreen
from tui.screens.progress.screen import ProgressScreen

SIZE = (80, 24)


def drafted(tmp_path: Path) -> Services:
    staff = profile(tmp_path / "staff", STAFF)
    seed_plan(staff, "draft")
    return staff


async def test_letters_in_a_target_are_refused(tmp_path: Path) -> None:
    staff = drafted(tmp_path)
    app = Host(lambda: PlanScreen(staff))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await type_text(pilot, "Izin usaha diterbitkan")
        await pilot.press("tab", "tab")
        await type_text(pilot, "Izin terbit")
        await pilot.press("tab")
        await type_text(pilot, "dua belas")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "harus berupa angka" in screen_text(app)
    assert [r["id"] for r in records(staff, "plan_item", STAFF)] != [] and len(
        records(staff, "plan_item", STAFF)
    ) == 2
    assert staff.store.records.pending_count() == 0


async def test_an_empty_rhk_and_an_rhk_without_iki_are_refused(tmp_path: Path) -> None:
    staff = drafted(tmp_path)
    app = Host(lambda: PlanScreen(staff))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", "ctrl+s")
        await pilot.pause()
        text = screen_text(app)
        assert "RHK" in text and ("wajib" in text or "Write the RHK" in text or "Tulis" in text)
        assert "IKI" in text
    assert len(records(staff, "plan_item", STAFF)) == 2
    assert staff.store.records.pending_count() == 0


async def test_a_period_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    staff = profile(tmp_path / "staff", STAFF)
    app = Host(lambda: PlanScreen(staff))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+b", "ctrl+u")
        await type_text(pilot, "Tahunan 2027")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Tahunan 2027" in screen_text(app)
        assert "Tidak ada periode" in screen_text(app)
    assert records(staff, "plan", STAFF) == []


async def test_missing_atasan_is_said_clearly_and_blocks_the_draft(tmp_path: Path) -> None:
    orphan = profile(tmp_path / "orphan", ORPHAN)
    app = Host(lambda: PlanScreen(orphan))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "atasan" in screen_text(app)
        assert "BKD" in screen_text(app)
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert not app.screen.query("#period")  # no dialog: nothing to draft without a PPK
        assert "BKD" in notices(app)
    assert records(orphan, "plan", ORPHAN) == []


async def test_a_bad_evidence_link_is_refused(tmp_path: Path) -> None:
    staff = profile(tmp_path / "staff", STAFF)
    seed_plan(staff, "approved")
    app = Host(lambda: ProgressScreen(staff))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await type_text(pilot, "2")
        await pilot.press("tab")
        await type_text(pilot, "lima")  # the second IKI: letters
        await pilot.press("tab", "tab")
        await type_text(pilot, "Rekap")
        await pilot.press("tab")
        await type_text(pilot, "drive rekap januari")
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = screen_text(app)
        assert "https://" in text  # the link message says what a link looks like
        assert "angka" in text
    assert records(staff, "progress", STAFF) == []


async def test_what_permissions_forbid_is_read_only(tmp_path: Path) -> None:
    staff = profile(tmp_path / "staff", STAFF)
    seed_plan(staff, "submitted")
    ppk = Services(store=staff.store, me=PPK, home=staff.home, lang="id", clock=staff.clock)
    # the owner, while the PPK reviews: no item keys, no typing
    app = Host(lambda: PlanScreen(staff))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = {b.binding.id for b in app.screen.active_bindings.values()}
        assert "plan.add_item" not in keys and "plan.submit" not in keys
        await pilot.press("ctrl+n", "shift+tab", "right", "right")
        await pilot.pause()
        assert all(area.disabled for area in app.screen.query("TextArea"))
    # the PPK: approve and return, nothing else
    app = Host(lambda: PlanScreen(ppk, PLAN))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = {b.binding.id for b in app.screen.active_bindings.values()}
        assert {"plan.approve", "plan.return"} <= keys
        assert not keys & {"plan.add_item", "plan.delete_item", "plan.save", "plan.submit"}
        await pilot.press("enter")  # the RHK opens read-only
        await pilot.pause()
        assert all(field.disabled for field in app.screen.query("Input"))
        await pilot.press("ctrl+s")
    assert staff.store.records.get("plan_item", ITEM_MAIN)["pending"] is None
    assert staff.store.records.pending_count() == 0
