"""Beranda's "Menunggu saya": every kind of work that waits, and Enter on each."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from textual.widgets import OptionList

from demo.office import EMPLOYEE, STAFF
from tests.tui.shell_world import WIT, shell_app, signed_in
from tui.app import KinerjaApp
from tui.screens.home.screen import HomeScreen
from tui.screens.plan.screen import PlanScreen


@pytest.fixture(autouse=True)
def indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_LANG", "id")


def waiting(app: KinerjaApp) -> list[str]:
    return [str(o.prompt) for o in app.screen.query_one("#home-waiting", OptionList).options]


async def test_a_returned_skp_waits_for_its_owner_and_enter_opens_it(tmp_path: Path) -> None:
    january = datetime(2026, 1, 20, 8, 0, tzinfo=WIT)
    app = shell_app(tmp_path, signed_in(tmp_path, STAFF[2].nip, now=january))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert waiting(app)[0] == "SKP saya dikembalikan: perbaiki lalu ajukan lagi"
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "plan"


async def test_enter_on_skp_to_approve_opens_the_subordinates_skp(tmp_path: Path) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert waiting(app)[0].startswith("SKP untuk disetujui (1): Siti Marasabessy")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        plan = screen.view.get("plan", screen.plan_id)
        assert plan is not None and plan["data"]["status"] == "submitted"
        assert screen.view.name_of(plan["owner"]).startswith("Siti Marasabessy")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_newly_final_evaluation_is_announced_to_its_employee(tmp_path: Path) -> None:
    three_days_after = datetime(2026, 10, 8, 9, 0, tzinfo=WIT)  # Q3 became final 5 October
    app = shell_app(tmp_path, signed_in(tmp_path, EMPLOYEE.nip, now=three_days_after))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        (line,) = [w for w in waiting(app) if "sudah final" in w]
        assert line.startswith("Penilaian saya Triwulan III 2026 sudah final: Baik.")
        assert line.endswith("Keberatan dapat diajukan s.d. 19-10-2026.")
        await pilot.press(*["down"] * waiting(app).index(line), "enter")
        await pilot.pause()
        assert app.current_mode == "evaluation"


async def test_an_evaluation_final_long_ago_is_not_announced(tmp_path: Path) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path, EMPLOYEE.nip))  # 27 November
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not [w for w in waiting(app) if "sudah final" in w]


async def test_two_lines_opening_the_same_area_both_show(tmp_path: Path) -> None:
    """Evaluations to write and my own newly final one: both open Evaluasi."""
    from demo.office import SUPERIOR

    three_days_after = datetime(2026, 10, 8, 9, 0, tzinfo=WIT)
    app = shell_app(tmp_path, signed_in(tmp_path, SUPERIOR.nip, now=three_days_after))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lines = waiting(app)
        assert any("untuk ditulis" in w for w in lines)
        assert any("sudah final" in w for w in lines)
        await pilot.press(*["down"] * [i for i, w in enumerate(lines) if "sudah final" in w][0])
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "evaluation"
