"""Pilot waits for the saves a key started, as a person waits for "menyimpan…".

Saves run in thread workers (tui/widgets/saving.py); a test that presses
ctrl+s then reads the store must see the save done, as Harlequin's tests
wait for their workers. Only the "save" group is awaited: the background
sync has its own timing, which the sync tests drive themselves.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from textual.pilot import Pilot

from tui.widgets.saving import SAVE_GROUP


async def saves_done(pilot: Pilot[object]) -> None:
    """Until every save worker has finished and its outcome was handled."""
    for _round in range(100):
        running = [w for w in pilot.app.workers if w.group == SAVE_GROUP and not w.is_finished]
        if not running:
            break
        await asyncio.gather(*(w.wait() for w in running), return_exceptions=True)
    await pilot._wait_for_screen()


@pytest.fixture(autouse=True)
def pilot_waits_for_saves(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    press, pause = Pilot.press, Pilot.pause

    async def press_then_wait(self: Pilot[object], *keys: str) -> None:
        for key in keys:
            await press(self, key)
            await saves_done(self)

    async def pause_then_wait(self: Pilot[object], delay: float | None = None) -> None:
        await pause(self, delay)
        await saves_done(self)

    monkeypatch.setattr(Pilot, "press", press_then_wait)
    monkeypatch.setattr(Pilot, "pause", pause_then_wait)
    yield
