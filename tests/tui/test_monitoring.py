"""Pemantauan (ctrl+r): a unit head's dashboards, the early warning, drilling down,
a report read offline with its date, and charts that step aside at 80x24 and in NO_COLOR."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from tests.tui.monitoring_world import STAFF, STAFF_2, Served, hr_admin, unit_head
from tests.tui.test_year_world import ANNUAL, PPK, UNIT, Host, profile, put_pulled, screen_text
from tui.actions import key_help
from tui.screens.monitoring.chart import FigureChart, charts_fit
from tui.screens.monitoring.choose import ChoiceDialog
from tui.screens.monitoring.drill import PeopleScreen, PersonFileScreen
from tui.screens.monitoring.screen import SHOWN_ROWS, MonitoringScreen


@pytest.fixture(autouse=True)
def colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)


async def test_a_unit_head_sees_their_unit_and_drills_down_to_a_person(tmp_path: Path) -> None:
    services = unit_head(tmp_path)
    served = Served()
    app = Host(lambda: MonitoringScreen(services, served))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert "Bidang Pelayanan Perizinan · Tahunan 2026 · data per 18-12-2026 08:00" in text
        assert "salinan luring" not in text
        assert "SKP menurut status; batas pengisian 31-01-2026 sudah lewat." in text
        assert served.asked == [("plans", ANNUAL, UNIT)]
        table = app.screen.query_one("#mon-table", DataTable)
        assert table.get_row_at(0)[:7] == [
            "Bidang Pelayanan Perizinan",
            "0",
            "0",
            "1",
            "0",
            "3",
            "4",
        ]

        # Enter on the "Disetujui" figure: the one person whose SKP is approved.
        await pilot.press("right", "right", "right", "enter")
        assert isinstance(app.screen, PeopleScreen)
        people = app.screen.query_one(DataTable)
        assert people.row_count == 1
        assert people.get_row_at(0)[0] == "Siti Marwah"

        # Enter on her: her records, held here.
        await pilot.press("enter")
        assert isinstance(app.screen, PersonFileScreen)
        shown = screen_text(app)
        assert "Tersimpan di komputer ini." in shown
        assert "SKP | 2 RHK | Disetujui" in shown

        await pilot.press("escape", "escape")
        assert isinstance(app.screen, MonitoringScreen)


async def test_the_missing_figure_lists_those_without_an_skp(tmp_path: Path) -> None:
    services = unit_head(tmp_path)
    app = Host(lambda: MonitoringScreen(services, Served()))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("right", "right", "right", "right", "right", "enter")
        people = app.screen.query_one(DataTable)
        names = {str(people.get_row_at(i)[0]) for i in range(people.row_count)}
        assert "Siti Marwah" not in names
        assert {"Fadli Umasugi", "Hasnah Duwila"} <= names


async def test_the_early_warning_lists_the_person_behind_first(tmp_path: Path) -> None:
    services = unit_head(tmp_path)
    app = Host(lambda: MonitoringScreen(services, Served()))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("v", "v")
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#mon-table", DataTable)
        first = [str(cell) for cell in table.get_row_at(0)]
        assert first[0] == "Fadli Umasugi"
        assert first[3:] == ["45%", "tertinggal"]
        assert [str(table.get_row_at(i)[4]) for i in (1, 2)] == ["sesuai jalur", "sesuai jalur"]

        await pilot.press("enter")
        assert isinstance(app.screen, PeopleScreen)
        assert app.screen.people[0].nip == STAFF_2


async def test_a_report_read_offline_shows_its_date(tmp_path: Path) -> None:
    services = unit_head(tmp_path)
    app = Host(lambda: MonitoringScreen(services, Served(offline=True)))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "data per 18-12-2026 08:00 · salinan luring" in screen_text(app)


async def test_a_source_that_fails_is_a_message(tmp_path: Path) -> None:
    services = unit_head(tmp_path)

    def unreachable(name: str, period_id: str, unit_id: str | None) -> Served:
        from sync.link import Unreachable

        raise Unreachable("http://127.0.0.1:9: ConnectError")

    app = Host(lambda: MonitoringScreen(services, unreachable))  # type: ignore[arg-type]
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Angka tidak dapat dibaca: server tidak menjawab" in screen_text(app)


async def test_someone_without_a_team_is_told_so(tmp_path: Path) -> None:
    services = profile(tmp_path, STAFF)
    served = Served()
    app = Host(lambda: MonitoringScreen(services, served))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Pemantauan untuk kepala unit, PPK dan admin" in screen_text(app)
        assert served.asked == []


async def test_a_ppk_watches_their_team(tmp_path: Path) -> None:
    services = profile(tmp_path, PPK)
    app = Host(lambda: MonitoringScreen(services, Served()))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Tim saya · Tahunan 2026 · dari rekaman di komputer ini" in screen_text(app)


@pytest.mark.parametrize(
    ("size", "environ", "drawn"),
    [
        ((80, 24), {}, False),
        ((120, 40), {}, True),
        ((120, 40), {"NO_COLOR": "1"}, False),
    ],
)
def test_charts_step_aside_when_small_or_without_colour(
    size: tuple[int, int], environ: dict[str, str], drawn: bool
) -> None:
    assert charts_fit(*size, environ) is drawn


async def test_the_chart_shows_in_a_big_terminal_but_not_with_no_color(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = unit_head(tmp_path)
    app = Host(lambda: MonitoringScreen(services, Served()))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.query_one(FigureChart).display
    monkeypatch.setenv("NO_COLOR", "1")
    app = Host(lambda: MonitoringScreen(services, Served()))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.screen.query_one(FigureChart).display
        assert app.screen.query_one("#mon-table", DataTable).row_count == 1


async def test_a_view_exports_to_xlsx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import load_workbook

    monkeypatch.setenv("KINERJA_EXPORTS", str(tmp_path / "out"))
    services = unit_head(tmp_path / "home")
    app = Host(lambda: MonitoringScreen(services, Served()))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("v", "v", "v")
        await app.workers.wait_for_complete()
        await pilot.press("x")
        await pilot.pause()
    written = sorted((tmp_path / "out").glob("*.xlsx"))
    assert [p.name for p in written] == ["pemantauan-jp-20261218-1100.xlsx"]
    sheet = load_workbook(written[0]).active
    assert [c.value for c in sheet[1]] == ["Nama", "JP/minimal", "Kurang"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert rows == [["Fadli Umasugi", "6/20", "14"], ["Siti Marwah", "24/20", "terpenuhi"]]


async def test_the_admin_watches_the_whole_instansi_or_any_unit(tmp_path: Path) -> None:
    services = hr_admin(tmp_path)
    served = Served()
    app = Host(lambda: MonitoringScreen(services, served))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert served.asked == [("plans", ANNUAL, None)]
        assert "Seluruh instansi · Tahunan 2026 · data per" in screen_text(app)
        await pilot.press("u")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("down", "down", "enter")  # the whole instansi, BKD, the bidang
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert served.asked[-1] == ("plans", ANNUAL, UNIT)
        assert "Bidang Pelayanan Perizinan · Tahunan 2026" in screen_text(app)


async def test_a_unit_head_has_no_unit_key_and_f1_lists_the_keys(tmp_path: Path) -> None:
    services = unit_head(tmp_path)
    app = Host(lambda: MonitoringScreen(services, Served()))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert screen.check_action("choose_unit", ()) is False
        shown = {help.binding_id for help in key_help(screen)}
        expected = {"monitoring.open", "monitoring.view", "monitoring.period"}
        assert expected | {"monitoring.refresh", "monitoring.export"} <= shown


async def test_the_admin_sees_whose_skp_is_not_held_here(tmp_path: Path) -> None:
    """Outside the admin's sync scope an SKP is not held: its owner is listed under any
    state's figure, to be opened, never said to have none. (Siti's approved SKP
    happens to be held in this store, so she is known not to be missing.)"""
    services = hr_admin(tmp_path)
    app = Host(lambda: MonitoringScreen(services, Served()))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("u", "down", "down", "enter")
        await app.workers.wait_for_complete()
        await pilot.press("right", "right", "right", "right", "right", "enter")  # Belum ada
        people = app.screen.query_one(DataTable)
        states = {str(people.get_row_at(i)[2]) for i in range(people.row_count)}
        names = {str(people.get_row_at(i)[0]) for i in range(people.row_count)}
        assert states == {"buka untuk melihat"}
        assert len(names) == 4 and "Siti Marwah" not in names


async def test_a_long_report_lists_those_needing_attention_first(tmp_path: Path) -> None:
    """The whole instansi's on-track rows run to tens of thousands: the table keeps the
    first SHOWN_ROWS (those behind first), and the note says so."""
    from tests.tui.monitoring_world import Report, on_track

    services = unit_head(tmp_path)
    many = [on_track(STAFF_2, "Fadli Umasugi", 0.1)]
    many += [on_track(f"19900101201903{n:04d}", f"Pegawai {n}", 1.0) for n in range(1499)]

    def source(name: str, period_id: str, unit_id: str | None) -> Report:
        rows = many if name == "on_track" else []
        return Report(name, "2026-12-17T23:00:00+00:00", period_id, unit_id, rows)

    app = Host(lambda: MonitoringScreen(services, source))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("v", "v")
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#mon-table", DataTable)
        assert table.row_count == SHOWN_ROWS
        assert table.get_row_at(0)[0] == "Fadli Umasugi"
        assert f"{SHOWN_ROWS} pertama dari 1500 ditampilkan" in screen_text(app)


async def test_a_unit_head_may_choose_a_unit_below_theirs(tmp_path: Path) -> None:
    services = unit_head(tmp_path)
    section = {"name": "Seksi Perizinan Usaha", "ratings": {}, "parent_id": UNIT}
    put_pulled(services.store, "unit", "seksi", None, section)
    put_pulled(services.store, "unit", "other", None, {"name": "Bidang Lain", "ratings": {}})
    served = Served()
    app = Host(lambda: MonitoringScreen(services, served))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        assert app.screen.check_action("choose_unit", ()) is True
        await pilot.press("u")
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert [key for key, _name in dialog.choices] == [UNIT, "seksi"]  # not Bidang Lain
        await pilot.press("down", "enter")
        await app.workers.wait_for_complete()
        assert served.asked[-1] == ("plans", ANNUAL, "seksi")
