"""The atasan PPK upholds an objection offline; a 'change' that changes
nothing is refused beside the form, and nothing is stored."""

from __future__ import annotations

from pathlib import Path

from tests.tui.test_objection_snapshots import OBJECTION, _year
from tests.tui.test_year_world import KADIS, STAFF, Host, type_text
from tests.tui.year_areas_world import shown_text
from tui.screens.objection.screen import ObjectionScreen


async def test_the_atasan_ppk_upholds_offline(tmp_path: Path) -> None:
    services = _year(tmp_path, KADIS, objection=True)
    app = Host(lambda: ObjectionScreen(services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+g", "enter", "down", "enter")  # Penilaian Diubah...
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "Tetap")
        await pilot.press("ctrl+s")
        assert "Rating masih sama" in shown_text(app)  # ...with the same ratings
        assert services.store.records.get("objection", OBJECTION)["pending"] is None
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "enter", "up", "enter")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "putus: tetap" in shown_text(app)
        assert app.screen.check_action("decide", ()) is False
    record = services.store.records.get("objection", OBJECTION)
    assert record["pending"] is not None  # goes with the next sync
    decision = record["data"]["decision"]
    assert (decision["outcome"], decision["note"], decision["decided_by"]) == (
        "upheld",
        "Tetap",
        KADIS,
    )
    evaluation = services.store.records.list("evaluation", owner=STAFF)[0]
    assert evaluation["pending"] is None  # upholding leaves the evaluation alone
