"""Snapshots at 80x24 of the Rencana and Realisasi screens, in both themes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.screen import Screen

from client.services import Services
from tests.tui.test_plan_world import (
    ANSI_THEME_NAME,
    PLAN,
    PPK,
    STAFF,
    Host,
    profile,
    seed_plan,
)
from tui.screens.plan.screen import PlanScreen
from tui.screens.progress.screen import ProgressScreen
from tui.themes import DEFAULT

THEMES = [pytest.param(DEFAULT, id="default"), pytest.param(ANSI_THEME_NAME, id="ansi")]


def staff_with_plan(tmp_path: Path, status: str, note: str | None = None) -> Services:
    staff = profile(tmp_path / "staff", STAFF)
    seed_plan(staff, status, note)
    return staff


def as_ppk(staff: Services) -> Services:
    return Services(store=staff.store, me=PPK, home=staff.home, lang="id", clock=staff.clock)


CASES: dict[
    str, tuple[str | None, str | None, bool, Callable[[Services], Screen[Any]], list[str]]
] = {
    # name: (plan status, return note, as PPK?, screen, keys pressed)
    "plan_returned": ("returned", "Target waktu terlalu longgar", False, PlanScreen, []),
    "plan_empty": (None, None, False, PlanScreen, []),
    "plan_create": (None, None, False, PlanScreen, ["ctrl+b"]),
    "plan_item_editor": ("draft", None, False, PlanScreen, ["enter"]),
    "plan_lampiran": ("draft", None, False, PlanScreen, ["shift+tab", "right", "right"]),
    "plan_team": ("submitted", None, True, PlanScreen, ["ctrl+t"]),
    "plan_review": ("submitted", None, True, lambda s: PlanScreen(s, PLAN), []),
    "progress": ("approved", None, False, ProgressScreen, []),
    "progress_editor": ("approved", None, False, ProgressScreen, ["enter"]),
}


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("case", list(CASES))
def test_screen(case: str, theme: str, tmp_path: Path, snap_compare: Any) -> None:
    status, note, ppk, make, keys = CASES[case]
    staff = profile(tmp_path / "staff", STAFF)
    if status is not None:
        seed_plan(staff, status, note)
    services = as_ppk(staff) if ppk else staff
    app = Host(lambda: make(services), theme=theme)
    assert snap_compare(app, press=keys, terminal_size=(80, 24))
