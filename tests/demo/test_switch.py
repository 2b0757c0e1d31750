"""F8 in the demo: a choice of people, by keyboard, each opened through the live server.

The app runs on the first person's profile of a restarted demo; F8 opens
the picker, typing filters it, Enter switches. A person chosen for the
first time is signed in then (their profile made under the demo folder).
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from demo import folder
from demo.office import HR_ADMIN, NEWCOMER, PEOPLE, STAFF, SUPERIOR
from demo.people import services_for
from demo.setup import Demo
from tests.tui.shell_world import screen_text, shell_app
from tui.app import KinerjaApp
from tui.screens.home.screen import HomeScreen
from tui.widgets.filter_list import FilterList
from tui.widgets.person_picker import PersonPicker

YUSUF = STAFF[2]


def demo_app(demo: Demo) -> KinerjaApp:
    return shell_app(demo.first_home, services_for(demo.first_home), switch_profiles=demo.people())


def shown(app: KinerjaApp) -> list[str]:
    return [row.cells[0] for row in app.screen.query_one(FilterList).shown]


async def switch_to(pilot: Pilot[str], typed: str) -> None:
    """F8, type to filter, Enter; until the chosen person is open: their opening
    (a sign-in, the first time), then their screens."""
    await pilot.press("f8", *typed, "enter")
    for group in ("switch", "profile"):
        await pilot.pause()
        for worker in [w for w in pilot.app.workers if w.group == group]:
            await worker.wait()
    await pilot.pause(0.2)


async def test_f8_offers_every_person_and_typing_filters(running: Demo) -> None:
    app = demo_app(running)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f8")
        assert isinstance(app.screen, PersonPicker)
        names = shown(app)
        assert len(names) == len(PEOPLE)
        assert f"{SUPERIOR.name} (Anda sekarang)" in names
        details = " ".join(row.cells[1] for row in app.screen.query_one(FilterList).shown)
        for promised in ("belum punya SKP", "dikembalikan", "Kepala Dinas", "admin (BKD)"):
            assert promised in details
        assert app.screen.query_one(Input).has_focus
        await pilot.press(*"tuanany")
        assert shown(app) == [NEWCOMER.name]
        assert "1 dari 13 orang" in screen_text(app)
        await pilot.press("backspace", *"xyz")
        assert shown(app) == []
        await pilot.press("f8")  # already choosing: no second picker over the first
        assert len(app.screen_stack) == 2
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        assert app.services is not None and app.services.me == SUPERIOR.nip


async def test_the_newcomer_is_signed_in_when_first_chosen(running: Demo) -> None:
    home = folder.profile_home(running.data, NEWCOMER.nip)
    assert not home.exists()
    app = demo_app(running)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await switch_to(pilot, "arif")
        assert app.services is not None and app.services.me == NEWCOMER.nip
        text = screen_text(app)
        assert NEWCOMER.name in text
        assert "SKP saya Tahun 2026: belum ada" in text
    assert home.is_dir()


async def test_arrows_choose_without_typing(running: Demo) -> None:
    app = demo_app(running)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f8")
        people = app.screen.query_one(FilterList)
        first = people.highlighted_key
        assert first is not None and first != SUPERIOR.nip
        keys = [row.key for row in people.shown]
        await pilot.press("down", "down", "up")
        assert people.highlighted_key == keys[keys.index(first) + 1]


async def test_switching_shows_a_returned_skp_then_the_admin(running: Demo) -> None:
    app = demo_app(running)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await switch_to(pilot, "yusuf")
        assert app.services is not None and app.services.me == YUSUF.nip
        assert "Dikembalikan" in screen_text(app)
        await switch_to(pilot, "bkd")
        assert app.services.me == HR_ADMIN.nip
        assert HR_ADMIN.name in screen_text(app)


async def test_a_person_that_cannot_be_opened_is_a_message(running: Demo) -> None:
    app = demo_app(running)
    running.server.stop()  # the demo's server is gone: a first sign-in can't happen
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f8", *"yusuf", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        assert app.services is not None and app.services.me == SUPERIOR.nip
        messages = " ".join(str(n.message) for n in app._notifications)
        assert "Tidak bisa berganti orang" in messages


def test_the_first_profile_is_the_only_one_made_at_start(running: Demo) -> None:
    made = sorted(p.name for p in Path(running.data, "profiles").iterdir())
    assert made == [SUPERIOR.nip]
