"""Pemantauan at 80x24 in both themes (the tables, charts stepped aside), and once
with room for its chart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.tui.monitoring_world import Served, unit_head
from tests.tui.test_year_world import Host
from tui.screens.monitoring.screen import MonitoringScreen
from tui.themes import ANSI, DEFAULT


@pytest.fixture(autouse=True)
def colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)


async def _loaded(pilot: Any) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("theme", [DEFAULT, ANSI])
def test_snapshot_skp_by_status(snap_compare: Any, tmp_path: Path, theme: str) -> None:
    services = unit_head(tmp_path)
    app = Host(lambda: MonitoringScreen(services, Served()), theme=theme)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_loaded)


@pytest.mark.parametrize("theme", [DEFAULT, ANSI])
def test_snapshot_the_early_warning_offline(snap_compare: Any, tmp_path: Path, theme: str) -> None:
    services = unit_head(tmp_path)
    app = Host(lambda: MonitoringScreen(services, Served(offline=True)), theme=theme)

    async def on_track(pilot: Any) -> None:
        await _loaded(pilot)
        await pilot.press("v", "v")
        await _loaded(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=on_track)


@pytest.mark.parametrize("theme", [DEFAULT, ANSI])
def test_snapshot_the_curve(snap_compare: Any, tmp_path: Path, theme: str) -> None:
    services = unit_head(tmp_path)
    app = Host(lambda: MonitoringScreen(services, Served()), theme=theme)

    async def curve(pilot: Any) -> None:
        await _loaded(pilot)
        await pilot.press("v")
        await _loaded(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=curve)


def test_snapshot_with_room_for_the_chart(snap_compare: Any, tmp_path: Path) -> None:
    services = unit_head(tmp_path)
    app = Host(lambda: MonitoringScreen(services, Served()), theme=DEFAULT)
    assert snap_compare(app, terminal_size=(100, 32), run_before=_loaded)


def test_snapshot_no_color_keeps_the_table_alone(
    snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Room enough for the chart, but NO_COLOR: the table alone, in monochrome."""
    monkeypatch.setenv("NO_COLOR", "1")
    services = unit_head(tmp_path)
    app = Host(lambda: MonitoringScreen(services, Served()), theme=ANSI)
    assert snap_compare(app, terminal_size=(100, 32), run_before=_loaded)


@pytest.mark.parametrize("theme", [DEFAULT, ANSI])
def test_snapshot_a_persons_file(snap_compare: Any, tmp_path: Path, theme: str) -> None:
    """Drilled down from the approved figure to Siti, whose records are held here."""
    services = unit_head(tmp_path)
    app = Host(lambda: MonitoringScreen(services, Served()), theme=theme)

    async def drill(pilot: Any) -> None:
        await _loaded(pilot)
        await pilot.press("right", "right", "right", "enter", "enter")
        await _loaded(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=drill)


def test_snapshot_the_early_warning_in_no_color_at_80x24(
    snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NO_COLOR at 80x24: who is behind reads from the words alone."""
    monkeypatch.setenv("NO_COLOR", "1")
    services = unit_head(tmp_path)
    app = Host(lambda: MonitoringScreen(services, Served()), theme=ANSI)

    async def on_track(pilot: Any) -> None:
        await _loaded(pilot)
        await pilot.press("v", "v")
        await _loaded(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=on_track)
