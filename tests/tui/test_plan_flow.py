"""Rencana from draft to approval, driven by keys at 80x24 on real stores.

Both people work on one local store here (as on a shared office machine);
tests/tui/test_plan_sync.py takes the same steps through a real server.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from client.services import Services
from tests.tui.test_plan_world import (
    ANNUAL,
    PPK,
    STAFF,
    Host,
    profile,
    records,
    screen_text,
    type_text,
)
from tui.screens.plan.screen import PlanScreen
from tui.screens.progress.screen import ProgressScreen

SIZE = (80, 24)


def as_person(services: Services, nip: str) -> Services:
    return Services(
        store=services.store, me=nip, home=services.home, lang=services.lang, clock=services.clock
    )


async def draft(pilot: Pilot[Any]) -> None:
    """The employee drafts an SKP with one RHK utama."""
    await pilot.press("ctrl+b")
    await pilot.press("ctrl+s")  # the annual period is proposed
    await pilot.press("ctrl+n")
    await type_text(pilot, "Permohonan izin diselesaikan tepat waktu")
    await pilot.press("tab", "tab")  # past the aspek (Kuantitas) to the IKI
    await type_text(pilot, "Permohonan selesai sesuai SOP")
    await pilot.press("tab")
    await type_text(pilot, "120")
    await pilot.press("tab")
    await type_text(pilot, "berkas")
    await pilot.press("ctrl+s")
    await pilot.pause()


async def submit(pilot: Pilot[Any]) -> None:
    await pilot.press("f8")  # submit, then confirm
    await pilot.press("ctrl+y")
    await pilot.pause()


async def draft_and_submit(pilot: Pilot[Any]) -> None:
    await draft(pilot)
    await submit(pilot)


async def test_skp_from_draft_to_approval_and_realisasi(tmp_path: Path) -> None:
    staff = profile(tmp_path / "office", STAFF)
    ppk = as_person(staff, PPK)

    # 1. the employee drafts and submits, offline, before any sync
    app = Host(lambda: PlanScreen(staff))
    async with app.run_test(size=SIZE) as pilot:
        await draft_and_submit(pilot)
        assert "Diajukan" in screen_text(app)
    [plan] = records(staff, "plan", STAFF)
    assert plan["data"]["status"] == "submitted"
    assert plan["data"]["period_id"] == ANNUAL
    assert plan["data"]["ppk_nip"] == PPK
    [item] = records(staff, "plan_item", STAFF)
    assert item["data"]["text"] == "Permohonan izin diselesaikan tepat waktu"
    assert item["data"]["indicators"] == [
        {
            "aspect": "quantity",
            "indicator": "Permohonan selesai sesuai SOP",
            "target": 120,
            "unit": "berkas",
        }
    ]

    # 2. the PPK finds it in the team list and returns it with a note
    app = Host(lambda: PlanScreen(ppk))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        await pilot.press("enter")
        assert "Siti Marwah" in screen_text(app)
        await pilot.press("ctrl+b")
        await pilot.press("ctrl+s")  # an empty note is refused
        assert "note is required" in screen_text(app) or "wajib" in screen_text(app)
        await type_text(pilot, "Lengkapi dukungan sumber daya")
        await pilot.press("ctrl+s")
        await pilot.pause()
    plan = staff.store.records.get("plan", plan["id"])
    assert plan["data"]["status"] == "returned"
    assert plan["data"]["return_note"] == "Lengkapi dukungan sumber daya"

    # 3. the employee sees the note, completes the lampiran and resubmits
    app = Host(lambda: PlanScreen(staff))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Lengkapi dukungan sumber daya" in screen_text(app)
        await pilot.press("shift+tab", "right", "right", "tab")  # Lampiran, first list
        await type_text(pilot, "Akses aplikasi perizinan")
        await pilot.press("ctrl+s")
        await pilot.press("f8", "ctrl+y")
        await pilot.pause()
    plan = staff.store.records.get("plan", plan["id"])
    assert plan["data"]["status"] == "submitted"
    assert plan["data"]["attachments"]["resources"] == ["Akses aplikasi perizinan"]

    # 4. the PPK approves
    app = Host(lambda: PlanScreen(ppk))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "enter")
        await pilot.press("f8", "ctrl+y")
        await pilot.pause()
        assert "Disetujui" in screen_text(app)
    assert staff.store.records.get("plan", plan["id"])["data"]["status"] == "approved"

    # 5. the employee records realisasi for the year
    app = Host(lambda: ProgressScreen(staff))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await type_text(pilot, "31")
        await pilot.press("tab")
        await type_text(pilot, "Triwulan pertama lancar")
        await pilot.press("tab")
        await type_text(pilot, "Rekap Januari")
        await pilot.press("tab")
        await type_text(pilot, "https://drive.example.go.id/rekap-januari")
        await pilot.press("ctrl+s")
        await pilot.pause()
    [progress] = records(staff, "progress", STAFF)
    assert progress["data"] == {
        "plan_item_id": item["id"],
        "period_id": ANNUAL,
        "values": [31],
        "note": "Triwulan pertama lancar",
        "evidence": [
            {"label": "Rekap Januari", "url": "https://drive.example.go.id/rekap-januari"}
        ],
    }
