"""A save that returned survives SIGKILL at any instant, and the store always opens."""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

from tests.store.helpers import (
    assert_consistent,
    close_pipes,
    open_even_if_damaged,
    start_writer,
)

KILLS = 50


def test_every_returned_save_survives_sigkill_at_random_instants(tmp_path: Path) -> None:
    rng = random.Random(20261127)
    saved: list[str] = []
    cut_short = 0
    for round_number in range(KILLS):
        # Every other writer compacts every few kilobytes, so that kills also
        # land while a snapshot or a fresh journal is being written.
        extra = ("--compact-at", "8192") if round_number % 2 else ()
        child = start_writer(tmp_path, f"r{round_number}", 0, *extra)
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n", child.stderr.read() if child.stderr else ""
        time.sleep(rng.uniform(0.005, 0.080))
        os.kill(child.pid, signal.SIGKILL)
        # Read through the same buffered file as readline() (communicate() would
        # skip lines that readline() had already buffered).
        out = child.stdout.read()
        assert child.wait() == -signal.SIGKILL
        close_pipes(child)
        # A line without its newline was cut by the kill: its save may not have returned.
        saved += [line for line in out.split("\n")[:-1] if line]

        store, damage = open_even_if_damaged(tmp_path)
        if damage is not None:
            # a kill in the middle of writing a save cuts that one short: it is
            # reported (and its bytes set aside), and it is the only one
            assert [lost.tail for lost in damage.lost] == [True], damage.message("en")
            cut_short += 1
        records = store.all("records")
        missing = [key for key in saved if f"progress/{key}" not in records]
        assert not missing, f"round {round_number}: lost {missing[:5]}"
        # Beyond those, only the save in flight at each kill may have landed.
        assert len(records) - len(saved) <= round_number + 1
        assert_consistent(records, store.all("outbox"))
    assert len(saved) > KILLS  # the kills did land among saves
    assert len([p.name for p in tmp_path.iterdir() if ".damaged-" in p.name]) == cut_short
