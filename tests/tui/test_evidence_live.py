"""An evidence file attached in the app goes up under protocol 2 at the next sync, resumes
after a dropped link without sending a byte twice, and the PPK opens it from Evaluasi."""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest

from client.services import Services
from sync.blobs import PART_BYTES
from tests.support.live_server import LiveServer
from tests.sync.test_live_blobs import PPK, STAFF, Office
from tests.sync.test_live_faults import faulty_link, new_router, relay
from tests.tui.test_evidence_files import options_of
from tests.tui.test_plan_world import FIXED_NOW, Host, screen_text, type_text
from tui.screens.evaluation.screen import EvaluationScreen
from tui.screens.progress.screen import ProgressScreen

SIZE = (80, 24)


def services(device: object, nip: str) -> Services:
    return Services(
        store=device.store,  # type: ignore[attr-defined]
        me=nip,
        home=device.home,  # type: ignore[attr-defined]
        lang="en",
        clock=lambda: FIXED_NOW,
    )


async def test_attached_uploaded_resumed_and_opened_by_the_ppk(
    live_server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = Office(live_server, tmp_path)
    size = 3 * PART_BYTES + 10
    scan = tmp_path / "scan-izin.pdf"
    scan.write_bytes(os.urandom(size))
    monkeypatch.chdir(tmp_path)

    app = Host(lambda: ProgressScreen(services(office.staff, STAFF)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await type_text(pilot, "7")
        await pilot.press("ctrl+o")
        await type_text(pilot, "scan-iz")
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
    [record] = office.staff.store.records.list("progress", owner=STAFF)
    sha = record["data"]["evidence"][0]["blob"]["sha256"]

    real = httpx.HTTPTransport()
    sent: list[int] = []

    def drops_after_two_parts(request: httpx.Request) -> httpx.Response:
        if len(sent) == 2:
            raise httpx.ConnectError("the link dropped", request=request)
        sent.append(len(request.content))
        return relay(real, request)

    router = new_router()
    router.put(path__regex=r"/blobs/").mock(side_effect=drops_after_two_parts)
    first = office.staff.engine(transport=faulty_link(router, real)).run_round()
    assert first.error == "unreachable" and sent == [PART_BYTES, PART_BYTES]

    resumed: list[int] = []

    def counted(request: httpx.Request) -> httpx.Response:
        resumed.append(len(request.content))
        return relay(real, request)

    router = new_router()
    router.put(path__regex=r"/blobs/").mock(side_effect=counted)
    second = office.staff.sync(transport=faulty_link(router, real))
    assert sum(sent) + sum(resumed) == size  # nothing sent twice
    assert (second.blobs_sent, second.applied) == (1, 1)

    office.ppk.sync()
    assert office.ppk.store.blobs.path(sha) is None  # fetched only when opened
    out = tmp_path / "unduhan"
    out.mkdir()
    app = Host(lambda: EvaluationScreen(services(office.ppk, PPK)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert "scan-izin.pdf · 3 MB · application/pdf (on the server)" in options_of(
            app, "#evidence-list"
        )
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, "unduhan/")
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert f"Saved as {out / 'scan-izin.pdf'}" in screen_text(app)
        assert "(on this computer)" in options_of(app, "#evidence-list")
    assert (out / "scan-izin.pdf").read_bytes() == scan.read_bytes()
