"""Snapshots at 80x24 of the first run and Beranda, in the default and the ANSI theme."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.tui.shell_world import shell_app, signed_in

# Shown on the first-run screen; nothing is written there before a sign-in.
SHOWN_HOME = Path("/home/pegawai/.local/share/kinerja")


@pytest.fixture(autouse=True)
def indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_LANG", "id")
    monkeypatch.delenv("NO_COLOR", raising=False)  # Textual would render in monochrome


@pytest.mark.parametrize("theme", ["default", "ansi"])
def test_first_run(snap_compare: Any, theme: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_THEME", theme)
    assert snap_compare(shell_app(SHOWN_HOME), terminal_size=(80, 24))


@pytest.mark.parametrize("theme", ["default", "ansi"])
def test_beranda(
    snap_compare: Any, theme: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KINERJA_THEME", theme)
    app = shell_app(tmp_path, signed_in(tmp_path))
    assert snap_compare(app, terminal_size=(80, 24))
