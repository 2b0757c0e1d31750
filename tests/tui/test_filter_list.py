"""The filter-as-you-type list, by keyboard only, at 80x24, with an office of 300."""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import Footer, Input

from domain.nip import format_nip
from tests.tui.test_plan_world import screen_text
from tui.actions import key_help
from tui.widgets.filter_list import Column, FilterList, Row
from tui.widgets.rows_view import RowsView

UNITS = ("Sekretariat", "Bidang Mutasi", "Bidang Pengembangan")
STATUSES = ("draf", "diajukan", "disetujui")


def nip(n: int) -> str:
    return f"19{80 + n % 20:02d}0101201001{1 + n % 2}{n:03d}"


def office(size: int = 300) -> list[Row]:
    return [
        Row(
            nip(n),
            (
                f"Pegawai {n:03d}",
                format_nip(nip(n)),
                UNITS[n % len(UNITS)],
                STATUSES[(n // 3) % len(STATUSES)],
            ),
        )
        for n in range(size)
    ]


COLUMNS = (Column("Nama", 16), Column("NIP", 21), Column("Unit", 20), Column("Status", 10))


class Host(App[None]):
    def __init__(self, rows: list[Row]) -> None:
        super().__init__()
        self.rows = rows
        self.chosen: list[str] = []

    def compose(self) -> ComposeResult:
        yield FilterList(COLUMNS, self.rows, noun="orang", lang="id")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(FilterList).focus_filter()

    def on_filter_list_chosen(self, event: FilterList.Chosen) -> None:
        self.chosen.append(event.key)


def first_cells(app: App[Any]) -> list[str]:
    return [row.cells[0] for row in app.query_one(FilterList).shown]


async def test_typing_filters_by_name_nip_unit_and_status_and_counts() -> None:
    app = Host(office())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "300 dari 300 orang" in screen_text(app)
        await pilot.press(*"pegawai 042")
        assert first_cells(app) == ["Pegawai 042"]
        assert "1 dari 300 orang" in screen_text(app)
        app.query_one(Input).value = ""
        # a NIP typed without its spaces finds the formatted one
        await pilot.press(*nip(7)[:14])
        assert "Pegawai 007" in first_cells(app)
        app.query_one(Input).value = ""
        # every word must match: unit and status together
        await pilot.press(*"mutasi disetujui")
        shown = app.query_one(FilterList).shown
        expected = [n for n in range(300) if n % 3 == 1 and (n // 3) % 3 == 2]
        assert [r.key for r in shown] == [nip(n) for n in expected]
        assert all(r.cells[2] == "Bidang Mutasi" and r.cells[3] == "disetujui" for r in shown)
        assert f"{len(shown)} dari 300 orang" in screen_text(app)
        await pilot.press(*" zzz")
        assert first_cells(app) == []
        assert "0 dari 300 orang" in screen_text(app)
        await pilot.press("enter")  # nothing shown: nothing chosen
        assert app.chosen == []


async def test_ctrl_o_sorts_by_each_column_up_then_down() -> None:
    rows = office(30)
    app = Host(list(reversed(rows)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert first_cells(app)[0] == "Pegawai 029"
        await pilot.press("ctrl+o")
        assert first_cells(app)[0] == "Pegawai 000"
        assert "urut: Nama ↑" in screen_text(app)
        await pilot.press("ctrl+o")
        assert first_cells(app)[0] == "Pegawai 029"
        assert "urut: Nama ↓" in screen_text(app)
        await pilot.press("ctrl+o", "ctrl+o", "ctrl+o")  # NIP up, NIP down, Unit up
        units = [r.cells[2] for r in app.query_one(FilterList).shown]
        assert units == sorted(units, key=str.casefold)
        assert "urut: Unit ↑" in screen_text(app)
        # the key is in the footer and F1, in the person's language
        assert ("^o", "Urutkan") in [(k.key, k.description) for k in key_help(app.screen)]


async def test_arrows_move_from_the_filter_and_enter_chooses() -> None:
    app = Host(office(40))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"sekretariat", "down", "down", "enter")
        assert app.query_one(Input).has_focus
        assert app.chosen == [nip(6)]  # the third of the Sekretariat: 0, 3, 6
        await pilot.press("pagedown", "enter")
        assert app.chosen[-1] == nip(36)  # ten further down: the 13th of 14


async def test_new_rows_keep_the_cursor_on_its_person() -> None:
    rows = office(20)
    app = Host(rows)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "down")
        assert app.query_one(FilterList).highlighted_key == nip(3)
        app.query_one(FilterList).set_rows(rows[2:])
        await pilot.pause()
        assert app.query_one(FilterList).highlighted_key == nip(3)
        assert "18 dari 18 orang" in screen_text(app)


async def test_every_part_fits_80x24() -> None:
    app = Host(office())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        listing = app.query_one(FilterList)
        for part in (listing.query_one(Input), listing.query_one(RowsView)):
            assert part.region.height >= 1 and part.region.bottom <= 24
        count = listing.query_one(".filter-count")
        assert count.region.height == 1 and count.region.bottom <= 23  # above the footer
        view = listing.query_one(RowsView)
        assert view.virtual_size.width <= view.region.width  # no column cut off
        lines = [view.render_line(y).text for y in range(3)]
        assert lines[0].split() == ["Nama", "NIP", "Unit", "Status"]
        assert lines[1].split()[:2] == ["Pegawai", "000"] and "Sekretariat" in lines[1]


async def test_the_cursor_stays_on_screen_far_down_the_list() -> None:
    app = Host(office())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*["pagedown"] * 5)
        view = app.query_one(RowsView)
        assert view.cursor == 50 and view.scroll_offset.y > 0
        on_screen = [view.render_line(y).text for y in range(1, view.size.height)]
        assert any(line.startswith("Pegawai 050") for line in on_screen)
        await pilot.press("enter")
        assert app.chosen == [nip(50)]
