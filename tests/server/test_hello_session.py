"""Hello and sessions: sign in, tokens expired, revoked and forged (the brakes: test_sign_in)."""

from __future__ import annotations

from datetime import datetime, timedelta

import httpx
from sqlalchemy import update

from server import db
from tests.support.live_server import LiveServer, make_nip

BOSS = make_nip(1)


def test_hello_needs_no_token_and_names_the_epoch(live_server: LiveServer) -> None:
    answer = httpx.get(f"{live_server.base_url}/hello")
    assert answer.status_code == 200
    body = answer.json()
    assert body["protocol"] == 2
    assert body["epoch"] and isinstance(body["epoch"], str)
    assert "T" in body["server_time"]


def test_login_returns_a_token_and_the_user(live_server: LiveServer) -> None:
    live_server.add_employee(BOSS, "Kepala Bidang", roles=["admin"])
    live_server.set_password(BOSS, "kata-sandi")
    answer = httpx.post(
        f"{live_server.base_url}/session", json={"nip": BOSS, "password": "kata-sandi"}
    )
    assert answer.status_code == 200
    body = answer.json()
    assert len(body["token"]) >= 43
    assert body["user"] == {"nip": BOSS, "name": "Kepala Bidang", "roles": ["admin"]}
    with live_server.client(body["token"]) as client:
        assert client.get("/changes").status_code == 200


def test_bad_password_and_unknown_nip_get_401(live_server: LiveServer) -> None:
    live_server.add_employee(BOSS, "Kepala Bidang")
    live_server.set_password(BOSS, "kata-sandi")
    for nip in (BOSS, make_nip(9)):
        answer = httpx.post(
            f"{live_server.base_url}/session", json={"nip": nip, "password": "salah"}
        )
        assert answer.status_code == 401
        assert answer.json()["error"]["code"] == "bad_credentials"


def test_calls_without_a_valid_token_get_401(live_server: LiveServer) -> None:
    token = live_server.account(BOSS, "Kepala Bidang")
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    for headers in ({}, {"Authorization": f"Bearer {forged}"}, {"Authorization": f"Basic {token}"}):
        answer = httpx.get(f"{live_server.base_url}/changes", headers=headers)
        assert answer.status_code == 401, headers
        assert answer.json()["error"]["code"] == "unauthorized"


def test_revoked_token_no_longer_works(live_server: LiveServer) -> None:
    token = live_server.account(BOSS, "Kepala Bidang")
    other = live_server.login(BOSS)
    with live_server.client(token) as client:
        assert client.delete("/session").status_code == 204
        assert client.get("/changes").status_code == 401
        assert client.delete("/session").status_code == 401
    with live_server.client(other) as client:
        assert client.get("/changes").status_code == 200


def test_expired_token_no_longer_works(live_server: LiveServer) -> None:
    token = live_server.account(BOSS, "Kepala Bidang")
    with live_server.client(token) as client:
        assert client.get("/changes").status_code == 200
        with db.writing(live_server.engine) as conn:
            conn.execute(update(db.tokens).values(expires_at=db.now() - timedelta(seconds=1)))
        assert client.get("/changes").status_code == 401


def test_token_lifetime_is_thirty_days_by_default(live_server: LiveServer) -> None:
    live_server.add_employee(BOSS, "Kepala Bidang")
    live_server.set_password(BOSS, "kata-sandi")
    before = db.now()
    body = httpx.post(
        f"{live_server.base_url}/session", json={"nip": BOSS, "password": "kata-sandi"}
    ).json()
    expires = datetime.fromisoformat(body["expires_at"])
    assert timedelta(days=30) <= expires - before <= timedelta(days=30, minutes=1)
