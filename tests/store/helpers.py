"""Shared by the store tests: running the writer child and checking a store's shape."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from store import Store, StoreDamaged, open_store

ROOT = Path(__file__).resolve().parents[2]


def start_writer(home: Path, prefix: str, count: int, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.store.writer", str(home), prefix, str(count), *extra],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def close_pipes(child: subprocess.Popen[str]) -> None:
    for pipe in (child.stdin, child.stdout, child.stderr):
        if pipe is not None:
            pipe.close()


def assert_consistent(records: dict[str, Any], outbox: dict[str, Any]) -> None:
    """Every record points at its queued mutation and every mutation at its record."""
    for key, record in records.items():
        assert key == f"{record['collection']}/{record['id']}"
        mutation = outbox[record["pending"]]
        assert (mutation["collection"], mutation["id"]) == (record["collection"], record["id"])
        assert mutation["data"] == record["data"]
    for mutation in outbox.values():
        assert (
            records[f"{mutation['collection']}/{mutation['id']}"]["pending"]
            == (mutation["mutation_id"])
        )


def open_even_if_damaged(home: Path) -> tuple[Store, StoreDamaged | None]:
    """The opened store, and the damage report if opening raised one."""
    try:
        return open_store(home), None
    except StoreDamaged as damaged:
        return damaged.store, damaged
