"""The outbox interface the sync engine uses: add, unsynced, mark sent, remove, base version."""

from __future__ import annotations

import ast
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from store import Store, open_store, outbox

OWNER = "199001012020121001"
SYNC = Path(__file__).resolve().parents[2] / "sync"


@pytest.fixture
def db(tmp_path: Path) -> Store:
    return open_store(tmp_path)


def _synced(db: Store, record_id: str, rev: int) -> None:
    with db.transaction() as tx:
        tx.put(
            "records",
            f"training/{record_id}",
            {
                "collection": "training",
                "id": record_id,
                "owner": OWNER,
                "rev": rev,
                "deleted": False,
                "data": {"jp": 20},
                "base": {"rev": rev, "deleted": False, "data": {"jp": 20}},
                "pending": None,
            },
        )


def test_add_queues_behind_everything_in_utc_and_points_the_record_at_it(db: Store) -> None:
    db.records.edit("training", "t0", {"jp": 1}, owner=OWNER, by=OWNER)
    _synced(db, "t1", rev=4)
    with db.transaction() as tx:
        record = tx.get("records", "training/t1")
        entry = outbox.add(
            tx, record, deleted=False, data={"jp": 30}, base_rev=4, resolves=["c1"], restoring=True
        )
        tx.put("records", "training/t1", record)
    assert record["pending"] == entry["mutation_id"]
    first, second = outbox.unsynced(db)
    assert second == entry and (first["order"], second["order"]) == (1, 2)
    assert (entry["op"], entry["base_rev"], entry["resolves"], entry["restoring"]) == (
        "upsert",
        4,
        ["c1"],
        True,
    )
    assert datetime.fromisoformat(entry["queued_at"]).utcoffset() == timedelta(0)
    assert outbox.wire(entry) == {
        "mutation_id": entry["mutation_id"],
        "collection": "training",
        "id": "t1",
        "owner": OWNER,
        "op": "upsert",
        "base_rev": 4,
        "data": {"jp": 30},
        "resolves": ["c1"],
    }


def test_a_sent_entry_is_frozen_and_its_follower_released_with_the_new_rev(db: Store) -> None:
    _synced(db, "t1", rev=4)
    db.records.edit("training", "t1", {"jp": 24}, by=OWNER)
    with db.transaction() as tx:
        [sent] = outbox.unsynced(tx)
        outbox.mark_sent(tx, [sent])
    assert sent["sent_at"] is not None
    db.records.edit("training", "t1", {"jp": 28}, by=OWNER)
    frozen, follower = outbox.unsynced(db)
    assert frozen == sent  # not folded into
    assert (follower["after"], follower["base_rev"]) == (sent["mutation_id"], None)
    with db.transaction() as tx:
        outbox.remove(tx, sent["mutation_id"])
        outbox.release_followers(tx, sent["mutation_id"], 5)
    [released] = outbox.unsynced(db)
    assert (released["after"], released["base_rev"], released["data"]) == (None, 5, {"jp": 28})


def test_drop_record_and_resolving(db: Store) -> None:
    db.records.edit("training", "t1", {"jp": 1}, owner=OWNER, by=OWNER, resolves=["m-9"])
    db.records.edit("training", "t2", {"jp": 2}, owner=OWNER, by=OWNER)
    assert outbox.resolving(db) == {"m-9"}
    with db.transaction() as tx:
        dropped = outbox.drop_record(tx, "training", "t1")
    assert [e["id"] for e in dropped] == ["t1"]
    assert [e["id"] for e in outbox.unsynced(db)] == ["t2"]
    assert outbox.resolving(db) == set()


def test_the_base_version_is_the_cursor_and_its_mark(db: Store) -> None:
    assert outbox.base_version(db) == outbox.BaseVersion(0, None)
    with db.transaction() as tx:
        outbox.set_base_version(tx, 41, "41.00ff00ff00ff00ff")
    assert outbox.base_version(db) == outbox.BaseVersion(41, "41.00ff00ff00ff00ff")
    with db.transaction() as tx:
        outbox.set_base_version(tx, 0, None)
        tx.put("meta", "cursor", 17)  # a store from protocol 1: a cursor, no mark
    assert outbox.base_version(db) == outbox.BaseVersion(17, None)


def test_sync_never_touches_the_outbox_table_itself() -> None:
    """store/outbox.py is the one writer: no module of sync/ reads or writes the table by name."""
    offenders = [
        f"{path.name}:{node.lineno}"
        for path in SYNC.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Call)
        and any(isinstance(arg, ast.Constant) and arg.value == "outbox" for arg in node.args)
    ]
    assert offenders == []
