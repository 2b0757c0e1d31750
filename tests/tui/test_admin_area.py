"""Kepegawaian is the HR office's: the permission table decides who gets ctrl+f."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TabbedContent

from client.services import Services
from demo.office import HEAD, HR_ADMIN, SECOND_SUPERIOR, SUPERIOR
from tests.tui.shell_world import screen_text, shell_app, signed_in
from tests.tui.test_year_world import type_text
from tui.screens.admin.form import FieldsDialog
from tui.screens.admin.screen import AdminScreen
from tui.screens.admin.units import PERIODS, UNITS
from tui.screens.home.screen import HomeScreen
from tui.widgets.filter_list import FilterList


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
        assert len(app.screen.query_one("#people", FilterList).rows) > 5
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


async def test_a_loop_in_the_atasan_chain_is_refused_and_a_move_is_kept(
    tmp_path: Path,
) -> None:
    services = signed_in(tmp_path, HR_ADMIN.nip)
    app = shell_app(tmp_path, services)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+f")
        await pilot.pause()
        await type_text(pilot, HEAD.nip)  # the Kepala Dinas, filtered by NIP
        assert app.screen.query_one("#people", FilterList).highlighted_key == HEAD.nip
        await pilot.press("ctrl+t")
        await type_text(pilot, "Nurhayati")  # who has the Kepala Dinas as atasan
        await pilot.press("enter")
        await pilot.pause()
        messages = " ".join(str(n.message) for n in app._notifications)
        assert "rantai atasan berputar" in messages
        stored = services.store.records.get("employee", _record_id(services, HEAD.nip))
        assert stored is not None and stored["data"].get("atasan_nip") is None
        assert services.store.records.outbox() == []

        await pilot.press("ctrl+u")  # a new filter: the Kepala Bidang
        await type_text(pilot, SUPERIOR.nip)
        await pilot.press("ctrl+t")
        await type_text(pilot, SECOND_SUPERIOR.nip)
        await pilot.press("enter")
        await pilot.pause()
    moved = services.store.records.get("employee", _record_id(services, SUPERIOR.nip))
    assert moved is not None and moved["data"]["atasan_nip"] == SECOND_SUPERIOR.nip
    assert moved["pending"] is not None  # waits in the outbox for the next sync


def _record_id(services: Services, nip: str) -> str:
    return next(r["id"] for r in services.store.records.list("employee") if r["owner"] == nip)


async def test_ctrl_f_opens_kepegawaian_from_a_filter_line_too(tmp_path: Path) -> None:
    """A text field's own ctrl+f (delete word right) does not swallow the area's key."""
    app = shell_app(tmp_path, signed_in(tmp_path, HR_ADMIN.nip))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f12")  # Pelatihan: a list with its filter line
        await pilot.pause()
        line = app.screen.query_one(FilterList).query_one(Input)
        line.focus()
        await pilot.press("a", "b", "c", "home")
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, AdminScreen)
