"""Theme choice, settings.toml and the sync status line, without a screen."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from client.sync_status import SyncState, describe
from tests.tui.shell_world import FIXED_NOW, WIT
from tui.actions import parse_keymap
from tui.settings import DEFAULT_SYNC_MINUTES, load_settings
from tui.themes import ANSI, DEFAULT, choose_theme


@pytest.fixture(autouse=True)
def indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_LANG", "id")


@pytest.mark.parametrize(
    ("setting", "environ", "expected"),
    [
        (None, {}, DEFAULT),
        (None, {"NO_COLOR": "1"}, ANSI),
        (None, {"TERM": "linux"}, ANSI),
        ("ansi", {}, ANSI),
        ("default", {"NO_COLOR": ""}, DEFAULT),  # chosen in settings.toml: kept
        ("default", {"KINERJA_THEME": "ansi"}, ANSI),  # the environment wins
        (None, {"KINERJA_THEME": "nonsense", "TERM": "xterm-256color"}, DEFAULT),
    ],
)
def test_theme_choice(setting: str | None, environ: dict[str, str], expected: str) -> None:
    assert choose_theme(setting, environ) == expected


def test_settings_toml_is_read_strictly(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text(
        'theme = "ansi"\nsync_minutes = 0\ncolour = "red"\n'
        '[keys]\n"plan.submit" = "Ctrl+S"\n"submit" = "f5"\n"nav.home" = 5\n',
        encoding="utf-8",
    )
    settings = load_settings(tmp_path)
    assert settings.theme == "ansi"
    assert settings.sync_minutes == DEFAULT_SYNC_MINUTES
    assert settings.keymap == {"plan.submit": "ctrl+s"}
    problems = " | ".join(settings.problems)
    assert "sync_minutes harus angka di atas 0" in problems
    assert "pengaturan colour tidak dikenal" in problems
    assert "[keys] submit: bukan id tombol" in problems
    assert "[keys] nav.home: 5 bukan tombol" in problems


def test_a_broken_settings_toml_is_reported_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text("theme = \n", encoding="utf-8")
    settings = load_settings(tmp_path)
    assert settings.keymap == {} and settings.theme is None
    assert "tidak dapat dibaca" in settings.problems[0]


def test_no_settings_toml_means_defaults(tmp_path: Path) -> None:
    settings = load_settings(tmp_path)
    assert (settings.theme, settings.keymap, settings.problems) == (None, {}, ())


def test_keymap_takes_several_keys_for_one_binding() -> None:
    assert parse_keymap({"app.sync": "f9, ctrl+r"}) == ({"app.sync": "f9,ctrl+r"}, [])


def test_the_status_line_says_what_waits_and_when_it_last_synced() -> None:
    earlier = datetime(2026, 11, 25, 16, 5, tzinfo=WIT)
    state = SyncState(False, pending=2, conflicts=1, rejected=0, last_sync_at=earlier, error=None)
    assert (
        describe(state, FIXED_NOW)
        == "Luring · 2 tertunda · 1 konflik · sinkron terakhir 25-11-2026 16:05"
    )
    state = SyncState(True, 0, 0, 1, FIXED_NOW, "auth")
    assert describe(state, FIXED_NOW) == (
        "Daring · 1 ditolak · sesi Anda berakhir: masuk lagi (kinerja login) · sinkron terakhir 09:30"
    )
    state = SyncState(None, 0, 0, 0, None, None)
    assert describe(state, FIXED_NOW) == "Belum disinkronkan · sinkron terakhir belum pernah"
