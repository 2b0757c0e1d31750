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
from sync.choices import Waiting, in_conflict, resolve, waiting
from sync.local import RECORDS, record_key
from sync.pull import apply_incoming

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


EPOCH = "e1"


def _our_clash_kept(store: Store) -> None:
    """Client A's view after its push (jp 40) clashed with the kept version (jp 24)."""
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
    _pulled(
        store,
        data={**KEPT, "jp": 40},
        base={"rev": 2, "deleted": False, "data": KEPT, "lifetime": EPOCH},
        local_conflict=ours,
    )


def _incoming(rev: int, seq: int, data: dict[str, Any], conflicts: list[Any]) -> dict[str, Any]:
    return {
        "collection": "training",
        "id": RID,
        "rev": rev,
        "seq": seq,
        "deleted": False,
        "owner": NIP,
        "updated_by": NIP,
        "updated_at": "2026-03-06T08:00:00+07:00",
        "conflicts": conflicts,
        "data": data,
    }


def test_our_clash_settled_on_the_other_client_takes_the_servers_version(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    _our_clash_kept(store)
    settled = {**KEPT, "jp": 30}
    # the pull brings the settled version: the server lists our push no more
    with store.transaction() as tx:
        apply_incoming(tx, _incoming(3, 9, settled, []), EPOCH, resyncing=False)
    record = store.records.get("training", RID)
    assert record["data"] == settled and record["local_conflict"] is None
    assert (record["rev"], record["seq"]) == (3, 9)
    assert waiting(store).conflicts == 0 and store.records.outbox() == []


def test_our_clash_still_listed_on_the_server_stays_for_a_person(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    _our_clash_kept(store)
    still = [_clash("m-b", 40, "2026-03-05T09:00:00+07:00")]
    with store.transaction() as tx:
        apply_incoming(tx, _incoming(2, 10, {**KEPT, "jp": 25}, still), EPOCH, resyncing=False)
    record = store.records.get("training", RID)
    assert record["data"] == {**KEPT, "jp": 40}  # ours, still beside theirs
    assert record["local_conflict"]["data"] == {**KEPT, "jp": 25}
    assert waiting(store).conflicts == 1


def test_after_a_restore_a_missing_clash_is_not_taken_as_settled(tmp_path: Path) -> None:
    """A restored server lacks our clash because it lost it: ours stays for the person."""
    store = open_store(tmp_path)
    _our_clash_kept(store)
    with store.transaction() as tx:
        apply_incoming(tx, _incoming(2, 3, KEPT, []), "e2-restored", resyncing=True)
    record = store.records.get("training", RID)
    assert record["data"] == {**KEPT, "jp": 40} and record["local_conflict"] is not None


def test_only_the_people_concerned_are_asked_to_settle(tmp_path: Path) -> None:
    """The kept version's author and the clashing pushes' authors; not every reader."""
    store = open_store(tmp_path)
    _pulled(store)  # kept and clashing versions both by NIP
    record = store.records.get("training", RID)
    atasan_ppk = "197001011995031001"
    assert in_conflict(record, me=NIP)
    assert not in_conflict(record, me=atasan_ppk)
    with store.transaction() as tx:
        tx.put("meta", "nip", atasan_ppk)
    assert waiting(store).conflicts == 0
    with store.transaction() as tx:
        tx.put("meta", "nip", NIP)
    assert waiting(store).conflicts == 1
