"""At 60x20 every column of every table can be reached (right arrow scrolls
the table), and the snapshots of the terminal-level looks: NO_COLOR at 80x24
and the default look at 60x20."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from tests.tui.shell_world import shell_app, signed_in
from tests.tui.test_indonesian_only import shown
from tui.areas import AREAS

SMALL = (60, 20)


@pytest.fixture(autouse=True)
def indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_LANG", "id")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("KINERJA_THEME", raising=False)


async def test_every_column_is_reachable_at_60x20(tmp_path: Path) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        for area in AREAS:
            await pilot.press(area.key)
            await pilot.pause()
            for table in app.screen.query(DataTable):
                if not table.display or not table.region.area or not table.columns:
                    continue
                table.focus()
                await pilot.pause()
                for _step in range(40):
                    await pilot.press("right")
                assert table.scroll_x == table.max_scroll_x, f"{area.id} #{table.id}"
                last = str(list(table.columns.values())[-1].label).strip()
                assert last in shown(app), f"{area.id} #{table.id}: {last!r} never shows"


def opened(key: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Open an area and let what it reads in the background finish (Pemantauan's
    figures), so that the picture never catches it half-way."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.press(key)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("key", [area.key for area in AREAS])
def test_no_color_snapshot(
    snap_compare: Any, tmp_path: Path, key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = shell_app(tmp_path, signed_in(tmp_path))
    assert snap_compare(app, run_before=opened(key), terminal_size=(80, 24))


@pytest.mark.parametrize("key", [area.key for area in AREAS])
def test_small_terminal_snapshot(snap_compare: Any, tmp_path: Path, key: str) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path))
    assert snap_compare(app, run_before=opened(key), terminal_size=SMALL)
