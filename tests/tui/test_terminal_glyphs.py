"""On the Linux console and a vt100, every screen draws only what they can.

TERM=linux: the IBM PC character set its fonts cover (code page 437);
TERM=vt100: ASCII, and no colour codes at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.shell_world import shell_app, signed_in
from tests.tui.terminal_cells import cells, screen_ansi
from tests.tui.test_terminal_colours import STOPS
from tui.glyphs import fallback, redraw


def drawable_on_console(char: str) -> bool:
    try:
        char.encode("cp437")
    except UnicodeEncodeError:
        return False
    return True


@pytest.fixture(autouse=True)
def indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_LANG", "id")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("KINERJA_THEME", raising=False)


async def test_vt100_gets_ascii_and_no_colour(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TERM", "vt100")
    app = shell_app(tmp_path, signed_in(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in STOPS:
            await pilot.press(key)
            await pilot.pause()
            shown = list(cells(screen_ansi(app)))
            assert [c.char for c in shown if not c.char.isascii()] == [], key
            assert [c for c in shown if c.fg or c.bg][:3] == [], key
            assert any(c.reverse for c in shown), f"{key}: no cursor shown"


async def test_linux_console_gets_only_its_own_glyphs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TERM", "linux")
    app = shell_app(tmp_path, signed_in(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in STOPS:
            await pilot.press(key)
            await pilot.pause()
            shown = list(cells(screen_ansi(app)))
            assert {c.char for c in shown if not drawable_on_console(c.char)} == set(), key
            assert any(c.fg for c in shown), "the console has colours"


def test_a_fallback_keeps_the_width_and_the_typed_text() -> None:
    drawn = "╭─ Cari 🔎 ─╮ José · ▁▔ ⭘"
    assert redraw(drawn, "ascii") == "+- Cari >  -+ Jos\u00e9 . _- o"
    assert redraw(drawn, "console") == "┌─ Cari >  ─┐ José · _- o"
    assert fallback("é", "ascii") == "é"  # a name as typed: never changed
    assert redraw(drawn, "unicode") == drawn
