"""Tindak lanjut offline, for Kurang/Misconduct: the app says discipline is a
separate track, and a sanction keeps its level (PP 94/2021)."""

from __future__ import annotations

from pathlib import Path

from domain.predikat import predikat
from tests.tui.test_year_world import PLAN, PPK, Q1, STAFF, Host, profile, put_pulled, type_text
from tests.tui.year_areas_world import shown_text
from tui.screens.follow_up.screen import FollowUpScreen

EVALUATION = "00000000-0000-4000-8000-0000000e0001"


async def test_a_sanction_with_its_level_recorded_offline(tmp_path: Path) -> None:
    services = profile(tmp_path, PPK)
    evaluation = {
        "period_id": Q1,
        "plan_id": PLAN,
        "result_rating": "above",
        "behaviour_rating": "below",
        "behaviour_notes": {},
        "item_notes": {},
        "predikat": predikat("above", "below"),
        "status": "final",
        "finalised_at": "2026-04-06T10:00:00+09:00",
    }
    put_pulled(services.store, "evaluation", EVALUATION, STAFF, evaluation, by=PPK)
    app = Host(lambda: FollowUpScreen(services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+n")
        text = shown_text(app)
        assert "Kurang/Misconduct: diusulkan Pembinaan." in text
        assert "Disiplin (PP 94/2021) adalah jalur tersendiri" in text
        await pilot.press("tab", "enter", "down", "enter")  # Sanksi
        await pilot.press("tab", "enter", "down", "enter")  # Hukuman Disiplin Sedang
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "Pemotongan tunjangan kinerja 25 persen selama 6 bulan")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Tingkat: Hukuman Disiplin Sedang" in shown_text(app)
    [record] = services.store.records.list("follow_up", owner=STAFF)
    assert (record["data"]["kind"], record["data"]["level"]) == ("sanction", "moderate")
    assert record["data"]["evaluation_id"] == EVALUATION
    assert record["pending"] is not None  # kept in the outbox until the next sync
