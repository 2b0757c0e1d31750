"""The link's patience and its distinct errors, with faults injected by respx."""

from __future__ import annotations

import httpx
import orjson
import pytest
import respx

from sync.link import (
    AuthExpired,
    BadCredentials,
    EpochChanged,
    Link,
    MalformedAnswer,
    Patience,
    RequestRefused,
    TooManyAttempts,
    Unreachable,
)

BASE = "http://kinerja.test"
API = BASE + "/api/v1"
HELLO = {"protocol": 2, "epoch": "e1", "server_time": "2026-01-01T00:00:00+00:00"}


class Sleeps(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


def link(sleeps: Sleeps, attempts: int = 4) -> Link:
    return Link(
        BASE,
        "tok",
        patience=Patience(attempts=attempts, backoff_initial=0.5, backoff_max=4),
        sleep=sleeps,
    )


@respx.mock
def test_connect_errors_then_success_retries_with_growing_backoff(sleeps: Sleeps) -> None:
    route = respx.get(API + "/hello").mock(
        side_effect=[
            httpx.ConnectError("down"),
            httpx.ConnectError("down"),
            httpx.Response(200, json=HELLO),
        ]
    )
    assert link(sleeps).hello()["epoch"] == "e1"
    assert route.call_count == 3
    assert len(sleeps) == 2
    # exponential with jitter: the second wait starts from twice the first's base
    assert 0.5 <= sleeps[0] <= 1.5 and 1.0 <= sleeps[1] <= 2.0


@respx.mock
def test_read_timeouts_and_500s_are_retried(sleeps: Sleeps) -> None:
    route = respx.get(API + "/changes").mock(
        side_effect=[
            httpx.ReadTimeout("slow"),
            httpx.Response(500),
            httpx.Response(503),
            httpx.Response(200, json={"epoch": "e1", "changes": [], "next": 0, "more": False}),
        ]
    )
    assert link(sleeps).changes(0, 10)["more"] is False
    assert route.call_count == 4


@respx.mock
def test_attempts_are_bounded_and_end_in_unreachable(sleeps: Sleeps) -> None:
    route = respx.get(API + "/hello").mock(side_effect=httpx.ConnectError("down"))
    with pytest.raises(Unreachable):
        link(sleeps, attempts=3).hello()
    assert route.call_count == 3
    assert len(sleeps) == 2


@respx.mock
def test_429_waits_what_retry_after_says(sleeps: Sleeps) -> None:
    respx.get(API + "/hello").mock(
        side_effect=[
            httpx.Response(429, headers={"Retry-After": "7"}),
            httpx.Response(200, json=HELLO),
        ]
    )
    link(sleeps).hello()
    assert sleeps == [7.0]


@respx.mock
def test_retry_after_is_capped(sleeps: Sleeps) -> None:
    respx.get(API + "/hello").mock(
        side_effect=[
            httpx.Response(503, headers={"Retry-After": "86400"}),
            httpx.Response(200, json=HELLO),
        ]
    )
    Link(BASE, patience=Patience(retry_after_max=60), sleep=sleeps).hello()
    assert sleeps == [60.0]


@respx.mock
def test_401_is_auth_expired_and_not_retried(sleeps: Sleeps) -> None:
    route = respx.get(API + "/changes").mock(return_value=httpx.Response(401))
    with pytest.raises(AuthExpired):
        link(sleeps).changes(0, 10)
    assert route.call_count == 1 and sleeps == []


@respx.mock
def test_401_on_login_is_bad_credentials(sleeps: Sleeps) -> None:
    respx.post(API + "/session").mock(
        return_value=httpx.Response(401, json={"error": {"code": "x"}})
    )
    with pytest.raises(BadCredentials):
        Link(BASE, sleep=sleeps).open_session("199001012015011001", "nope")


@respx.mock
def test_429_on_login_is_told_at_once_not_waited_out(sleeps: Sleeps) -> None:
    route = respx.post(API + "/session").mock(
        return_value=httpx.Response(429, headers={"Retry-After": "300"})
    )
    with pytest.raises(TooManyAttempts) as refused:
        Link(BASE, sleep=sleeps).open_session("199001012015011001", "nope")
    assert refused.value.retry_after == 300 and route.call_count == 1 and sleeps == []


@respx.mock
def test_409_is_epoch_changed(sleeps: Sleeps) -> None:
    respx.post(API + "/push").mock(
        return_value=httpx.Response(409, json={"error": {"code": "epoch"}})
    )
    with pytest.raises(EpochChanged):
        link(sleeps).push(b'{"client_id":"c","epoch":"old","mutations":[]}')


@respx.mock
def test_400_is_refused_with_the_servers_reason(sleeps: Sleeps) -> None:
    respx.post(API + "/push").mock(
        return_value=httpx.Response(
            400, json={"error": {"code": "shape", "message": "no mutations"}}
        )
    )
    with pytest.raises(RequestRefused, match="no mutations"):
        link(sleeps).push(b"{}")


@pytest.mark.parametrize(
    "body",
    [
        b"<html>proxy login</html>",
        b"[1, 2]",
        b'{"epoch": "e1"}',
        b'{"changes": [], "next": "x", "more": false}',
    ],
    ids=["html", "array", "missing-fields", "wrong-types"],
)
@respx.mock
def test_malformed_answers_are_a_clear_error(sleeps: Sleeps, body: bytes) -> None:
    respx.get(API + "/changes").mock(return_value=httpx.Response(200, content=body))
    with pytest.raises(MalformedAnswer, match="/changes"):
        link(sleeps).changes(0, 10)


@respx.mock
def test_a_push_retry_sends_the_same_bytes(sleeps: Sleeps) -> None:
    seen: list[bytes] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request.content)
        if len(seen) == 1:
            raise httpx.ReadTimeout("answer lost", request=request)
        return httpx.Response(200, json={"epoch": "e1", "results": []})

    respx.post(API + "/push").mock(side_effect=answer)
    batch = orjson.dumps({"client_id": "c", "epoch": "e1", "mutations": []})
    link(sleeps).push(batch)
    assert seen == [batch, batch]


@respx.mock
def test_token_and_timeouts_are_sent(sleeps: Sleeps) -> None:
    route = respx.get(API + "/hello").mock(return_value=httpx.Response(200, json=HELLO))
    client = Link(BASE, "secret", sleep=sleeps)
    client.hello()
    request = route.calls.last.request
    assert request.headers["Authorization"] == "Bearer secret"
    assert request.extensions["timeout"] == {
        "connect": 15.0,
        "read": 60.0,
        "write": 60.0,
        "pool": 15.0,
    }
