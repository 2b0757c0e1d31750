"""Bad input: 400 or 413 in the error shape, 409 for another epoch, and nothing stored."""

from __future__ import annotations

import json

import httpx
import pytest

from server import db
from tests.server import samples
from tests.support.live_server import LiveServer, make_nip, mutation

STAFF = make_nip(1)


@pytest.fixture
def token(live_server: LiveServer) -> str:
    live_server.add_employee(STAFF, "Staf Pelayanan")
    return live_server.token_for(STAFF)


def _body(live_server: LiveServer, mutations: list[dict[str, object]]) -> dict[str, object]:
    return {"client_id": "laptop-1", "epoch": live_server.epoch(), "mutations": mutations}


def _body_text(live_server: LiveServer, mutation: dict[str, object]) -> bytes:
    return json.dumps(_body(live_server, [mutation]), separators=(",", ":")).encode()


def _assert_error(answer: httpx.Response, status: int) -> dict[str, str]:
    assert answer.status_code == status, answer.text
    error = answer.json()["error"]
    assert error["code"] and error["message"]
    return error


def _seq(live_server: LiveServer) -> int:
    with db.reading(live_server.engine) as conn:
        return db.current_seq(conn)


def test_bad_bodies_get_400_and_store_nothing(live_server: LiveServer, token: str) -> None:
    good = mutation("training", samples.training(), owner=STAFF)
    before = _seq(live_server)
    wrong = [
        b"{not json",
        b"[]",
        b'{"client_id": "x", "epoch": "y"}',
        httpx.Request(
            "POST", "/", json=_body(live_server, [dict(good, collection="cuti")])
        ).content,
        httpx.Request("POST", "/", json=_body(live_server, [dict(good, op="merge")])).content,
        httpx.Request("POST", "/", json=_body(live_server, [dict(good, data=[1, 2])])).content,
        httpx.Request("POST", "/", json=_body(live_server, [dict(good, extra=1)])).content,
        httpx.Request("POST", "/", json=_body(live_server, [good] * 501)).content,
        httpx.Request(
            "POST", "/", json={**_body(live_server, [good]), "mutations": "semua"}
        ).content,
        # What the databases cannot keep: NUL, a lone surrogate; numbers JSON has not.
        _body_text(live_server, good).replace(b"Pelatihan", b"Pelatihan \\u0000"),
        _body_text(live_server, good).replace(b"Pelatihan", b"Pelatihan \\udabb"),
        _body_text(live_server, good).replace(b'"jp":20', b'"jp":Infinity'),
        _body_text(live_server, good).replace(b'"jp":20', b'"jp":1' + b"0" * 30),
    ]
    with live_server.client(token) as client:
        for content in wrong:
            answer = client.post(
                "/push", content=content, headers={"Content-Type": "application/json"}
            )
            _assert_error(answer, 400)
    assert _seq(live_server) == before


def test_error_messages_speak_indonesian(live_server: LiveServer, token: str) -> None:
    with live_server.client(token) as client:
        answer = client.post("/push", content=b"{", headers={"Content-Type": "application/json"})
    assert _assert_error(answer, 400)["message"] == "Isi permintaan bukan JSON yang sah."


def test_a_body_over_5_mb_gets_413(live_server: LiveServer, token: str) -> None:
    big = mutation("training", dict(samples.training(), title="x" * (5 * 1024 * 1024)), owner=STAFF)
    before = _seq(live_server)
    with live_server.client(token) as client:
        _assert_error(client.post("/push", json=_body(live_server, [big])), 413)

        def chunks():  # no Content-Length: counted as it arrives
            yield b'{"client_id": "x", "epoch": "y", "mutations": ["'
            for _ in range(6):
                yield b"x" * (1024 * 1024)
            yield b'"]}'

        _assert_error(
            client.post("/push", content=chunks(), headers={"Content-Type": "application/json"}),
            413,
        )
    assert _seq(live_server) == before


def test_500_mutations_are_accepted(live_server: LiveServer, token: str) -> None:
    batch = [mutation("training", samples.training(title=f"T{n}"), owner=STAFF) for n in range(500)]
    results = live_server.push(token, batch)
    assert len(results) == 500 and {r["status"] for r in results} == {"applied"}


def test_another_epoch_gets_409_and_stores_nothing(live_server: LiveServer, token: str) -> None:
    before = _seq(live_server)
    body = {
        **_body(live_server, [mutation("training", samples.training(), owner=STAFF)]),
        "epoch": "older",
    }
    with live_server.client(token) as client:
        assert _assert_error(client.post("/push", json=body), 409)["code"] == "epoch"
    assert _seq(live_server) == before


def test_bad_queries_and_unknown_paths(live_server: LiveServer, token: str) -> None:
    with live_server.client(token) as client:
        for params in ({"limit": 1001}, {"limit": 0}, {"since": -1}, {"since": "kemarin"}):
            _assert_error(client.get("/changes", params=params), 400)
        _assert_error(client.get("/cuti"), 404)
        _assert_error(client.put("/push", json={}), 405)
    _assert_error(httpx.post(f"{live_server.base_url}/session", json={"nip": STAFF}), 400)
