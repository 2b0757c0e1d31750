"""Beranda warns a PPK, offline, of whoever in their team is behind the pro-rated target."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from tests.tui.test_year_world import ANNUAL, ITEM_1, ITEM_2, PPK, STAFF, Host, profile, put_pulled
from tui.screens.home.screen import HomeScreen


def _waiting(app: Host) -> list[str]:
    options = app.screen.query_one("#home-waiting", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_a_ppk_sees_who_is_behind_in_beranda(tmp_path: Path) -> None:
    services = profile(tmp_path, PPK)  # Siti's SKP is approved; nothing recorded by 18 December
    app = Host(lambda: HomeScreen(services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        warning = "Tertinggal dari target prorata hari ini (1): Siti Marwah"
        lines = _waiting(app)
        assert warning in lines
        options = app.screen.query_one("#home-waiting", OptionList)
        opens = options.get_option_at_index(lines.index(warning)).id or ""
        assert opens.partition("#")[0] == "monitoring"  # Enter opens it


async def test_realisasi_on_track_brings_no_warning(tmp_path: Path) -> None:
    services = profile(tmp_path, PPK)
    # By 18 December about 96 % of the year is gone: 118 of 120 files, a 3-day time, 100 %.
    values = {ITEM_1: [118, 3], ITEM_2: [100]}
    for n, (item, numbers) in enumerate(values.items()):
        data = {"plan_item_id": item, "period_id": ANNUAL, "values": numbers, "evidence": []}
        put_pulled(services.store, "progress", f"p{n}", STAFF, data, by=STAFF)
    app = Host(lambda: HomeScreen(services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not any(line.startswith("Tertinggal") for line in _waiting(app))


async def test_staff_without_a_team_get_no_warning(tmp_path: Path) -> None:
    services = profile(tmp_path, STAFF)
    app = Host(lambda: HomeScreen(services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not any(line.startswith("Tertinggal") for line in _waiting(app))
