"""Sign-in: the brakes on guessing, tried from one address and from many; tokens revoked.

The in-process test server believes X-Forwarded-For from loopback (uvicorn's
default), which lets these tests speak from many addresses; what
``kinerja-server serve`` believes is tested against the command itself.
"""

from __future__ import annotations

import concurrent.futures
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import update

from server import db
from server.importer import Row, import_rows
from tests.server.serving import Served
from tests.server.test_cli import run
from tests.support.live_server import DEFAULT_PASSWORD, LiveServer, make_nip

OWNER = make_nip(1)


def sign_in(
    server: LiveServer | Served, nip: str, password: str, address: str | None = None
) -> httpx.Response:
    headers = {"X-Forwarded-For": address} if address else {}
    with httpx.Client(verify=getattr(server, "verify", True)) as client:
        return client.post(
            f"{server.base_url}/session", json={"nip": nip, "password": password}, headers=headers
        )


def _age_failures(server: LiveServer, seconds: float) -> None:
    """Time passes: every failure counted so far happened ``seconds`` ago."""
    with db.writing(server.engine) as conn:
        conn.execute(update(db.sign_in_failures).values(at=db.now() - timedelta(seconds=seconds)))


def test_one_address_trying_many_nips_is_stopped(live_server: LiveServer) -> None:
    live_server.account(OWNER, "Pemilik Akun")
    for n in range(20):
        assert sign_in(live_server, make_nip(100 + n), "tebakan", "203.0.113.9").status_code == 401
    stopped = sign_in(live_server, OWNER, DEFAULT_PASSWORD, "203.0.113.9")
    assert stopped.status_code == 429 and stopped.json()["error"]["code"] == "throttled"
    assert 14 * 60 < int(stopped.headers["Retry-After"]) <= 15 * 60
    # Another address (another office) signs in as ever.
    assert sign_in(live_server, OWNER, DEFAULT_PASSWORD, "198.51.100.7").status_code == 200


def test_five_wrong_guesses_stop_that_nip_from_that_address_only_and_slow_it_a_minute(
    live_server: LiveServer,
) -> None:
    live_server.account(OWNER, "Pemilik Akun")
    for _ in range(5):
        assert sign_in(live_server, OWNER, "salah", "203.0.113.9").status_code == 401
    pair = sign_in(live_server, OWNER, DEFAULT_PASSWORD, "203.0.113.9")
    assert pair.status_code == 429 and int(pair.headers["Retry-After"]) > 14 * 60
    # The owner, elsewhere, waits at most a minute, then signs in.
    elsewhere = sign_in(live_server, OWNER, DEFAULT_PASSWORD, "198.51.100.7")
    assert elsewhere.status_code == 429 and int(elsewhere.headers["Retry-After"]) <= 60
    _age_failures(live_server, 61)
    assert sign_in(live_server, OWNER, DEFAULT_PASSWORD, "198.51.100.7").status_code == 200
    # The stranger's address stays stopped for that NIP for the rest of the quarter hour.
    assert sign_in(live_server, OWNER, DEFAULT_PASSWORD, "203.0.113.9").status_code == 429
    _age_failures(live_server, 15 * 60 + 1)
    assert sign_in(live_server, OWNER, DEFAULT_PASSWORD, "203.0.113.9").status_code == 200


def test_a_guess_spread_over_many_addresses_gets_one_try_a_minute(live_server: LiveServer) -> None:
    live_server.account(OWNER, "Pemilik Akun")
    for n in range(5):
        assert sign_in(live_server, OWNER, "salah", f"203.0.113.{n}").status_code == 401
    slowed = sign_in(live_server, OWNER, "salah", "203.0.113.50")
    assert slowed.status_code == 429 and 0 < int(slowed.headers["Retry-After"]) <= 60
    _age_failures(live_server, 61)
    assert sign_in(live_server, OWNER, "salah", "203.0.113.51").status_code == 401
    assert sign_in(live_server, OWNER, "salah", "203.0.113.52").status_code == 429
    # And never more than a minute for the owner.
    again = sign_in(live_server, OWNER, DEFAULT_PASSWORD, "198.51.100.7")
    assert again.status_code == 429 and int(again.headers["Retry-After"]) <= 60


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_parallel_guesses_do_not_slip_past_the_brake(
    database: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    url = None if database == "sqlite" else str(request.getfixturevalue("pg_database"))
    server = LiveServer.start(tmp_path / "server", url)
    try:
        server.account(OWNER, "Pemilik Akun")
        with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
            answers = list(
                pool.map(
                    lambda _n: sign_in(server, OWNER, "salah", "203.0.113.9").status_code,
                    range(24),
                )
            )
    finally:
        server.close()
    assert answers.count(401) == 5 and answers.count(429) == 19, answers


def test_an_unknown_nip_is_braked_like_a_known_one(live_server: LiveServer) -> None:
    live_server.account(OWNER, "Pemilik Akun")
    codes = [
        [sign_in(live_server, nip, "salah", "203.0.113.9").status_code for _ in range(6)]
        for nip in (OWNER, make_nip(99))
    ]
    assert codes[0] == codes[1] == [401] * 5 + [429]


def _seed(folder: Path) -> None:
    engine = db.make_engine(f"sqlite:///{folder / 'kinerja.sqlite3'}")
    import_rows(engine, [Row(2, OWNER, "Pemilik", "PNS", "Penata", "Analis", "Bidang", None, ())])
    engine.dispose()
    assert (
        run(
            "set-password",
            OWNER,
            "--db",
            f"sqlite:///{folder / 'kinerja.sqlite3'}",
            stdin="rahasia-123\n",
        ).returncode
        == 0
    )


def test_serve_believes_forwarded_addresses_only_from_the_proxies_named(tmp_path: Path) -> None:
    for trusted in (False, True):
        folder = tmp_path / f"trusted-{trusted}"
        folder.mkdir()
        flags = ("--forwarded-allow-ips", "127.0.0.1") if trusted else ()
        served = Served.start(folder, *flags)
        try:
            _seed(folder)
            for n in range(5):
                assert sign_in(served, OWNER, "salah", f"203.0.113.{n}").status_code == 401
            sixth = sign_in(served, OWNER, "salah", "203.0.113.99")
            assert sixth.status_code == 429
            wait = int(sixth.headers["Retry-After"])
            # Believed: five addresses, so only the NIP's one-minute brake. Not believed: all
            # five came from 127.0.0.1, whose pair brake holds for a quarter of an hour.
            assert (wait <= 60) if trusted else (wait > 14 * 60), (trusted, wait)
        finally:
            served.stop()


def test_set_password_and_revoke_end_the_persons_sessions(live_server: LiveServer) -> None:
    other = make_nip(2)
    tokens = [live_server.account(OWNER, "Pemilik Akun"), live_server.login(OWNER)]
    bystander = live_server.account(other, "Rekan Kerja")

    def works(token: str) -> bool:
        with live_server.client(token) as client:
            return client.get("/changes").status_code == 200

    assert all(works(t) for t in tokens)
    changed = run("set-password", OWNER, "--db", live_server.db_url, stdin="kata-sandi-baru\n")
    assert changed.returncode == 0, changed.stderr
    assert not any(works(t) for t in tokens) and works(bystander)
    laptop, phone = (
        live_server.login(OWNER, "kata-sandi-baru"),
        live_server.login(OWNER, "kata-sandi-baru"),
    )
    revoked = run("revoke", OWNER, "--db", live_server.db_url, env={"KINERJA_LANG": "en"})
    assert revoked.returncode == 0 and "2 session(s)" in revoked.stdout
    assert not works(laptop) and not works(phone) and works(bystander)
    assert live_server.login(OWNER, "kata-sandi-baru")  # a new sign-in works
    unknown = run("revoke", make_nip(77), "--db", live_server.db_url)
    assert unknown.returncode == 1 and len(unknown.stderr.splitlines()) == 1
