"""The Umpan balik screen: snapshots at 80x24 in both themes, and what each side may do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.tui.test_year_world import (
    FEEDBACK_2,
    PPK,
    STAFF,
    Host,
    profile,
    screen_text,
    seed_feedback,
    seed_rejected,
)
from tui.screens.feedback.screen import FeedbackScreen
from tui.texts import review_ as _
from tui.themes import ANSI, DEFAULT


@pytest.mark.parametrize("theme", [DEFAULT, ANSI])
def test_snapshot_the_ppk_reads_a_thread(snap_compare: Any, tmp_path: Path, theme: str) -> None:
    services = profile(tmp_path, PPK)
    seed_feedback(services.store)
    seed_rejected(services.store)
    app = Host(lambda: FeedbackScreen(services), theme=theme)
    assert snap_compare(app, press=["p", *"siti", "enter"])


async def test_a_rejected_change_shows_beside_its_feedback_and_can_be_discarded(
    tmp_path: Path,
) -> None:
    services = profile(tmp_path, PPK)
    seed_feedback(services.store)
    seed_rejected(services.store)
    app = Host(lambda: FeedbackScreen(services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", *"siti", "enter")
        shown = screen_text(app)
        assert "Hanya PPK pegawai ini yang boleh menulis umpan balik." in shown
        await pilot.press("x", "y")
        await pilot.pause()
        assert _("Fix it with e to send it again, or x to discard it.") not in screen_text(app)
    restored = services.store.records.get("feedback", FEEDBACK_2)
    assert restored["rejected"] is None
    assert restored["data"]["text"] == "Dialog kinerja 2026-03-25: Bahas kendala verifikasi berkas."


async def test_the_employee_may_only_acknowledge(tmp_path: Path) -> None:
    services = profile(tmp_path, STAFF)
    seed_feedback(services.store)
    app = Host(lambda: FeedbackScreen(services))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert _("Read-only: only the PPK writes umpan balik.") in screen_text(app)
        for action in ("new", "dialog", "edit"):
            assert screen.check_action(action, ()) is False
        assert screen.check_action("acknowledge", ()) is True  # the dialog note, unread
        await pilot.press("n", "e", "a")
        await pilot.pause()
        assert screen.check_action("acknowledge", ()) is False
    (note,) = [r for r in services.store.records.list("feedback", owner=STAFF) if r.get("pending")]
    assert note["data"]["acknowledged_at"] == "2026-12-18T02:00:00+00:00"
    assert note["data"]["text"].startswith("Dialog kinerja 2026-03-25:")


async def test_empty_feedback_is_refused_beside_the_field_and_nothing_saved(
    tmp_path: Path,
) -> None:
    services = profile(tmp_path, PPK)
    app = Host(lambda: FeedbackScreen(services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", *"siti", "enter", "n", "ctrl+s")
        await pilot.pause()
        error = str(app.screen.query_one("#feedback-text-error").render())
        assert error == _("Write the umpan balik first: it can't be empty.")
        await pilot.press("escape")
    assert services.store.records.list("feedback") == []


async def test_english_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_LANG", "en")
    services = profile(tmp_path, PPK)
    app = Host(lambda: FeedbackScreen(services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", *"siti", "enter")
        shown = screen_text(app)
        assert "Employee (p)" in shown and "0 umpan balik, 0 not yet read." in shown
        assert {b.binding.description for b in app.screen.active_bindings.values()} >= {
            "New",
            "Dialog",
        }


async def test_a_sync_round_brings_new_feedback_onto_the_open_screen(tmp_path: Path) -> None:
    from tui.sync_worker import SyncDone

    services = profile(tmp_path, STAFF)
    app = Host(lambda: FeedbackScreen(services))
    async with app.run_test(size=(80, 24)) as pilot:
        assert "0 umpan balik" in screen_text(app)
        seed_feedback(services.store)  # as a pull would have written them
        app.screen.post_message(SyncDone(None))  # type: ignore[arg-type]
        await pilot.pause()
        assert "2 umpan balik" in screen_text(app)


@pytest.mark.parametrize("theme", [DEFAULT, ANSI])
def test_snapshot_the_dialog_kinerja_form(snap_compare: Any, tmp_path: Path, theme: str) -> None:
    services = profile(tmp_path, PPK)
    app = Host(lambda: FeedbackScreen(services), theme=theme)
    assert snap_compare(app, press=["p", *"siti", "enter", "d"])
