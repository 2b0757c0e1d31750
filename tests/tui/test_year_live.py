"""The whole year for one employee, through the screens and a real server.

The SKP is drafted, submitted and approved through the record API (those
screens are the plan helper's); everything of issue #6 is done with keys:
the PPK gives umpan balik and notes a dialog kinerja, the employee reads and
acknowledges it, the PPK writes and finalises a quarterly evaluation and then
the annual one, and the employee sees the predikat and its date.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from domain.deadlines import office_date
from domain.vocab import PREDIKAT_LABELS
from tests.support.live_server import LiveServer
from tests.tui.test_year_world import (
    ANNUAL,
    FIXED_NOW,
    ITEM_1,
    ITEMS,
    OWNER_PLAN_DATA,
    PLAN,
    PLAN_DATA,
    Q1,
    STAFF,
    Host,
    live_bidang,
    screen_text,
    type_text,
)
from tui.screens.evaluation.screen import EvaluationScreen
from tui.screens.feedback.screen import FeedbackScreen


def _approved_skp_with_realisasi(devices: dict) -> None:
    staff, ppk = devices["staff"], devices["ppk"]
    staff.sync()
    staff.edit("plan", PLAN, {**OWNER_PLAN_DATA, "status": "draft"}, STAFF)
    for item_id, data in ITEMS:
        staff.edit("plan_item", item_id, dict(data), STAFF)
    staff.sync()
    staff.edit("plan", PLAN, {**OWNER_PLAN_DATA, "status": "submitted"}, STAFF)
    staff.sync()
    ppk.sync()
    ppk.edit("plan", PLAN, {**PLAN_DATA, "status": "approved"}, STAFF)
    ppk.sync()
    staff.sync()
    assert staff.get("plan", PLAN)["data"]["status"] == "approved"
    for period_id, done in ((Q1, 31), (ANNUAL, 118)):
        staff.edit(
            "progress",
            f"00000000-0000-4000-8000-0000000d{period_id[-4:]}",
            {
                "plan_item_id": ITEM_1,
                "period_id": period_id,
                "values": [done, 3],
                "evidence": [{"label": "Rekap", "url": "https://dpmptsp.malutprov.go.id/r"}],
            },
            STAFF,
        )
    staff.sync()
    ppk.sync()


async def test_the_whole_year_for_one_employee(live_server: LiveServer, tmp_path: Path) -> None:
    devices = live_bidang(live_server, tmp_path)
    staff, ppk = devices["staff"], devices["ppk"]
    _approved_skp_with_realisasi(devices)

    # The PPK gives umpan balik on one RHK and notes a dialog kinerja, for Triwulan I.
    app = Host(lambda: FeedbackScreen(ppk.services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", *"siti", "enter")  # Siti Marwah
        await pilot.press("o", "down", "down", "enter")  # Triwulan I 2026
        await pilot.press("n", "shift+tab", "enter", "down", "enter", "tab")
        await type_text(pilot, "Target berkas sudah di jalur")
        await pilot.press("ctrl+s", "d")
        await type_text(pilot, "Bahas kendala verifikasi")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Target berkas sudah" in screen_text(app)
    given = {r["data"]["text"]: r["data"] for r in ppk.store.records.list("feedback", owner=STAFF)}
    assert given["Target berkas sudah di jalur"] == {
        "text": "Target berkas sudah di jalur",
        "period_id": Q1,
        "plan_item_id": ITEM_1,
    }
    assert given["Dialog kinerja 2026-12-18: Bahas kendala verifikasi"]["period_id"] == Q1
    ppk.sync()

    # The employee reads both and acknowledges them; that is all they may do.
    staff.sync()
    app = Host(lambda: FeedbackScreen(staff.services))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert screen.check_action("new", ()) is False
        assert screen.check_action("edit", ()) is False
        await pilot.press("a", "down", "a")
        await pilot.pause()
        assert screen.check_action("acknowledge", ()) is False
    staff.sync()
    ppk.sync()
    acknowledged = [
        r["data"].get("acknowledged_at") for r in live_server_feedback(live_server, ppk)
    ]
    assert acknowledged == [FIXED_NOW.isoformat(timespec="seconds")] * 2

    # The PPK evaluates Triwulan I, then the year, and finalises both.
    app = Host(lambda: EvaluationScreen(ppk.services))
    async with app.run_test(size=(80, 24)) as pilot:  # opens on Siti: her SKP covers the year
        await pilot.press("o", "down", "enter")  # Triwulan I 2026
        text = screen_text(app)
        assert "Permohonan izin disele" in text and "31 berkas" in text
        await pilot.press("h", "b", "b")  # Di Atas / Sesuai Ekspektasi
        assert "Predikat: " + PREDIKAT_LABELS["good"] in screen_text(app)
        await pilot.press("c")
        await type_text(pilot, "Capaian baik")
        await pilot.press("ctrl+s", "s", "f", "y")
        await pilot.pause()
        await pilot.press("o", "up", "enter", "h", "h", "b", "f", "y")  # Tahunan 2026
        await pilot.pause()
        assert app.screen.check_action("finalise", ()) is False
    ppk.sync()
    evaluations = {
        r["data"]["period_id"]: r for r in ppk.store.records.list("evaluation", owner=STAFF)
    }
    quarter, year = evaluations[Q1], evaluations[ANNUAL]
    assert quarter["data"]["predikat"] == "good"
    assert quarter["data"]["item_notes"] == {ITEM_1: "Capaian baik"}
    assert year["data"]["result_rating"] == "as_expected"
    assert year["data"]["behaviour_rating"] == "above"
    on_server = live_server.record_of("evaluation", id=year["id"])
    assert on_server["data"]["status"] == "final"
    # protocol 2: the server's clock, not the PPK's (fixed in this test at FIXED_NOW)
    finalised = datetime.fromisoformat(on_server["data"]["finalised_at"])
    assert abs(datetime.now(UTC) - finalised) < timedelta(minutes=10)

    # The employee sees the result and its date.
    staff.sync()
    app = Host(lambda: EvaluationScreen(staff.services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Predikat: " + PREDIKAT_LABELS["good"] in text
        assert office_date(finalised).isoformat() in text  # the server's day, in Sofifi
        assert app.screen.check_action("save", ()) is False


def live_server_feedback(server: LiveServer, device: object) -> list[dict]:
    changes, _ = server.pull_all(device.token)  # type: ignore[attr-defined]
    return sorted(
        (r for r in changes if r["collection"] == "feedback"), key=lambda r: r["data"]["text"]
    )
