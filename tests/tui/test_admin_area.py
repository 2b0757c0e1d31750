"""Kepegawaian is the HR office's: the permission table decides who gets ctrl+f."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TabbedContent

from demo.office import HR_ADMIN, SUPERIOR
from tests.tui.shell_world import screen_text, shell_app, signed_in
from tests.tui.test_year_world import type_text
from tui.screens.admin.form import FieldsDialog
from tui.screens.admin.screen import AdminScreen
from tui.screens.admin.units import PERIODS, UNITS
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


async def test_the_admin_sets_a_fill_deadline_and_a_units_rating(tmp_path: Path) -> None:
    services = signed_in(tmp_path, HR_ADMIN.nip)
    app = shell_app(tmp_path, services)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+f")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AdminScreen)
        screen.query_one(TabbedContent).active = PERIODS
        await pilot.pause()
        period = screen._chosen("periods", "period")
        assert period is not None
        await pilot.press("t", "tab", "tab", "tab", "tab", "tab")  # to the fill deadline
        await pilot.press("end", *["backspace"] * 10)
        await type_text(pilot, "2026-02-30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FieldsDialog)  # kept open, with what was typed
        assert "misalnya 2026-01-31" in screen_text(app)  # the date refused beside its field
        await pilot.press(*["backspace"] * 2)
        await type_text(pilot, "10")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AdminScreen)

        screen.query_one(TabbedContent).active = UNITS
        await pilot.pause()
        unit = screen._chosen("units", "unit")
        assert unit is not None
        await pilot.press("r", "end", *["backspace"] * 20)
        await type_text(pilot, "outstanding")
        await pilot.press("ctrl+s")
        await pilot.pause()
    stored = services.store.records.get("period", period["id"])
    assert stored is not None and stored["data"]["fill_deadline"] == "2026-02-10"
    rated = services.store.records.get("unit", unit["id"])
    assert rated is not None
    assert "outstanding" in rated["data"]["ratings"].values()
