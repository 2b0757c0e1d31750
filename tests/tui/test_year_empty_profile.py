"""The review screens on a profile whose first sync hasn't brought anything yet:
they open, every key is harmless, and nothing is written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.tui.test_year_world import PPK, Host, profile
from tui.screens.conflicts.screen import ConflictsScreen
from tui.screens.evaluation.screen import EvaluationScreen
from tui.screens.feedback.screen import FeedbackScreen

KEYS = (
    "p",
    "escape",
    "o",
    "escape",
    "h",
    "b",
    "c",
    "s",
    "f",
    "n",
    "d",
    "a",
    "x",
    "m",
    "t",
    "e",
    "r",
)


@pytest.mark.parametrize("screen", [FeedbackScreen, EvaluationScreen, ConflictsScreen])
async def test_an_empty_profile_opens_and_writes_nothing(tmp_path: Path, screen: Any) -> None:
    services = profile(tmp_path, PPK, seed=False)
    app = Host(lambda: screen(services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*KEYS)
        await pilot.pause()
        assert isinstance(app.screen, screen)
    assert services.store.records.outbox() == []
