"""The Evaluasi screen at 80x24 in both themes: the RHK tab with a curve
warning, and the BerAKHLAK tab with guides and the SKP's expectations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.tui.test_year_world import PPK, Host, profile
from tui.screens.evaluation.screen import EvaluationScreen
from tui.themes import ANSI, DEFAULT


@pytest.mark.parametrize("theme", [DEFAULT, ANSI])
def test_snapshot_rating_with_a_curve_warning(
    snap_compare: Any, tmp_path: Path, theme: str
) -> None:
    services = profile(tmp_path, PPK)
    app = Host(lambda: EvaluationScreen(services), theme=theme)
    assert snap_compare(app, press=["h", "b"])


@pytest.mark.parametrize("theme", [DEFAULT, ANSI])
def test_snapshot_the_berakhlak_values(snap_compare: Any, tmp_path: Path, theme: str) -> None:
    services = profile(tmp_path, PPK, org_rating=None)
    app = Host(lambda: EvaluationScreen(services), theme=theme)
    assert snap_compare(app, press=["shift+tab", "right", "tab"])


@pytest.mark.parametrize("theme", [DEFAULT, ANSI])
def test_snapshot_finalising_asks_first(snap_compare: Any, tmp_path: Path, theme: str) -> None:
    services = profile(tmp_path, PPK, org_rating=None)
    app = Host(lambda: EvaluationScreen(services), theme=theme)
    assert snap_compare(app, press=["h", "b", "b", "f"])
