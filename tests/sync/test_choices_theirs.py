"""Settling a conflict on the client whose version the server kept.

The record came back from the server with another push in its
``conflicts`` and no ``local_conflict``: the record's data is "mine", each
conflict entry "theirs". ``resolve`` settles them all, edited from the
record's rev, and ``waiting`` counts the record until a resolution is queued.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from store import Store, open_store
from sync.choices import (
    Waiting,
    accept_settled,
    in_conflict,
    resolve,
    settled_elsewhere,
    waiting,
)
from sync.local import RECORDS, record_key

NIP = "198001012005011001"
RID = "00000000-0000-4000-8000-00000000c001"
KEPT = {
    "title": "Diklat",
    "path": "classical",
    "jp": 24,
    "start": "2026-03-02",
    "end": "2026-03-04",
}


def _clash(mutation_id: str, jp: float, at: str) -> dict[str, Any]:
    return {
        "mutation_id": mutation_id,
        "by": NIP,
        "at": at,
        "deleted": False,
        "data": {**KEPT, "jp": jp},
    }


def _pulled(store: Store, **fields: Any) -> None:
    record = {
        "collection": "training",
        "id": RID,
        "rev": 2,
        "seq": 7,
        "deleted": False,
        "owner": NIP,
        "updated_by": NIP,
        "updated_at": "2026-03-05T08:00:00+07:00",
        "conflicts": [_clash("m-b", 40, "2026-03-05T09:00:00+07:00")],
        "data": KEPT,
        "base": {"rev": 2, "deleted": False, "data": KEPT},
        "pending": None,
        "rejected": None,
        "local_conflict": None,
        **fields,
    }
    with store.transaction() as tx:
        tx.put(RECORDS, record_key("training", RID), record)


def test_a_record_with_server_conflicts_waits_for_a_person(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    _pulled(store)
    record = store.records.get("training", RID)
    assert in_conflict(record)
    assert waiting(store).conflicts == 1


def test_resolving_it_settles_every_listed_conflict_from_the_current_rev(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    clashes = [
        _clash("m-b", 40, "2026-03-05T09:00:00+07:00"),
        _clash("m-c", 32, "2026-03-05T10:00:00+07:00"),
    ]
    _pulled(store, conflicts=clashes)
    entry = resolve(store, "training", RID, {**KEPT, "jp": 32})
    assert entry["op"] == "upsert"
    assert entry["base_rev"] == 2
    assert entry["resolves"] == ["m-b", "m-c"]
    assert entry["data"] == {**KEPT, "jp": 32}
    record = store.records.get("training", RID)
    assert record["data"]["jp"] == 32
    assert record["pending"] == entry["mutation_id"]
    # settled here: it waits only for the push, no longer for a person
    assert waiting(store) == Waiting(pending=1, conflicts=0, rejected=0)


def test_keeping_a_deletion_the_server_kept_queues_a_delete(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    _pulled(store, deleted=True)
    entry = resolve(store, "training", RID, None)
    assert (entry["op"], entry["base_rev"], entry["resolves"]) == ("delete", 2, ["m-b"])
    record = store.records.get("training", RID)
    assert record is not None and record["deleted"] is True
    assert waiting(store).conflicts == 0


def test_our_clash_settled_on_the_other_client_takes_the_servers_version(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    settled = {**KEPT, "jp": 30}
    ours = {
        "rev": 3,
        "seq": 9,
        "deleted": False,
        "data": settled,
        "by": NIP,
        "at": "x",
        "mutation_ids": ["m-b"],
        "fields": {"mine": [], "theirs": [], "clashes": ["jp"]},
    }
    # as the pull leaves it: the server lists our push no more, our data kept
    _pulled(
        store,
        rev=3,
        seq=9,
        conflicts=[],
        data={**KEPT, "jp": 40},
        base={"rev": 3, "deleted": False, "data": settled},
        local_conflict=ours,
    )
    record = store.records.get("training", RID)
    assert settled_elsewhere(record) and in_conflict(record)
    assert accept_settled(store) == 1
    record = store.records.get("training", RID)
    assert record["data"] == settled and record["local_conflict"] is None
    assert waiting(store).conflicts == 0 and store.records.outbox() == []


def test_our_clash_still_listed_on_the_server_stays_for_a_person(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    ours = {
        "rev": 2,
        "seq": 7,
        "deleted": False,
        "data": KEPT,
        "by": NIP,
        "at": "x",
        "mutation_ids": ["m-b"],
        "fields": {"mine": [], "theirs": [], "clashes": ["jp"]},
    }
    _pulled(store, data={**KEPT, "jp": 40}, local_conflict=ours)
    assert not settled_elsewhere(store.records.get("training", RID))
    assert accept_settled(store) == 0
    assert waiting(store).conflicts == 1
