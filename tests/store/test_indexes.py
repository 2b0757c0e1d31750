"""The store's indexes follow every commit: by collection, by owner, and what waits for a person.

Also across processes: another process's commit, caught up from the
journal, and a store opened afresh give the same answers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from store import open_store
from sync.choices import waiting

A, B = "111111111111111111", "222222222222222222"


def record(collection: str, id: str, owner: str | None, **extra: Any) -> dict[str, Any]:
    return {"collection": collection, "id": id, "owner": owner, "rev": 1, "seq": 1,
            "deleted": False, "data": {}, "conflicts": [], **extra}  # fmt: skip


def put(store: Any, *records: dict[str, Any]) -> None:
    with store.transaction() as tx:
        for r in records:
            tx.put("records", f"{r['collection']}/{r['id']}", r)


def ids(records: list[dict[str, Any]]) -> set[str]:
    return {r["id"] for r in records}


def test_owner_and_collection_indexes_follow_puts_and_removals(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    put(store, record("training", "t1", A), record("training", "t2", B), record("plan", "p1", A))
    assert ids(store.owned("training", A)) == {"t1"}
    assert ids(store.collections(["training", "unit"])["training"]) == {"t1", "t2"}
    assert store.collections(["unit"]) == {"unit": []}
    with store.transaction() as tx:
        tx.remove("records", "training/t1")
    assert store.owned("training", A) == [] and ids(store.owned("plan", A)) == {"p1"}
    again = open_store(tmp_path)
    assert ids(again.owned("training", B)) == {"t2"} and again.owned("training", A) == []


def test_what_waits_for_a_person_is_counted_from_the_index(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    other = open_store(tmp_path)  # a second window on the same profile
    with store.transaction() as tx:
        tx.put("meta", "nip", A)
    clash = [{"mutation_id": "m1", "by": A, "at": "x", "deleted": False, "data": {}}]
    put(store, record("training", "t1", A, conflicts=clash), record("training", "t2", A))
    put(store, record("training", "t3", A, rejected={"code": "invalid"}))
    assert ids(store.needing_attention()) == {"t1", "t3"}
    assert (waiting(other).conflicts, waiting(other).rejected) == (1, 1)
    put(other, record("training", "t1", A))  # settled elsewhere: the index lets it go
    assert ids(store.needing_attention()) == {"t3"}
    assert waiting(open_store(tmp_path)).conflicts == 0
