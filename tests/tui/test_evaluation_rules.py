"""Evaluasi keeps the cycle's order: no final evaluation on an SKP that isn't approved."""

from __future__ import annotations

from pathlib import Path

from store import Store
from store.records import record_key
from tests.tui.test_year_world import PLAN, PPK, STAFF, Host, profile, screen_text
from tui.screens.evaluation.screen import EvaluationScreen
from tui.sync_worker import SyncDone
from tui.widgets.dialogs import ConfirmDialog

WHY = "Penilaian baru bisa difinalkan bila SKP-nya sudah disetujui PPK."


def plan_status(store: Store, status: str) -> None:
    key = record_key("plan", PLAN)
    with store.transaction() as tx:
        record = dict(tx.get("records", key))
        data = {**record["data"], "status": status}
        record.update(data=data, base={**record["base"], "data": data})
        tx.put("records", key, record)


async def test_a_returned_skp_says_why_before_f_and_f_does_nothing(tmp_path: Path) -> None:
    services = profile(tmp_path, PPK)
    plan_status(services.store, "returned")
    app = Host(lambda: EvaluationScreen(services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "b")  # both ratings: only the SKP stands in the way
        screen = app.screen
        assert screen.predikat is not None
        assert WHY in screen_text(app)
        assert screen.check_action("finalise", ()) is False
        await pilot.press("f")
        assert not isinstance(app.screen, ConfirmDialog)
        assert screen.check_action("save", ()) is True  # a draft may still be kept
        # the PPK approves the SKP elsewhere; a sync brings it
        plan_status(services.store, "approved")
        screen.post_message(SyncDone(None))  # type: ignore[arg-type]
        await pilot.pause()
        assert WHY not in screen_text(app)
        await pilot.press("h", "b")
        assert screen.check_action("finalise", ()) is True
        await pilot.press("f")
        assert isinstance(app.screen, ConfirmDialog)
    assert services.store.records.list("evaluation", owner=STAFF) == []
