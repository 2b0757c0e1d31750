"""The first run: no profile yet; connect to a server, or open the demo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Label

from store import open_store
from sync.session import load_session
from tests.support.live_server import DEFAULT_PASSWORD, LiveServer, make_nip
from tests.tui.shell_world import screen_text, shell_app
from tui.app import KinerjaApp
from tui.screens.first_run.screen import ConnectScreen, FirstRunScreen
from tui.screens.home.screen import HomeScreen


@pytest.fixture(autouse=True)
def indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_LANG", "id")


async def wait_for(pilot: Pilot[object], done: Callable[[], bool], rounds: int = 200) -> None:
    """Let the app work (a worker, a sync round) until ``done``, without a clock in the test."""
    for _ in range(rounds):
        if done():
            return
        await pilot.pause(0.05)
    raise AssertionError("the app did not get there")


def problem_of(app: KinerjaApp, field: str) -> str:
    return str(app.screen.query_one(f"#connect-{field}-problem", Label).render())


async def test_without_a_profile_the_app_offers_to_connect_or_open_the_demo(
    tmp_path: Path,
) -> None:
    app = shell_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FirstRunScreen)
        text = screen_text(app)
        assert "Selamat datang di Kinerja" in text
        assert str(tmp_path) in text
        await pilot.press("d")
    assert app.return_value == "demo"


async def test_area_keys_do_nothing_before_sign_in(tmp_path: Path) -> None:
    app = shell_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f3", "f9")
        assert isinstance(app.screen, FirstRunScreen)


async def test_connect_form_says_what_is_wrong_beside_the_field(tmp_path: Path) -> None:
    app = shell_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        assert isinstance(app.screen, ConnectScreen)
        assert not any(field.cursor_blink for field in app.screen.query(Input))
        await pilot.press(*"kinerja", "enter")
        assert problem_of(app, "url") == "Awali dengan http:// atau https://"
        await pilot.press(*"1234", "enter", *"rahasia", "enter")
        assert "NIP" in problem_of(app, "nip")
        assert isinstance(app.screen, ConnectScreen)
        assert load_session(tmp_path) is None
        await pilot.press("escape")
        assert isinstance(app.screen, FirstRunScreen)


async def test_signing_in_opens_beranda_with_the_synced_records(
    tmp_path: Path, live_server: LiveServer
) -> None:
    nip = make_nip(7)
    live_server.account(nip, "Marwan Tidore")
    app = KinerjaApp(tmp_path)  # the real sync worker, against the live server
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s", *live_server.root_url, "enter", *nip, "enter")
        await pilot.press(*"salah-sandi", "enter")
        await wait_for(
            pilot,
            lambda: (
                "tidak diterima" in str(app.screen.query_one("#connect-status", Label).render())
            ),
        )
        password = app.screen.query_one("#connect-password")
        password.value = ""  # type: ignore[attr-defined]
        await pilot.press(*DEFAULT_PASSWORD, "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await wait_for(pilot, lambda: "Marwan Tidore" in screen_text(app))
        assert app.sub_title.startswith("Daring")
    session = load_session(tmp_path)
    assert session is not None and session.nip == nip
    assert open_store(tmp_path).get_meta("server_url") == live_server.root_url
