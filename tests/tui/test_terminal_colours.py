"""Every screen readable in every look: no text in its own background colour.

The escape codes are those the app sends (tests/tui/terminal_cells.py), so
a colour that plain-text snapshots hide, such as NO_COLOR's old black on
black, fails here. With NO_COLOR no colour is sent at all, and the place of
the cursor is still shown (reversed).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.shell_world import shell_app, signed_in
from tests.tui.terminal_cells import Cell, cells, screen_ansi
from tui.app import KinerjaApp
from tui.areas import AREAS
from tui.widgets.rows_view import RowsView

SIZE = (80, 24)
# Each area, F1 on the last one, the command palette.
STOPS = [area.key for area in AREAS] + ["f1", "escape", "ctrl+p"]


@pytest.fixture(autouse=True)
def indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_LANG", "id")
    monkeypatch.delenv("NO_COLOR", raising=False)


def unreadable(app: KinerjaApp) -> list[Cell]:
    return [cell for cell in cells(screen_ansi(app)) if cell.char.strip() and cell.same_colour()]


def look(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if name == "nocolor":
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.setenv("KINERJA_THEME", name)


@pytest.mark.parametrize("name", ["default", "ansi", "nocolor"])
async def test_every_screen_is_readable(
    tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    look(name, monkeypatch)
    app = shell_app(tmp_path, signed_in(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in STOPS:
            await pilot.press(key)
            await pilot.pause()
            assert unreadable(app)[:3] == [], f"{name} after {key}"


@pytest.mark.parametrize("name", ["default", "ansi", "nocolor"])
async def test_first_run_is_readable(
    tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    look(name, monkeypatch)
    app = shell_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert unreadable(app)[:3] == []


async def test_no_color_sends_no_colour_and_shows_the_cursor_reversed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = shell_app(tmp_path, signed_in(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in [area.key for area in AREAS]:
            await pilot.press(key)
            await pilot.pause()
            shown = list(cells(screen_ansi(app)))
            coloured = [cell for cell in shown if cell.fg is not None or cell.bg is not None]
            assert coloured[:3] == [], key
            focused = app.focused
            assert focused is not None, key
            if focused.has_class("filter-input"):
                # A filter list keeps the focus on its filter line; its cursor
                # is the highlighted row below it.
                focused = focused.parent.query_one(RowsView)  # type: ignore[union-attr]
            if not getattr(focused, "row_count", getattr(focused, "option_count", 1)):
                continue  # an empty list has no cursor to show
            rows = range(focused.region.y, focused.region.bottom)
            marked = [c for c in shown if c.row in rows and c.reverse and c.bold]
            assert marked, f"{key}: the cursor of {focused!r} is not shown"
