"""Keys sent in one burst (a paste, a laggy SSH link) land in the field that
has focus when each arrives (tui/key_order.py): ``14 Tab 2`` is 14 and 2;
and a form's draft outlives the terminal going away (client/drafts.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input

from client import drafts
from tests.tui.shell_world import shell_app, signed_in
from tests.tui.terminal_cells import cells
from tests.tui.test_unsaved_changes import open_realisasi
from tests.tui.tmux_app import TmuxApp, profile, tmux_app

__all__ = ["tmux_app"]


@pytest.fixture(autouse=True)
def indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_LANG", "id")


def burst(app: object, keys: list[tuple[str, str | None]]) -> None:
    """Every key posted at once, as the terminal driver does with one read."""
    from textual.app import App

    assert isinstance(app, App)
    for key, character in keys:
        app.post_message(events.Key(key, character))


async def test_a_whole_form_in_one_burst(tmp_path: Path) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_realisasi(pilot)
        for field in editor.query(Input):
            field.value = ""
        keys = [("1", "1"), ("4", "4"), ("tab", "\t"), ("2", "2"), ("tab", "\t")]
        burst(app, [*keys, *((c if c != " " else "space", c) for c in "di lapangan")])
        await pilot.pause(0.5)
        assert editor.query_one("#value-0", Input).value == "14"
        assert editor.query_one("#value-1", Input).value == "2"
        assert editor.query_one("#note", Input).value == "di lapangan"


def test_a_whole_form_in_one_burst_in_a_real_terminal(tmux_app: TmuxApp, tmp_path: Path) -> None:
    tmux_app.start(profile(tmp_path), {"TERM": "xterm-256color"})
    tmux_app.wait_for("Menunggu saya")
    tmux_app.settle()
    tmux_app.keys("F4")
    tmux_app.wait_for("Bukti")
    tmux_app.settle()
    tmux_app.keys("Enter")
    tmux_app.wait_for("Bukti dukung")
    tmux_app.settle()
    tmux_app.keys("1", "4", "Tab", "2", "Tab", "d", "i", "Space", "l", "a", "p", "a", "n", "g")
    tmux_app.settle()
    lines = tmux_app.screen().splitlines()
    values = [line for line in lines if "(target" in line]
    assert values[0].rstrip(" │").endswith(" 14"), values
    assert values[1].rstrip(" │").endswith(" 2"), values
    assert any(line.strip(" │") == "di lapang" for line in lines), lines


def test_a_dropped_session_keeps_the_draft(tmux_app: TmuxApp, tmp_path: Path) -> None:
    """The terminal goes away (as a dropped SSH link: SIGHUP) with a form open."""
    home = profile(tmp_path)
    tmux_app.start(home, {"TERM": "xterm-256color"})
    tmux_app.wait_for("Menunggu saya")
    tmux_app.settle()
    tmux_app.keys("F4")
    tmux_app.wait_for("Bukti")
    tmux_app.settle()
    tmux_app.keys("Enter")
    tmux_app.wait_for("Bukti dukung")
    tmux_app.settle()
    tmux_app.keys("C-u", "9", "7", ",", "5")
    tmux_app.settle()
    tmux_app.close()  # kills the server: the app gets SIGHUP, as over a dropped link
    [draft] = drafts.waiting(home)
    assert draft.fields[0] == "97,5"

    tmux_app.start(home, {"TERM": "xterm-256color"})
    tmux_app.wait_for("Menunggu saya")
    shown = tmux_app.settle()
    flat = " ".join("".join(c.char for c in cells(shown)).replace("▎", " ").split())
    assert "Belum disimpan" in flat, flat
