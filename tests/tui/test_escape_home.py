"""Escape on an area's own screen goes back to Beranda; a dialog over it closes first."""

from __future__ import annotations

from pathlib import Path

import pytest

from demo.office import EMPLOYEE
from tests.tui.shell_world import shell_app, signed_in
from tui.screens.home.screen import HomeScreen
from tui.screens.progress.editor import ProgressEditor


@pytest.fixture(autouse=True)
def indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_LANG", "id")


@pytest.mark.parametrize("area", ["f3", "f4", "f5", "f6", "f7"])
async def test_escape_on_an_area_goes_to_beranda(tmp_path: Path, area: str) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path, EMPLOYEE.nip))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(area)
        await pilot.pause()
        assert app.current_mode != "home"
        await pilot.press("escape")
        await pilot.pause()
        assert app.current_mode == "home" and isinstance(app.screen, HomeScreen)


async def test_escape_in_the_realisasi_form_closes_only_the_form(tmp_path: Path) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path, EMPLOYEE.nip))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f4", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ProgressEditor)
        await pilot.press("escape")
        await pilot.pause()
        assert app.current_mode == "progress" and not isinstance(app.screen, ProgressEditor)
        await pilot.press("escape")
        await pilot.pause()
        assert app.current_mode == "home"
