"""After an idle round the screens are left as they are; a round that brought records re-reads,
off the event loop."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from client.sync_status import RoundOutcome
from sync.engine import RoundReport
from tests.tui.shell_world import shell_app, signed_in
from tests.tui.test_shell_first_run import wait_for
from tui.screens.home import screen as home_screen


async def test_only_a_round_that_changed_the_store_makes_beranda_read_it_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports = [RoundReport(), RoundReport(received=3)]
    rounds: list[RoundReport] = []

    go = threading.Event()

    def runner(_services: Any, _progress: Any) -> RoundOutcome:
        go.wait(10)  # the first screen is drawn before the first round ends
        report = reports[min(len(rounds), 1)]
        rounds.append(report)
        return RoundOutcome(online=True, report=report, error=None)

    reads: list[int] = []
    threads: list[threading.Thread] = []
    real = home_screen.home_facts

    def read(services: Any) -> Any:
        reads.append(1)
        threads.append(threading.current_thread())
        return real(services)

    monkeypatch.setattr(home_screen, "home_facts", read)
    services = signed_in(tmp_path)
    app = shell_app(tmp_path, services, sync_runner=runner)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: len(reads) >= 1)  # the first screen itself
        shown = len(reads)
        go.set()
        await wait_for(pilot, lambda: len(rounds) == 1 and app.sub_title.startswith("Daring"))
        await pilot.pause()
        assert len(reads) == shown  # idle: Beranda only told when it ended
        app.request_sync()
        await wait_for(pilot, lambda: len(rounds) == 2)
        await wait_for(pilot, lambda: len(reads) == shown + 1)
    assert len(reads) == shown + 1  # the round that received records: read once
    # ... and off the event loop: keys are answered while a big store is read.
    assert threads[-1] is not threading.main_thread()
