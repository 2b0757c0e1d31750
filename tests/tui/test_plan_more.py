"""The SKP's smaller promises: palette, linking the atasan's RHK, typing kept over a sync."""

from __future__ import annotations

from pathlib import Path

from tests.tui.test_plan_world import (
    ANNUAL,
    ITEM_MAIN,
    KEPALA_DINAS,
    PLAN,
    PPK,
    STAFF,
    Host,
    profile,
    put_pulled,
    screen_text,
    seed_plan,
    type_text,
)
from tui.screens.plan import PlanScreen
from tui.sync_worker import RoundOutcome, SyncDone

SIZE = (80, 24)
PPK_PLAN = "00000000-0000-4000-8000-0000000000c1"
PPK_ITEM = "00000000-0000-4000-8000-0000000000c2"


async def test_the_palette_offers_the_screens_actions_in_indonesian(tmp_path: Path) -> None:
    staff = profile(tmp_path / "staff", STAFF)
    seed_plan(staff, "draft")
    app = Host(lambda: PlanScreen(staff))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await type_text(pilot, "ajukan")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "Ajukan SKP ini" in screen_text(app)  # the confirmation of submitting
        await pilot.press("ctrl+y")
        await pilot.pause()
    assert staff.store.records.get("plan", PLAN)["data"]["status"] == "submitted"


async def test_an_rhk_links_to_the_atasans_rhk_when_the_store_has_it(tmp_path: Path) -> None:
    staff = profile(tmp_path / "staff", STAFF)
    seed_plan(staff, "draft")
    ppk_plan = {
        "period_id": ANNUAL,
        "ppk_nip": KEPALA_DINAS,
        "approach": "quantitative",
        "status": "approved",
        "expectations": {},
        "attachments": {"resources": [], "accountability": [], "consequences": []},
    }
    put_pulled(staff.store, "plan", PPK_PLAN, PPK, ppk_plan, 300)
    ppk_item = {
        "plan_id": PPK_PLAN,
        "kind": "main",
        "text": "Layanan perizinan yang cepat dan pasti",
        "indicators": [
            {"aspect": "time", "indicator": "Izin terbit tepat waktu", "target": 95, "unit": "%"}
        ],
    }
    put_pulled(staff.store, "plan_item", PPK_ITEM, PPK, ppk_item, 301)
    app = Host(lambda: PlanScreen(staff))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "tab", "enter", "down", "enter", "ctrl+s")
        await pilot.pause()
    items = staff.store.records.list("plan_item", owner=STAFF)
    linked = [i for i in items if i["data"].get("parent_item_id") == PPK_ITEM]
    assert [i["data"]["text"] for i in linked] == ["Permohonan izin diselesaikan tepat waktu"]


async def test_unsaved_typing_survives_a_sync(tmp_path: Path) -> None:
    staff = profile(tmp_path / "staff", STAFF)
    seed_plan(staff, "draft")
    app = Host(lambda: PlanScreen(staff))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("shift+tab", "right", "right", "tab")  # Lampiran, first list
        await type_text(pilot, "setiap hari: ")
        app.screen.post_message(SyncDone(RoundOutcome(online=True, report=None, error=None)))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    resources = staff.store.records.get("plan", PLAN)["data"]["attachments"]["resources"]
    assert resources == ["setiap hari: Akses aplikasi perizinan"]


async def test_an_rhk_is_deleted_after_confirmation(tmp_path: Path) -> None:
    staff = profile(tmp_path / "staff", STAFF)
    seed_plan(staff, "draft")
    app = Host(lambda: PlanScreen(staff))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("delete", "escape")  # asked, and declined
        await pilot.pause()
        assert staff.store.records.get("plan_item", ITEM_MAIN)["deleted"] is False
        await pilot.press("delete", "ctrl+y")
        await pilot.pause()
        assert app.screen.query_one("#items-main").row_count == 0
    assert staff.store.records.get("plan_item", ITEM_MAIN)["deleted"] is True
    assert [m["op"] for m in staff.store.records.outbox()] == ["delete"]


async def test_a_kualitatif_skp_takes_narrative_targets(tmp_path: Path) -> None:
    staff = profile(tmp_path / "staff", STAFF)
    seed_plan(staff, "draft")
    app = Host(lambda: PlanScreen(staff))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("shift+tab", "right", "right", "ctrl+g")  # Lampiran: approach
        await pilot.pause()
        assert type(app.focused).__name__ == "ContentTabs"
        assert "Kualitatif" in screen_text(app)
        await pilot.press("left", "left", "ctrl+n")  # back on Utama
        await type_text(pilot, "Pemohon puas dengan layanan")
        await pilot.press("tab", "tab")
        await type_text(pilot, "Tanggapan pemohon")
        await pilot.press("tab")
        await type_text(pilot, "Sebagian besar pemohon menilai baik")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert staff.store.records.get("plan", PLAN)["data"]["approach"] == "qualitative"
    [new] = [
        r
        for r in staff.store.records.list("plan_item", owner=STAFF)
        if r["data"]["text"] == "Pemohon puas dengan layanan"
    ]
    assert new["data"]["indicators"] == [
        {
            "aspect": "quantity",
            "indicator": "Tanggapan pemohon",
            "target_text": "Sebagian besar pemohon menilai baik",
        }
    ]


async def test_a_changed_atasan_is_shown_and_becomes_the_ppk_at_submission(tmp_path: Path) -> None:
    staff = profile(tmp_path / "staff", STAFF)
    seed_plan(staff, "draft")
    acting = {**staff.store.records.get("employee", STAFF)["data"], "atasan_nip": KEPALA_DINAS}
    put_pulled(staff.store, "employee", STAFF, STAFF, acting, 400)  # a Plt takes over
    app = Host(lambda: PlanScreen(staff))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "atasan sekarang Ir. Rahmat Hasan" in screen_text(app)
        await pilot.press("f8", "ctrl+y")
        await pilot.pause()
    plan = staff.store.records.get("plan", PLAN)["data"]
    assert (plan["status"], plan["ppk_nip"]) == ("submitted", KEPALA_DINAS)
