"""What push results and pulled records do to a real local store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from store import Store, open_store
from sync.choices import discard, resolve, waiting
from sync.pull import apply_incoming
from sync.results import Tally, apply_result

NIP = "199001012015011001"
OTHER = "198501012010011002"
EPOCH = "e1"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return open_store(tmp_path)


def server_record(rev: int, seq: int, data: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "collection": "training",
        "id": "t1",
        "rev": rev,
        "seq": seq,
        "deleted": False,
        "owner": NIP,
        "updated_by": OTHER,
        "updated_at": "2026-05-01T10:00:00+09:00",
        "conflicts": [],
        "data": data,
        **extra,
    }


DATA = {
    "title": "Diklat",
    "path": "classical",
    "jp": 20,
    "start": "2026-03-01",
    "end": "2026-03-03",
}


def pull(store: Store, record: dict[str, Any]) -> None:
    with store.transaction() as tx:
        apply_incoming(tx, record, EPOCH, resyncing=False)


def result_for(store: Store, entry: dict[str, Any], result: dict[str, Any]) -> Tally:
    tally = Tally()
    with store.transaction() as tx:
        apply_result(tx, entry, {"mutation_id": entry["mutation_id"], **result}, EPOCH, tally)
    return tally


def only_entry(store: Store) -> dict[str, Any]:
    [entry] = store.records.outbox()
    return entry


def synced(store: Store) -> None:
    pull(store, server_record(1, 10, DATA))


def test_pulled_record_replaces_when_nothing_waits(store: Store) -> None:
    synced(store)
    pull(store, server_record(2, 11, {**DATA, "jp": 30}))
    record = store.records.get("training", "t1")
    assert record is not None
    assert record["data"]["jp"] == 30 and record["base"]["rev"] == 2 and record["pending"] is None


def test_pulled_record_keeps_the_pending_local_edit(store: Store) -> None:
    synced(store)
    store.records.edit("training", "t1", {**DATA, "title": "Diklat PIM"}, by=NIP)
    pull(store, server_record(2, 11, {**DATA, "jp": 30}))
    record = store.records.get("training", "t1")
    assert record is not None
    assert record["data"]["title"] == "Diklat PIM" and record["base"]["rev"] == 2
    assert record["merge_base"]["rev"] == 1  # the ancestor, for the merge
    assert only_entry(store)["base_rev"] == 1  # still pushes against what it was edited from


def test_applied_clears_the_outbox_and_updates_the_base(store: Store) -> None:
    synced(store)
    store.records.edit("training", "t1", {**DATA, "jp": 24}, by=NIP)
    entry = only_entry(store)
    tally = result_for(store, entry, {"status": "applied", "rev": 2, "seq": 12})
    record = store.records.get("training", "t1")
    assert record is not None
    assert tally.applied == 1 and store.records.outbox() == []
    assert (record["rev"], record["seq"], record["base"]["rev"], record["pending"]) == (
        2,
        12,
        2,
        None,
    )


def test_an_edit_made_while_sent_stays_pending_and_is_rebased(store: Store) -> None:
    synced(store)
    store.records.edit("training", "t1", {**DATA, "jp": 24}, by=NIP)
    first = only_entry(store)
    with store.transaction() as tx:  # what the engine does before sending
        tx.put("outbox", first["mutation_id"], {**first, "sent_at": "now"})
    store.records.edit("training", "t1", {**DATA, "jp": 28}, by=NIP)
    result_for(store, first, {"status": "applied", "rev": 2, "seq": 12})
    follower = only_entry(store)
    record = store.records.get("training", "t1")
    assert record is not None
    assert follower["after"] is None and follower["base_rev"] == 2
    assert record["data"]["jp"] == 28 and record["pending"] == follower["mutation_id"]


def test_rejected_keeps_the_change_marked_and_discard_restores(store: Store) -> None:
    synced(store)
    store.records.edit("training", "t1", {**DATA, "jp": -1}, by=NIP)
    entry = only_entry(store)
    error = {"code": "invalid", "message": "jp must be above 0"}
    result_for(store, entry, {"status": "rejected", "rev": None, "seq": None, "error": error})
    record = store.records.get("training", "t1")
    assert record is not None
    assert record["data"]["jp"] == -1
    assert record["rejected"] == {
        "mutation_id": entry["mutation_id"],
        "message_en": error["message"],
        **error,
    }
    assert waiting(store).rejected == 1
    discard(store, "training", "t1")
    record = store.records.get("training", "t1")
    assert record is not None and record["data"] == DATA and record["rejected"] is None
    assert store.records.outbox() == []


def conflict(
    store: Store, entry: dict[str, Any], theirs: dict[str, Any], deleted: bool = False
) -> Tally:
    current = server_record(
        2,
        13,
        theirs,
        deleted=deleted,
        conflicts=[
            {
                "mutation_id": entry["mutation_id"],
                "by": NIP,
                "at": "x",
                "deleted": False,
                "data": entry["data"],
            }
        ],
    )
    return result_for(store, entry, {"status": "conflict", "rev": 2, "seq": 13, "current": current})


def test_conflict_on_different_fields_merges_and_queues_a_resolution(store: Store) -> None:
    synced(store)
    store.records.edit("training", "t1", {**DATA, "title": "Diklat PIM"}, by=NIP)
    entry = only_entry(store)
    tally = conflict(store, entry, {**DATA, "jp": 30})
    resolution = only_entry(store)
    record = store.records.get("training", "t1")
    assert record is not None
    assert tally.merged == 1
    assert record["data"] == {**DATA, "title": "Diklat PIM", "jp": 30}
    assert resolution["base_rev"] == 2 and resolution["resolves"] == [entry["mutation_id"]]
    assert resolution["data"] == record["data"]


def test_conflict_on_the_same_field_keeps_both_for_a_person(store: Store) -> None:
    synced(store)
    store.records.edit("training", "t1", {**DATA, "jp": 24}, by=NIP)
    entry = only_entry(store)
    tally = conflict(store, entry, {**DATA, "jp": 30})
    record = store.records.get("training", "t1")
    assert record is not None
    assert tally.conflicts == 1 and store.records.outbox() == []
    assert record["data"]["jp"] == 24  # ours stays
    kept = record["local_conflict"]
    assert kept["data"]["jp"] == 30 and kept["by"] == OTHER and kept["fields"]["clashes"] == ["jp"]
    chosen = resolve(store, "training", "t1", {**DATA, "jp": 30})
    assert chosen["resolves"] == [entry["mutation_id"]] and chosen["base_rev"] == 2
    record = store.records.get("training", "t1")
    assert record is not None and record["local_conflict"] is None and record["data"]["jp"] == 30


def test_an_edit_against_a_delete_keeps_both(store: Store) -> None:
    synced(store)
    store.records.edit("training", "t1", {**DATA, "title": "Diklat PIM"}, by=NIP)
    entry = only_entry(store)
    tally = conflict(store, entry, DATA, deleted=True)
    record = store.records.get("training", "t1")
    assert record is not None
    assert tally.conflicts == 1 and record["deleted"] is False
    assert (
        record["local_conflict"]["deleted"] is True and record["local_conflict"]["merged"] is None
    )
