"""The PPK's team list at the size of a real office: 300 staff, by keyboard, at 80x24."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from client.services import Services
from domain.nip import format_nip
from store import open_store
from tests.tui.test_plan_world import (
    ANNUAL,
    EMPLOYEES,
    FIXED_NOW,
    PPK,
    Host,
    put_pulled,
    screen_text,
    seed_office,
)
from tui.screens.plan.screen import PlanScreen
from tui.screens.plan.team import TeamPlansScreen
from tui.widgets.filter_list import FilterList

UNITS = {
    "00000000-0000-4000-8000-0000000000e1": "Pelayanan",
    "00000000-0000-4000-8000-0000000000f2": "Pengaduan",
}
STATUS_OF = ("submitted", "approved", "returned", "draft", None)  # None: no SKP yet


def staff_nip(n: int) -> str:
    return f"1990{1 + n % 12:02d}{1 + n % 28:02d}2019{1 + n % 12:02d}{1 + n % 2}{n:03d}"


def big_office(home: Path) -> Services:
    """The PPK with 300 staff in two units; the n-th has the SKP status STATUS_OF[n % 5]."""
    home.mkdir(parents=True)
    store = open_store(home)
    unit_ids = list(UNITS)
    staff = [
        {
            "nip": staff_nip(n),
            "name": f"Pegawai {n:03d}",
            "kind": "PNS",
            "rank": "Penata Muda (III/a)",
            "position": "Analis",
            "unit_id": unit_ids[n % 2],
            "atasan_nip": PPK,
            "roles": [],
            "active": True,
        }
        for n in range(300)
    ]
    seed_office(store, [*EMPLOYEES, *staff])
    seq = 1000
    for unit_id, name in UNITS.items():
        seq += 1
        put_pulled(store, "unit", unit_id, None, {"name": name, "ratings": {}}, seq)
    for n in range(300):
        status = STATUS_OF[n % 5]
        if status is None:
            continue
        seq += 1
        data: dict[str, Any] = {
            "period_id": ANNUAL,
            "ppk_nip": PPK,
            "approach": "quantitative",
            "status": status,
            "expectations": {},
            "attachments": {"resources": [], "accountability": [], "consequences": []},
        }
        put_pulled(store, "plan", f"00000000-0000-4000-9000-{n:012d}", staff_nip(n), data, seq)
    return Services(store=store, me=PPK, home=home, lang="id", clock=lambda: FIXED_NOW)


async def test_300_staff_filter_by_name_unit_and_status_then_enter_opens_theirs(
    tmp_path: Path,
) -> None:
    services = big_office(tmp_path / "ppk")
    app = Host(lambda: PlanScreen(services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")
        assert isinstance(app.screen, TeamPlansScreen)
        listing = app.screen.query_one(FilterList)
        # every subordinate is listed (the Siti Marwah of the small office too)
        assert "301 dari 301 SKP" in screen_text(app)
        assert listing.shown[0].cells[4] == "Diajukan"  # waiting for a decision first
        await pilot.press(*"pengaduan diajukan")
        shown = listing.shown
        expected = {f"Pegawai {n:03d}" for n in range(300) if n % 2 == 1 and n % 5 == 0}
        assert {row.cells[0] for row in shown} == expected
        assert f"{len(expected)} dari 301 SKP" in screen_text(app)
        await pilot.press(*["backspace"] * len("pengaduan diajukan"))
        await pilot.press(*"pegawai 123")  # by name
        assert listing.shown[0].cells[0] == "Pegawai 123"  # "123" is in NIPs too, after
        await pilot.press("enter")
        assert isinstance(app.screen, PlanScreen)
        assert "Pegawai 123" in screen_text(app)  # the subordinate's SKP, not mine
        await pilot.press("escape")
        assert isinstance(app.screen, TeamPlansScreen)


async def test_a_nip_typed_whole_finds_the_person_and_no_skp_yet_has_no_open(
    tmp_path: Path,
) -> None:
    services = big_office(tmp_path / "ppk")
    app = Host(lambda: PlanScreen(services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t", *staff_nip(4))
        listing = app.screen.query_one(FilterList)
        assert [row.cells[1] for row in listing.shown] == [format_nip(staff_nip(4))]
        assert listing.shown[0].cells[4] == "belum ada SKP"
        assert app.screen.check_action("open_plan", ()) is False
        await pilot.press("enter")  # nothing to open: the list stays
        assert isinstance(app.screen, TeamPlansScreen)


async def test_sorting_the_team_by_name(tmp_path: Path) -> None:
    services = big_office(tmp_path / "ppk")
    app = Host(lambda: PlanScreen(services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t", "ctrl+o")
        names = [row.cells[0] for row in app.screen.query_one(FilterList).shown]
        assert names == sorted(names, key=str.casefold)
        assert "urut: Nama ↑" in screen_text(app)
