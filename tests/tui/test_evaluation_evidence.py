"""The PPK weighs realisasi with its bukti dukung, and reads the employee's Realisasi."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Select

from demo.office import EMPLOYEE, SUPERIOR
from tests.tui.shell_world import screen_text, shell_app, signed_in
from tui.screens.evaluation.screen import EvaluationScreen
from tui.screens.progress.screen import ProgressScreen


@pytest.fixture(autouse=True)
def indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_LANG", "id")


async def choose(pilot: object, app: object, selector: str, match: str) -> None:
    select = app.screen.query_one(selector, Select)  # type: ignore[attr-defined]
    value = next(v for label, v in select._options if match in str(label))
    select.value = value
    await pilot.pause()  # type: ignore[attr-defined]


async def test_the_ppk_sees_the_evidence_and_opens_the_realisasi_read_only(
    tmp_path: Path,
) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path, SUPERIOR.nip))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        await choose(pilot, app, "#eval-person", EMPLOYEE.name.split(",")[0])
        await choose(pilot, app, "#eval-period", "Triwulan III")
        text = screen_text(app)
        assert (
            "Bukti dukung: Laporan Triwulan 3: "
            "https://arsip.dpmptsp.example/2026/tw3/rizal-analysis.pdf"
        ) in text
        assert "Catatan realisasi: Realisasi sampai akhir Triwulan 3" in text
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProgressScreen) and screen.owner == EMPLOYEE.nip
        assert screen.check_action("edit", ()) is False  # read-only: hers to write
        assert screen.query_one("#progress-items").row_count > 0  # type: ignore[attr-defined]
        await pilot.press("enter")
        assert isinstance(app.screen, ProgressScreen)  # no editor opens
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, EvaluationScreen)


async def test_the_employee_has_no_r_on_her_own_evaluation(tmp_path: Path) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path, EMPLOYEE.nip))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        assert app.screen.check_action("open_progress", ()) is False
