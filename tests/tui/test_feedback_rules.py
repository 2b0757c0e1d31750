"""Umpan balik's rules as the screen shows them: who wrote it, and who may mark it read."""

from __future__ import annotations

from pathlib import Path

from store import Store
from store.records import record_key
from tests.tui.test_year_world import (
    FEEDBACK_1,
    FEEDBACK_2,
    PPK,
    STAFF,
    Host,
    profile,
    screen_text,
    seed_feedback,
)
from tui.screens.feedback.screen import FeedbackScreen


def acknowledged_by_staff(store: Store) -> None:
    """FEEDBACK_1 as protocol 2 pulls it after Siti read it: written by the PPK, last
    updated by Siti."""
    key = record_key("feedback", FEEDBACK_1)
    with store.transaction() as tx:
        record = dict(tx.get("records", key))
        record.update(created_by=PPK, updated_by=STAFF)
        tx.put("records", key, record)


async def test_the_author_is_who_wrote_it_not_who_read_it(tmp_path: Path) -> None:
    for me in (PPK, STAFF):
        services = profile(tmp_path / me, me)
        seed_feedback(services.store)
        acknowledged_by_staff(services.store)
        app = Host(lambda services=services: FeedbackScreen(services))  # type: ignore[misc]
        async with app.run_test(size=(80, 24)) as pilot:
            if me == PPK:
                await pilot.press("p", *"siti", "enter")
            await pilot.press("down")  # the dialog note on the SKP comes first
            assert app.screen.current is not None and app.screen.current.id == FEEDBACK_1
            shown = screen_text(app)
            assert "oleh Nurlaila Abdullah, S.H." in shown
            assert "oleh Siti Marwah" not in shown


async def test_only_the_employee_may_mark_it_read_and_the_ppk_is_told_why(
    tmp_path: Path,
) -> None:
    services = profile(tmp_path, PPK)
    seed_feedback(services.store)
    app = Host(lambda: FeedbackScreen(services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", *"siti", "enter")
        # the dialog note on the SKP, unread, comes first
        screen = app.screen
        assert screen.current is not None and screen.current.id == FEEDBACK_2
        assert screen.check_action("acknowledge", ()) is False
        assert "hanya Siti Marwah yang dapat menandainya dibaca" in screen_text(app)
        await pilot.press("a")
        await pilot.pause()
    unread = services.store.records.get("feedback", FEEDBACK_2)
    assert unread["pending"] is None and "acknowledged_at" not in unread["data"]
