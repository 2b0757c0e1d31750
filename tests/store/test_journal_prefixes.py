"""Whatever byte a crash stops the journal at, the store is the state after the whole commits.

A commit cut short is reported (its save is named), never taken in part.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from store import open_store
from tests.store.helpers import open_even_if_damaged


def _random_commits(home: Path, rng: random.Random) -> tuple[list[int], list[dict[str, Any]]]:
    """Commit random puts and removals; return each commit's journal end and the state after it."""
    db = open_store(home)
    ends = [(home / "store.journal").stat().st_size]
    states = [db.all("records")]
    for _ in range(25):
        with db.transaction() as tx:
            for _ in range(rng.randint(1, 4)):
                key = f"unit/u{rng.randint(0, 8)}"
                if rng.random() < 0.25:
                    tx.remove("records", key)
                else:
                    tx.put("records", key, {"id": key, "text": "x" * rng.randint(0, 300)})
        ends.append((home / "store.journal").stat().st_size)
        states.append(db.all("records"))
    return ends, states


def test_any_cut_of_the_journal_opens_as_a_prefix_of_the_commits(tmp_path: Path) -> None:
    rng = random.Random(7)
    ends, states = _random_commits(tmp_path, rng)
    journal, snapshot = tmp_path / "store.journal", tmp_path / "store.json"
    whole, snapshot_bytes = journal.read_bytes(), snapshot.read_bytes()
    cuts = sorted({*ends, *(rng.randint(ends[0], len(whole)) for _ in range(150))})
    for cut in cuts:
        snapshot.write_bytes(snapshot_bytes)
        journal.write_bytes(whole[:cut])
        whole_commits = sum(1 for end in ends[1:] if end <= cut)
        store, damage = open_even_if_damaged(tmp_path)
        assert store.all("records") == states[whole_commits], f"cut at {cut}"
        if cut in ends:
            assert damage is None
        else:
            assert damage is not None and [lost.first for lost in damage.lost] == [
                whole_commits + 1
            ]
