"""The export key of every list: what a screen lists, as a typed spreadsheet in a chosen folder."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from client.numbers import typed
from tests.tui.test_plan_world import (
    PPK,
    STAFF,
    Host,
    notices,
    profile,
    seed_plan,
    type_text,
)
from tui.actions import BY_SCOPE
from tui.screens.home.screen import HomeScreen
from tui.screens.plan.team import TeamPlansScreen
from tui.screens.progress.screen import ProgressScreen

SIZE = (80, 24)


def test_the_export_key_is_one_action() -> None:
    assert [a.id for a in BY_SCOPE["export"]] == ["lists.export"]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [("2,5", "id", 2.5), ("1.250", "id", 1250), ("2.5", "en", 2.5), ("120", "id", 120)],
)
def test_numbers_read_in_the_persons_language(text: str, lang: str, value: float) -> None:
    assert typed(text, lang) == value


def test_text_stays_text() -> None:
    assert typed("2,5 / 30", "id") == "2,5 / 30" and typed("-", "id") == "-"


async def test_realisasi_exports_its_rows_with_numbers_as_numbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    staff = profile(tmp_path / "staff", STAFF)
    seed_plan(staff, "approved")
    monkeypatch.chdir(tmp_path)
    app = Host(lambda: ProgressScreen(staff))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "enter")  # the RHK tambahan: one IKI
        await type_text(pilot, "7,5")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+x")
        await pilot.pause()
        await pilot.press("enter")  # this folder
        await pilot.pause()
        [written] = tmp_path.glob("*.xlsx")
        assert f"{written}" in notices(app)
    sheet = openpyxl.load_workbook(written).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("RHK", "IKI dan target", "Realisasi", "Bukti")
    assert len(rows) == 3 and rows[2][2] == 7.5 and rows[1][2] == "-"
    assert sheet.freeze_panes == "A2"


async def test_beranda_exports_what_waits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ppk = profile(tmp_path / "ppk", PPK)
    seed_plan(ppk, "submitted")  # the staff's SKP waits for the PPK
    monkeypatch.chdir(tmp_path)
    app = Host(lambda: HomeScreen(ppk))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+x")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    [written] = tmp_path.glob("*.xlsx")
    rows = list(openpyxl.load_workbook(written).worksheets[0].iter_rows(values_only=True))
    assert rows == [("Beranda",), ("SKP untuk disetujui (1): Siti Marwah",)]


async def test_the_team_list_exports_the_rows_its_filter_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ppk = profile(tmp_path / "ppk", PPK)
    seed_plan(ppk, "submitted")
    monkeypatch.chdir(tmp_path)
    app = Host(lambda: TeamPlansScreen(ppk))
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "siti")  # the filter line has the focus: ctrl+x still exports
        await pilot.press("ctrl+x")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    [written] = tmp_path.glob("*.xlsx")
    rows = list(openpyxl.load_workbook(written).worksheets[0].iter_rows(values_only=True))
    assert rows[0] == ("Nama", "NIP", "Unit", "Periode", "Status")
    assert [row[0] for row in rows[1:]] == ["Siti Marwah"]
