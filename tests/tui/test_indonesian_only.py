"""Every screen in Bahasa Indonesia has no English left (tests/tui/english_words.py).

The text is the one the terminal gets (the rendered cells), so Textual's
own words (the palette's "No matches found", the footer's "Dismiss menu",
the ctrl+c notice) count as much as ours.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.tui.english_words import english_in
from tests.tui.shell_world import shell_app, signed_in
from tests.tui.terminal_cells import cells, screen_ansi
from tui.app import KinerjaApp
from tui.areas import AREAS

SIZE = (100, 30)


@pytest.fixture(autouse=True)
def indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_LANG", "id")


def shown(app: KinerjaApp) -> str:
    lines: dict[int, list[str]] = {}
    for cell in cells(screen_ansi(app)):
        lines.setdefault(cell.row, []).append(cell.char)
    return "\n".join("".join(chars) for chars in lines.values())


async def english_after(pilot: Pilot[str], *keys: str) -> set[str]:
    await pilot.press(*keys)
    await pilot.pause(0.7)  # the palette says "no matches" after half a second
    return english_in(shown(pilot.app))  # type: ignore[arg-type]


async def test_the_areas_and_their_help(tmp_path: Path) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for area in AREAS:
            assert await english_after(pilot, area.key) == set(), area.id
            assert await english_after(pilot, "f1") == set(), f"F1 on {area.id}"
            await pilot.press("escape")


async def test_the_palette_with_and_without_matches(tmp_path: Path) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert await english_after(pilot, "ctrl+p") == set()
        assert await english_after(pilot, *"sinkron") == set()
        assert await english_after(pilot, *"qqqzz") == set()
        assert "Tidak ada yang cocok" in shown(app)


async def test_ctrl_c_says_how_to_quit_in_indonesian(tmp_path: Path) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert await english_after(pilot, "ctrl+c") == set()
        assert "Tekan ^q untuk keluar" in shown(app)


async def test_an_open_menu_in_a_form(tmp_path: Path) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        select = app.screen.query("Select").first()
        select.focus()
        assert await english_after(pilot, "enter") == set()


async def test_the_first_run(tmp_path: Path) -> None:
    app = shell_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert await english_after(pilot) == set()
