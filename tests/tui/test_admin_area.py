"""Kepegawaian is the HR office's: the permission table decides who gets ctrl+f."""

from __future__ import annotations

from pathlib import Path

import pytest

from demo.office import HR_ADMIN, SUPERIOR
from tests.tui.shell_world import screen_text, shell_app, signed_in
from tui.screens.admin.screen import AdminScreen
from tui.screens.home.screen import HomeScreen


@pytest.fixture(autouse=True)
def indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_LANG", "id")


async def test_a_ppk_is_not_offered_kepegawaian(tmp_path: Path) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path, SUPERIOR.nip))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Kepegawaian" not in screen_text(app)
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_the_hr_admin_opens_it_from_beranda_and_sees_everyone(tmp_path: Path) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path, HR_ADMIN.nip))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "^f Kepegawaian" in screen_text(app)
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, AdminScreen)
        assert app.screen.query_one("#people").row_count > 5
        assert app.screen.check_action("add_employee", ()) is True
