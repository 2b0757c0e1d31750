"""``kinerja-server web`` as deployed: TLS, its help, its refusals, signing out, offline."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path

import aiohttp

from tests.server.serving import Served
from tests.server.test_serving import _self_signed
from tests.support.live_server import DEFAULT_PASSWORD, ROOT, LiveServer, _free_port, make_nip
from tests.web.running import WebProcess
from tests.web.test_web_signin import NAME, NIP, app_output, sign_in


def _web(folder: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KINERJA_SERVER_HOME": str(folder)}
    env.pop("KINERJA_LANG", None)
    env.pop("LANG", None)
    env.pop("LC_ALL", None)
    return subprocess.run(
        [sys.executable, "-m", "server.cli", "web", *flags],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def test_under_tls_the_cookie_is_secure_and_the_app_speaks_wss(
    live_server: LiveServer, tmp_path: Path
) -> None:
    live_server.account(NIP, NAME)
    cert, key = _self_signed(tmp_path)
    web = WebProcess.start(
        tmp_path / "svc", live_server.base_url, "--certfile", str(cert), "--keyfile", str(key),
        cafile=cert,
    )  # fmt: skip
    try:
        answer, cookie = sign_in(web)
        assert "Secure" in answer.headers["set-cookie"]
        with web.client() as client:
            client.cookies.set("kinerja_web", cookie)
            assert f"wss://127.0.0.1:{web.port}/ws" in client.get("/").text
    finally:
        web.stop()


def test_help_speaks_indonesian_and_bad_flags_are_refused_in_one_line(tmp_path: Path) -> None:
    shown = _web(tmp_path, "--help")
    assert shown.returncode == 0 and "peramban" in shown.stdout and "--server" in shown.stdout
    for flags, words in (
        (("--server", "http://10.1.2.3:8080/api/v1"), "tanpa enkripsi"),
        (("--server", "ftp://x"), "bukan alamat server"),
        (("--keyfile", str(tmp_path / "k.pem")), "--keyfile memerlukan --certfile"),
        (("--certfile", str(tmp_path / "tidak-ada.pem")), "tidak dapat dipakai"),
        (("--max-apps", "0"), "--max-apps paling sedikit 1"),
    ):
        refused = _web(tmp_path, *flags)
        assert refused.returncode == 1, flags
        assert words in refused.stderr and len(refused.stderr.splitlines()) == 1, refused.stderr


def test_signing_out_ends_the_session(live_server: LiveServer, tmp_path: Path) -> None:
    live_server.account(NIP, NAME)
    web = WebProcess.start(tmp_path / "svc", live_server.base_url)
    try:
        _answer, cookie = sign_in(web)
        with web.client() as client:
            client.cookies.set("kinerja_web", cookie)
            assert client.get("/").status_code == 200
            assert client.get("/logout").headers["location"] == "/login"
        with web.client() as client:
            client.cookies.set("kinerja_web", cookie)  # the old cookie is worth nothing now
            assert client.get("/").status_code == 303
            assert client.get("/static/js/textual.js").status_code == 401
    finally:
        web.stop()


def test_the_app_opens_offline_once_the_central_server_is_gone(
    live_server: LiveServer, tmp_path: Path
) -> None:
    live_server.account(NIP, NAME)
    web = WebProcess.start(tmp_path / "svc", live_server.base_url)
    try:
        _answer, cookie = sign_in(web)
        ws_url = web.url.replace("http", "ws") + "/ws"
        assert NAME in asyncio.run(app_output(ws_url, cookie))  # first run: synced
        live_server.stop()
        # offline-first: the person's profile holds what the app needs
        assert NAME in asyncio.run(app_output(ws_url, cookie))
    finally:
        web.stop()


def test_behind_a_tls_proxy_the_cookie_is_secure_and_the_app_speaks_wss(
    live_server: LiveServer, tmp_path: Path
) -> None:
    live_server.account(NIP, NAME)
    web = WebProcess.start(tmp_path / "svc", live_server.base_url)
    try:
        with web.client() as client:
            client.headers["X-Forwarded-Proto"] = "https"
            answer = client.post("/login", data={"nip": NIP, "password": DEFAULT_PASSWORD})
            assert "Secure" in answer.headers["set-cookie"]
            client.cookies.set("kinerja_web", answer.cookies["kinerja_web"])
            assert f"wss://127.0.0.1:{web.port}/ws" in client.get("/").text
    finally:
        web.stop()


def test_the_sign_in_brake_counts_each_browser_not_the_service(tmp_path: Path) -> None:
    # the API believes the web service's X-Forwarded-For, the web service its proxy's
    api = Served.start(tmp_path / "api", "--forwarded-allow-ips", "127.0.0.1")
    api.account(NIP, NAME, password=DEFAULT_PASSWORD)
    web = WebProcess.start(tmp_path / "svc", api.base_url, "--forwarded-allow-ips", "127.0.0.1")
    try:
        guesser = {"X-Forwarded-For": "10.9.8.7"}
        with web.client() as client:
            # one machine trying a password on many NIPs: its address is stopped
            for n in range(100, 120):
                wrong = client.post(
                    "/login", data={"nip": make_nip(n), "password": "tebakan"}, headers=guesser
                )
                assert wrong.status_code == 401
            stopped = client.post(
                "/login", data={"nip": NIP, "password": DEFAULT_PASSWORD}, headers=guesser
            )
            assert stopped.status_code == 429 and "Terlalu banyak" in stopped.text
            owner = client.post(
                "/login",
                data={"nip": NIP, "password": DEFAULT_PASSWORD},
                headers={"X-Forwarded-For": "10.1.1.1"},
            )
            assert owner.status_code == 303  # the owner, in another browser, is not locked out
    finally:
        web.stop()
        api.stop()


async def _apps_open_at_once(url: str, cookie: str) -> tuple[list[int], int, int]:
    """Statuses of three apps, of a fourth while they run, and of one after one ends."""
    async with aiohttp.ClientSession(cookies={"kinerja_web": cookie}) as session:
        sockets = [await session.ws_connect(url) for _ in range(3)]
        opened = [101 for _ in sockets]
        try:
            async with session.ws_connect(url):
                fourth = 101
        except aiohttp.WSServerHandshakeError as refused:
            fourth = refused.status
        await sockets.pop().close()
        again = 0
        for _wait in range(60):  # an app counts until its process has ended
            try:
                async with session.ws_connect(url):
                    again = 101
                    break
            except aiohttp.WSServerHandshakeError as refused:
                again = refused.status
                await asyncio.sleep(0.25)
        for socket in sockets:
            await socket.close()
    return opened, fourth, again


async def _from_another_site(url: str, cookie: str) -> int:
    async with aiohttp.ClientSession(cookies={"kinerja_web": cookie}) as session:
        try:
            async with session.ws_connect(url, origin="https://jahat.example"):
                return 101
        except aiohttp.WSServerHandshakeError as refused:
            return refused.status


def test_a_person_runs_a_few_apps_at_once_and_no_other_site_opens_one(
    live_server: LiveServer, tmp_path: Path
) -> None:
    live_server.account(NIP, NAME)
    web = WebProcess.start(tmp_path / "svc", live_server.base_url)
    try:
        _answer, cookie = sign_in(web)
        ws_url = web.url.replace("http", "ws") + "/ws"
        assert asyncio.run(_apps_open_at_once(ws_url, cookie)) == ([101] * 3, 429, 101)
        assert asyncio.run(_from_another_site(ws_url, cookie)) == 403
    finally:
        web.stop()


def test_an_unreachable_central_server_and_a_foreign_form_are_said_plainly(
    tmp_path: Path,
) -> None:
    gone = f"http://127.0.0.1:{_free_port()}/api/v1"  # nothing listens there
    web = WebProcess.start(tmp_path / "svc", gone)
    try:
        with web.client() as client:
            started = time.monotonic()
            answer = client.post("/login", data={"nip": NIP, "password": DEFAULT_PASSWORD})
            assert answer.status_code == 503 and "tidak dapat dihubungi" in answer.text
            assert time.monotonic() - started < 30
            foreign = client.post(
                "/login",
                data={"nip": NIP, "password": DEFAULT_PASSWORD},
                headers={"Origin": "https://jahat.example"},
            )
            assert foreign.status_code == 403 and "set-cookie" not in foreign.headers
    finally:
        web.stop()


async def _statuses(url: str, cookies: list[str]) -> list[int]:
    """Each cookie's person opens an app in turn, all kept open; the handshake statuses."""
    statuses, sessions, sockets = [], [], []
    try:
        for cookie in cookies:
            session = aiohttp.ClientSession(cookies={"kinerja_web": cookie})
            sessions.append(session)
            try:
                sockets.append(await session.ws_connect(url))
                statuses.append(101)
            except aiohttp.WSServerHandshakeError as refused:
                statuses.append(refused.status)
    finally:
        for socket in sockets:
            await socket.close()
        for session in sessions:
            await session.close()
    return statuses


def test_the_service_runs_no_more_apps_than_its_machine_was_given(
    live_server: LiveServer, tmp_path: Path
) -> None:
    """--max-apps counts everyone's apps: a second person is turned away while two run."""
    other = make_nip(77)
    live_server.account(NIP, NAME)
    live_server.account(other, "Pegawai Lain")
    web = WebProcess.start(tmp_path / "svc", live_server.base_url, "--max-apps", "2")
    try:
        _answer, cookie = sign_in(web)
        with web.client() as client:
            answer = client.post("/login", data={"nip": other, "password": DEFAULT_PASSWORD})
            assert answer.status_code == 303
            other_cookie = client.cookies["kinerja_web"]
        ws_url = web.url.replace("http", "ws") + "/ws"
        statuses = asyncio.run(_statuses(ws_url, [cookie, cookie, other_cookie]))
        assert statuses == [101, 101, 503]
    finally:
        web.stop()
