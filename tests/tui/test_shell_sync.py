"""Background sync: offline start, work kept, synced once the server is back; lazy imports."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from client.services import open_services
from client.signin import sign_in
from client.sync_status import next_delay
from demo.office import SUPERIOR
from demo.offline import install_profile
from tests.support.live_server import DEFAULT_PASSWORD, LiveServer, make_nip
from tests.tui.shell_world import screen_text
from tests.tui.test_shell_first_run import wait_for
from tui.app import KinerjaApp

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_LANG", "id")


async def test_offline_start_keeps_work_and_syncs_when_the_server_is_back(
    tmp_path: Path, live_server: LiveServer
) -> None:
    nip = make_nip(11)
    live_server.account(nip, "Nurlaila Sahupala")
    sign_in(tmp_path, live_server.root_url, nip, DEFAULT_PASSWORD)
    live_server.stop()

    services = open_services(tmp_path)
    assert services is not None
    app = KinerjaApp(tmp_path, services)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.sub_title.startswith("Luring"))
        await wait_for(pilot, lambda: "server tidak menjawab" in screen_text(app))
        training = {
            "title": "Pelatihan OSS berbasis risiko",
            "path": "classical",
            "jp": 16,
            "start": "2026-11-02",
            "end": "2026-11-03",
        }
        services.store.records.edit(
            "training", services.store.records.new_id(), training, owner=nip, by=nip
        )
        services.request_sync()  # still offline: the change waits in the outbox
        await wait_for(pilot, lambda: app.sub_title.startswith("Luring · 1 tertunda"))

        live_server.restart()
        await pilot.press("f9")
        await wait_for(pilot, lambda: app.sub_title.startswith("Daring"))
        assert "tertunda" not in app.sub_title
        # her employee record came down, and Beranda re-read the store
        await wait_for(pilot, lambda: "Nurlaila Sahupala" in screen_text(app))
    assert live_server.record_of("training", owner=nip)["data"]["title"] == training["title"]


def test_retries_back_off_while_offline_up_to_the_interval() -> None:
    assert [next_delay(False, n, 300) for n in (1, 2, 3, 4, 5, 6)] == [30, 60, 120, 240, 300, 300]
    assert next_delay(True, 0, 300) == 300


def test_no_httpx_nor_server_code_before_the_first_screen(tmp_path: Path) -> None:
    install_profile(tmp_path, SUPERIOR.nip)
    env = {**os.environ, "KINERJA_HOME": str(tmp_path), "KINERJA_BENCH_T0": str(time.time())}
    result = subprocess.run(
        [sys.executable, "-m", "tui.cli"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    ready = [line for line in result.stderr.splitlines() if line.startswith("ready ")]
    assert ready and ready[0].endswith("httpx=False server=False"), result.stderr
