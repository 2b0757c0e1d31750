"""Two processes (two SSH sessions of one user) share a profile without losing saves."""

from __future__ import annotations

import threading
from pathlib import Path

import orjson
import pytest

import store.core
from store import open_store
from tests.store.helpers import assert_consistent, close_pipes, start_writer

OWNER = "199001012020121001"


def test_two_processes_saving_500_each_end_with_1000(tmp_path: Path) -> None:
    open_store(tmp_path)  # created once, so that both children open the same store
    # One of them compacts every 64 KiB, so the other must notice new generations mid-run.
    children = [
        start_writer(tmp_path, "a", 500, "--counter", "--compact-at", "65536"),
        start_writer(tmp_path, "b", 500, "--counter"),
    ]
    for child in children:
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n"
    outputs = []
    for child in children:
        assert child.stdout is not None
        lines = [child.stdout.readline() for _ in range(501)]
        assert lines[-1] == "done\n", lines[-3:]
    for child in children:
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write("check\n")
        child.stdin.flush()
        outputs.append(child.stdout.readline().split())
        assert child.wait(timeout=60) == 0
        close_pipes(child)
    # Each process's own in-memory view caught up with the other's saves.
    assert outputs == [["1000", "1000"], ["1000", "1000"]]
    reopened = open_store(tmp_path)
    assert len(reopened.records.list("progress")) == 1000
    assert reopened.get_meta("counter") == 1000  # no read-modify-write was lost
    assert_consistent(reopened.all("records"), reopened.all("outbox"))


def test_a_store_sees_another_processes_compaction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store.core, "COMPACT_MIN_BYTES", 2048)
    first, second = open_store(tmp_path), open_store(tmp_path)

    def generation() -> int:
        return int(orjson.loads((tmp_path / "store.json").read_bytes())["generation"])

    before = generation()
    for n in range(60):
        first.records.edit("training", f"t{n}", {"jp": n}, owner=OWNER, by=OWNER)
    assert generation() != before  # it did compact (an inode number may come back)
    assert len(second.records.list("training")) == 60
    second.records.edit("training", "t0", {"jp": 100}, by=OWNER)
    assert first.records.get("training", "t0")["data"] == {"jp": 100}  # type: ignore[index]


def test_threads_of_one_process_share_a_store(tmp_path: Path) -> None:
    db = open_store(tmp_path)

    def bump() -> None:
        for _ in range(100):
            with db.transaction() as tx:
                tx.put("meta", "counter", tx.get("meta", "counter", 0) + 1)

    threads = [threading.Thread(target=bump) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert db.get_meta("counter") == 400
    assert open_store(tmp_path).get_meta("counter") == 400
