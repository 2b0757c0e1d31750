"""A save the store can't make is a message in the person's language, never a traceback.

The disk is full (StoreWriteFailed) or another Kinerja holds the profile's
lock (StoreBusy): the form stays open with what was typed, the app goes on,
and nothing half-written is left. A save waiting on the lock runs off the UI
thread and says "Menyimpan…" meanwhile.
"""

from __future__ import annotations

import asyncio
import errno
import fcntl
import os
from pathlib import Path

import pytest

import store.core
from store.lock import ProfileLock
from tests.tui.test_plan_world import STAFF, Host, profile, seed_plan, type_text
from tui.screens.progress.editor import ProgressEditor
from tui.screens.progress.screen import ProgressScreen
from tui.widgets.saving import SavingLabel

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_LANG", "id")


def _messages(app: Host) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


async def test_a_full_disk_is_a_message_and_the_form_stays_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    staff = profile(tmp_path / "staff", STAFF)
    seed_plan(staff, "approved")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    app = Host(lambda: ProgressScreen(staff))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # the first RHK's realisasi
        await type_text(pilot, "12")
        monkeypatch.setattr(store.core, "sync_data", disk_full)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ProgressEditor)  # still open, "12" still typed
        assert "Tidak ada yang berubah" in _messages(app)
        monkeypatch.undo()
        await pilot.press("ctrl+s")  # room again: the same form saves
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
    [saved] = staff.store.records.list("progress", owner=STAFF)
    assert saved["data"]["values"][0] == 12


async def test_a_busy_profile_is_a_message_after_menyimpan(tmp_path: Path) -> None:
    staff = profile(tmp_path / "staff", STAFF)
    seed_plan(staff, "approved")
    # Another Kinerja process holds the profile's lock (flock: another open file).
    holder = os.open(staff.store.files.lock, os.O_RDWR | os.O_CREAT)
    fcntl.flock(holder, fcntl.LOCK_EX)
    staff.store._lock = ProfileLock(staff.store.files.lock, timeout=0.6)
    app = Host(lambda: ProgressScreen(staff))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            await type_text(pilot, "12")
            editor = app.screen
            assert isinstance(editor, ProgressEditor)
            editor.action_save()  # as ctrl+s, without waiting for the save here
            await asyncio.sleep(0.3)
            await pilot._wait_for_screen()
            # The UI thread is free while the save waits: it says so.
            assert editor.query(SavingLabel)
            assert "Menyimpan" in str(editor.query_one(SavingLabel).render())
            await pilot.pause()  # until the save gives up
            assert not editor.query(SavingLabel)
            assert "Tutup sesi Kinerja lain" in _messages(app)
            assert app.screen is editor
            fcntl.flock(holder, fcntl.LOCK_UN)  # the other session ends
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, ProgressScreen)
    finally:
        os.close(holder)
    [saved] = staff.store.records.list("progress", owner=STAFF)
    assert saved["data"]["values"][0] == 12
