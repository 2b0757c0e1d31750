"""Faults on cue between a device and the real server: lost answers, a dead token."""

from __future__ import annotations

from pathlib import Path

import httpx
import respx

from sync.choices import waiting
from tests.support.live_server import LiveServer, make_nip
from tests.sync.devices import Device, training

NIP = make_nip(7)


def relay(real: httpx.HTTPTransport, request: httpx.Request) -> httpx.Response:
    """The real server's answer, read whole and detached from its connection."""
    response = real.handle_request(request)
    body = response.read()
    response.close()
    headers = [
        (k, v)
        for k, v in response.headers.items()
        if k.lower() not in ("content-encoding", "transfer-encoding")
    ]
    return httpx.Response(response.status_code, headers=headers, content=body)


def faulty_link(router: respx.MockRouter, real: httpx.HTTPTransport) -> httpx.MockTransport:
    """A transport for the Link: the router's faults first, the real server for the rest."""

    def forward(request: httpx.Request) -> httpx.Response:
        return relay(real, request)

    router.route().mock(side_effect=forward)  # added last: matched only when no fault route is
    return httpx.MockTransport(router.handler)


def new_router() -> respx.MockRouter:
    return respx.MockRouter(assert_all_called=False, assert_all_mocked=False)


def test_a_push_applied_but_whose_answer_is_lost_is_retried_safely(
    live_server: LiveServer, tmp_path: Path
) -> None:
    token = live_server.account(NIP, "Budi Santoso")
    device = Device(tmp_path / "device", live_server, NIP, token)
    record_id = device.create(training())
    real = httpx.HTTPTransport()
    router = new_router()
    pushes: list[bytes] = []

    def apply_then_lose_the_answer(request: httpx.Request) -> httpx.Response:
        pushes.append(request.content)
        response = relay(real, request)
        if len(pushes) == 1:
            raise httpx.ReadTimeout("the link dropped before the answer came", request=request)
        return response

    router.post(path__regex=r"/push$").mock(side_effect=apply_then_lose_the_answer)
    report = device.sync(transport=faulty_link(router, real))

    assert len(pushes) == 2 and pushes[0] == pushes[1]  # byte for byte the same batch
    assert (report.sent, report.duplicates, report.applied) == (1, 1, 0)
    assert device.outbox() == []
    changes, _ = live_server.pull_all(token)
    trainings = [c for c in changes if c["collection"] == "training"]
    assert [(t["id"], t["rev"]) for t in trainings] == [(record_id, 1)]
    assert device.record(record_id)["rev"] == 1


def test_server_errors_and_timeouts_on_the_way_are_ridden_out(
    live_server: LiveServer, tmp_path: Path
) -> None:
    token = live_server.account(NIP, "Budi Santoso")
    device = Device(tmp_path / "device", live_server, NIP, token)
    device.create(training())
    real = httpx.HTTPTransport()
    router = new_router()
    faults = iter(
        [
            httpx.Response(503),
            httpx.ConnectError("no route"),
            httpx.Response(429, headers={"Retry-After": "0"}),
        ]
    )

    def flaky(request: httpx.Request) -> httpx.Response:
        fault = next(faults, None)
        if isinstance(fault, Exception):
            raise fault
        if fault is not None:
            return fault
        return relay(real, request)

    router.get(path__regex=r"/changes$").mock(side_effect=flaky)
    report = device.sync(transport=faulty_link(router, real))
    assert report.applied == 1 and report.received >= 1 and device.outbox() == []


def test_a_malformed_answer_ends_the_round_with_nothing_lost(
    live_server: LiveServer, tmp_path: Path
) -> None:
    token = live_server.account(NIP, "Budi Santoso")
    device = Device(tmp_path / "device", live_server, NIP, token)
    device.create(training())
    real = httpx.HTTPTransport()
    router = new_router()
    router.post(path__regex=r"/push$").mock(
        return_value=httpx.Response(200, text="<html>captive portal</html>")
    )
    engine = device.engine(transport=faulty_link(router, real))
    report = engine.run_round()
    assert report.error == "malformed" and "/push" in (report.detail or "")
    assert len(device.outbox()) == 1 and device.outbox()[0]["sent_at"] is not None
    device.sync()  # the frozen mutation goes as it was
    assert device.outbox() == []


def test_a_revoked_token_stops_the_round_and_keeps_everything(
    live_server: LiveServer, tmp_path: Path
) -> None:
    token = live_server.account(NIP, "Budi Santoso")
    device = Device(tmp_path / "device", live_server, NIP, token)
    record_id = device.create(training())
    with live_server.client(token) as client:
        assert client.delete("/session").status_code == 204
    report = device.engine().run_round()
    assert report.error == "auth"
    assert [entry["id"] for entry in device.outbox()] == [record_id]
    assert waiting(device.store).pending == 1
    assert device.record(record_id)["data"] == training()


def test_an_edit_queued_behind_a_sent_mutation_goes_once_that_one_is_acknowledged(
    live_server: LiveServer, tmp_path: Path
) -> None:
    token = live_server.account(NIP, "Budi Santoso")
    device = Device(tmp_path / "device", live_server, NIP, token)
    record_id = device.create(training())
    real = httpx.HTTPTransport()
    router = new_router()
    router.post(path__regex=r"/push$").mock(side_effect=httpx.ConnectError("link down"))
    assert device.engine(transport=faulty_link(router, real)).run_round().error == "unreachable"
    [first] = device.outbox()
    assert first["sent_at"] is not None  # frozen: the next edit can't fold into it
    device.edit(record_id, training(jp=30))
    first_again, follower = device.outbox()
    assert first_again == first and follower["after"] == first["mutation_id"]

    steps: list[str] = []
    report = device.engine().run_round(progress=lambda step: steps.append(step.phase))
    assert report.error is None and (report.sent, report.applied) == (2, 2)
    assert steps[0] == "hello" and steps[-1] == "done" and {"push", "pull"} <= set(steps)
    on_server = live_server.record_of("training", id=record_id)
    assert (on_server["rev"], on_server["data"]["jp"]) == (2, 30)
    assert device.outbox() == [] and device.record(record_id)["rev"] == 2


def test_a_409_mid_round_restarts_the_round_once(live_server: LiveServer, tmp_path: Path) -> None:
    token = live_server.account(NIP, "Budi Santoso")
    device = Device(tmp_path / "device", live_server, NIP, token)
    device.create(training())
    real = httpx.HTTPTransport()
    router = new_router()
    pushes: list[int] = []

    def epoch_then_real(request: httpx.Request) -> httpx.Response:
        pushes.append(1)
        if len(pushes) == 1:
            return httpx.Response(409, json={"error": {"code": "epoch", "message": "restored"}})
        return relay(real, request)

    router.post(path__regex=r"/push$").mock(side_effect=epoch_then_real)
    report = device.engine(transport=faulty_link(router, real)).run_round()
    assert report.error is None and report.applied == 1 and len(pushes) == 2


def test_a_conflict_whose_answer_is_lost_is_still_kept_for_a_person(
    live_server: LiveServer, tmp_path: Path
) -> None:
    live_server.add_employee(NIP, "Budi Santoso")
    live_server.set_password(NIP)
    laptop = Device(tmp_path / "laptop", live_server, NIP, live_server.login(NIP))
    office = Device(tmp_path / "office", live_server, NIP, live_server.login(NIP))
    record_id = laptop.create(training())
    laptop.sync()
    office.sync()
    laptop.edit(record_id, training(jp=24))
    laptop.sync()
    office.edit(record_id, training(jp=40))
    real = httpx.HTTPTransport()
    router = new_router()
    answers: list[str] = []

    def conflict_then_lose_the_answer(request: httpx.Request) -> httpx.Response:
        response = relay(real, request)
        answers.append(response.json()["results"][0]["status"])
        if len(answers) == 1:
            raise httpx.ReadTimeout("answer lost", request=request)
        return response

    router.post(path__regex=r"/push$").mock(side_effect=conflict_then_lose_the_answer)
    report = office.engine(transport=faulty_link(router, real)).run_round()
    assert answers == ["conflict", "duplicate"]
    assert report.error is None and (report.duplicates, report.conflicts) == (1, 1)
    mine = office.record(record_id)
    assert mine["data"]["jp"] == 40 and mine["local_conflict"]["data"]["jp"] == 24
