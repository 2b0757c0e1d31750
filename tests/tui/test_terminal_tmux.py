"""The terminal-level points, in a real terminal (tmux) running the real app.

What tmux's ``capture-pane -e`` reads back is what a person sees: with
NO_COLOR no text in its own background colour and the cursor reversed; on
a vt100 ASCII only and no colour; on the Linux console only its glyphs.
"""

from __future__ import annotations

from pathlib import Path

from tests.tui.terminal_cells import Cell, cells
from tests.tui.tmux_app import TmuxApp, profile, tmux_app

__all__ = ["tmux_app"]

BERANDA = "Menunggu saya"
PLAN = "F3"


def walk(tmux_app: TmuxApp) -> list[list[Cell]]:
    """Beranda, then F3, F4 and F1: each screen as the pane shows it."""
    tmux_app.wait_for(BERANDA)
    screens = [list(cells(tmux_app.settle()))]
    for key in ("F3", "F4", "F1"):
        tmux_app.keys(key)
        screens.append(list(cells(tmux_app.settle())))
    return screens


def test_no_color_in_a_real_terminal(tmux_app: TmuxApp, tmp_path: Path) -> None:
    tmux_app.start(profile(tmp_path), {"NO_COLOR": "1", "TERM": "xterm-256color"})
    for shown in walk(tmux_app):
        assert [c for c in shown if c.char.strip() and c.same_colour()][:3] == []
        assert [c for c in shown if c.fg or c.bg][:3] == []
        assert any(c.reverse for c in shown)


def test_vt100_in_a_real_terminal(tmux_app: TmuxApp, tmp_path: Path) -> None:
    tmux_app.start(profile(tmp_path), {"TERM": "vt100"})
    for shown in walk(tmux_app):
        assert {c.char for c in shown if not c.char.isascii()} == set()
        assert [c for c in shown if c.fg or c.bg][:3] == []


def test_linux_console_in_a_real_terminal(tmux_app: TmuxApp, tmp_path: Path) -> None:
    tmux_app.start(profile(tmp_path), {"TERM": "linux"})
    for shown in walk(tmux_app):
        odd = set()
        for cell in shown:
            try:
                cell.char.encode("cp437")
            except UnicodeEncodeError:
                odd.add(cell.char)
        assert odd == set()
        assert [c for c in shown if c.char.strip() and c.same_colour()][:3] == []
