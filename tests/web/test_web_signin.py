"""``kinerja-server web``: nothing without a session; a signed-in person gets their own app.

Against real processes: the API is a live server on loopback, the web service
is started as an operator starts it, and the app is the real Textual app in a
process of its own, driven through the websocket as a browser drives it.
"""

from __future__ import annotations

import asyncio
import stat
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import httpx
import pytest

from sync.session import load_session
from tests.support.live_server import DEFAULT_PASSWORD, LiveServer, make_nip
from tests.web.running import WebProcess

NIP = make_nip(7)
NAME = "Siti Marasabessy"


@pytest.fixture
def web(live_server: LiveServer, tmp_path: Path) -> Iterator[WebProcess]:
    live_server.account(NIP, NAME)
    served = WebProcess.start(tmp_path / "web-service", live_server.base_url)
    yield served
    served.stop()


async def _websocket_status(url: str, cookies: dict[str, str]) -> int:
    async with aiohttp.ClientSession(cookies=cookies) as session:
        try:
            async with session.ws_connect(url):
                return 101
        except aiohttp.WSServerHandshakeError as refused:
            return refused.status


def test_without_a_session_nothing_is_served(web: WebProcess) -> None:
    with httpx.Client(base_url=web.url, timeout=30) as client:
        page = client.get("/")
        assert page.status_code == 303 and page.headers["location"] == "/login"
        assert "/ws" not in page.text
        for path in ("/static/js/textual.js", "/static/css/xterm.css", "/download/x", "/nothing"):
            refused = client.get(path)
            assert (refused.status_code, refused.content) == (401, b""), path
        client.cookies.set("kinerja_web", "made-up")
        assert client.get("/static/js/textual.js").status_code == 401
    ws_url = web.url.replace("http", "ws") + "/ws"
    assert asyncio.run(_websocket_status(ws_url, {})) == 401
    assert asyncio.run(_websocket_status(ws_url, {"kinerja_web": "made-up"})) == 401


def test_the_sign_in_page_speaks_indonesian_and_refuses_a_wrong_password(
    web: WebProcess,
) -> None:
    with httpx.Client(base_url=web.url, timeout=60) as client:
        page = client.get("/login")
        assert 'lang="id"' in page.text and "Kata sandi" in page.text
        wrong = client.post("/login", data={"nip": NIP, "password": "bukan-ini"})
        assert wrong.status_code == 401 and "NIP atau kata sandi salah" in wrong.text
        assert "set-cookie" not in wrong.headers
        assert client.get("/").status_code == 303
        odd = client.post("/login", data={"nip": "12/../34", "password": "x"})
        assert odd.status_code == 400
    # a failed attempt leaves no profile folder behind
    assert not (web.folder / "web" / "people" / NIP).exists()


def sign_in(web: WebProcess) -> tuple[httpx.Response, str]:
    """Signs NIP in through the form; the answer and the session cookie."""
    with web.client() as client:
        answer = client.post("/login", data={"nip": f" {NIP} ", "password": DEFAULT_PASSWORD})
        assert answer.status_code == 303 and answer.headers["location"] == "/"
        return answer, client.cookies["kinerja_web"]


def test_a_signed_in_person_gets_the_app_on_their_own_profile(
    web: WebProcess, live_server: LiveServer
) -> None:
    answer, cookie = sign_in(web)
    set_cookie = answer.headers["set-cookie"]
    assert "HttpOnly" in set_cookie and "SameSite=Strict" in set_cookie
    assert "Secure" not in set_cookie  # plain http on loopback: a Secure cookie never returns
    with web.client() as client:
        client.cookies.set("kinerja_web", cookie)
        page = client.get("/")
        assert page.status_code == 200
        assert f"Kinerja: {NAME} ({NIP})" in page.text
        assert f"ws://127.0.0.1:{web.port}/ws" in page.text
        assert client.get("/static/js/textual.js").status_code == 200

    home = web.folder / "web" / "people" / NIP
    for folder in (home, home.parent, home.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    # the token is kept as `kinerja login` keeps it: sync's session file, 0600
    saved = load_session(home)
    assert saved is not None and saved.nip == NIP
    assert stat.S_IMODE((home / "session.json").stat().st_mode) == 0o600
    assert live_server.client(saved.token).get("/hello").status_code == 200

    screen = asyncio.run(app_output(web.url.replace("http", "ws") + "/ws", cookie))
    assert NAME in screen


async def app_output(url: str, cookie: str) -> str:
    """What the app draws until the person's name shows (or 90 s pass)."""
    seen = b""
    async with (
        aiohttp.ClientSession(cookies={"kinerja_web": cookie}) as session,
        session.ws_connect(url + "?width=100&height=30") as socket,
    ):
        await socket.send_json(["resize", {"width": 100, "height": 30}])
        deadline = asyncio.get_running_loop().time() + 90
        while NAME.encode() not in seen:
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                break
            try:
                message = await socket.receive(timeout=left)
            except TimeoutError:
                break
            if message.type == aiohttp.WSMsgType.BINARY:
                seen += message.data
            elif message.type == aiohttp.WSMsgType.TEXT:
                seen += message.data.encode()
            else:
                break
    return seen.decode(errors="replace")


def test_two_people_each_get_their_own_page_and_profile(
    web: WebProcess, live_server: LiveServer
) -> None:
    other_nip, other_name = make_nip(8, female=True), "Hasna Tidore"
    live_server.account(other_nip, other_name)
    _answer, mine = sign_in(web)
    with web.client() as client:
        answer = client.post("/login", data={"nip": other_nip, "password": DEFAULT_PASSWORD})
        theirs = answer.cookies["kinerja_web"]
    assert mine != theirs
    for cookie, nip, name in ((mine, NIP, NAME), (theirs, other_nip, other_name)):
        with web.client() as client:
            client.cookies.set("kinerja_web", cookie)
            page = client.get("/").text
            assert f"Kinerja: {name} ({nip})" in page
            assert client.get("/download/not-theirs").status_code == 404
        saved = load_session(web.folder / "web" / "people" / nip)
        assert saved is not None and saved.nip == nip
