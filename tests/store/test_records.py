"""The record API: edits and deletes with their outbox mutations (architecture.md)."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from tinydb import where

from store import Store, open_store

OWNER = "199001012020121001"
PPK = "198001012005011002"


@pytest.fixture
def db(tmp_path: Path) -> Store:
    return open_store(tmp_path)


def _mark_sent(db: Store, mutation_id: str) -> None:
    with db.transaction() as tx:
        entry = tx.get("outbox", mutation_id)
        entry["sent_at"] = "2026-11-27T21:00:00+09:00"
        tx.put("outbox", mutation_id, entry)


def _acknowledge(db: Store, collection: str, record_id: str, rev: int) -> None:
    """What the sync engine does for an applied upsert whose record did not change since."""
    with db.transaction() as tx:
        key = f"{collection}/{record_id}"
        record = tx.get("records", key)
        tx.remove("outbox", record["pending"])
        record.update(rev=rev, seq=rev * 10, pending=None)
        record["base"] = {"rev": rev, "deleted": False, "data": record["data"]}
        tx.put("records", key, record)


def test_a_new_record_and_its_mutation(db: Store) -> None:
    record = db.records.edit("plan", "p1", {"status": "draft"}, owner=OWNER, by=OWNER)
    [mutation] = db.records.outbox()
    assert db.records.get("plan", "p1") == record
    assert record["data"] == {"status": "draft"}
    assert (record["owner"], record["updated_by"], record["deleted"]) == (OWNER, OWNER, False)
    assert datetime.fromisoformat(record["updated_at"]).utcoffset() is not None
    assert (record["rev"], record["seq"], record["base"], record["rejected"]) == (None,) * 4
    assert record["pending"] == mutation["mutation_id"]
    uuid.UUID(mutation["mutation_id"])
    assert {k: mutation[k] for k in ("collection", "id", "owner", "op", "base_rev", "data")} == {
        "collection": "plan",
        "id": "p1",
        "owner": OWNER,
        "op": "upsert",
        "base_rev": None,
        "data": {"status": "draft"},
    }
    assert (mutation["resolves"], mutation["sent_at"], mutation["order"]) == ([], None, 1)
    assert datetime.fromisoformat(mutation["queued_at"]).utcoffset() == timedelta(0)  # UTC
    assert (record["created_by"], record["created_at"]) == (OWNER, record["updated_at"])
    assert db.records.pending_count() == 1


def test_edits_fold_into_the_unsent_mutation(db: Store) -> None:
    db.records.edit("plan", "p1", {"status": "draft"}, owner=OWNER, by=OWNER)
    first = db.records.outbox()[0]
    db.records.edit("plan", "p1", {"status": "submitted"}, by=OWNER, resolves=["c1"])
    [folded] = db.records.outbox()
    for same in ("mutation_id", "base_rev", "order", "queued_at"):
        assert folded[same] == first[same]
    assert (folded["data"], folded["resolves"]) == ({"status": "submitted"}, ["c1"])


def test_an_edit_overtaken_by_other_mutations_queues_behind_them(db: Store) -> None:
    """Drafting a plan, adding an RHK and submitting, all offline, keeps that order.

    Folding the submission into the plan's first mutation would send the plan
    submitted ahead of its RHK, which the server then refuses.
    """
    db.records.edit("plan", "p1", {"status": "draft"}, owner=OWNER, by=OWNER)
    db.records.edit("plan_item", "i1", {"plan_id": "p1"}, owner=OWNER, by=OWNER)
    db.records.edit("plan", "p1", {"status": "submitted"}, by=OWNER)
    created, item, submitted = db.records.outbox()
    assert [e["id"] for e in (created, item, submitted)] == ["p1", "i1", "p1"]
    assert created["data"] == {"status": "draft"}  # untouched
    assert (submitted["after"], submitted["base_rev"]) == (created["mutation_id"], None)
    assert submitted["data"] == {"status": "submitted"}
    # With nothing queued after it any more, the next edit folds into it.
    db.records.edit("plan", "p1", {"status": "submitted", "note": "x"}, by=OWNER)
    assert len(db.records.outbox()) == 3


def test_an_edit_of_a_synced_record_is_based_on_its_server_rev(db: Store) -> None:
    db.records.edit("plan", "p1", {"status": "draft"}, owner=OWNER, by=OWNER)
    _acknowledge(db, "plan", "p1", rev=3)
    assert db.records.pending_count() == 0
    db.records.edit("plan", "p1", {"status": "submitted"}, by=OWNER)
    [mutation] = db.records.outbox()
    assert mutation["base_rev"] == 3 and "after" not in mutation
    record = db.records.get("plan", "p1")
    assert record is not None and (record["rev"], record["seq"]) == (3, 30)  # server's, kept


def test_an_edit_after_a_sent_mutation_queues_behind_it(db: Store) -> None:
    db.records.edit("plan", "p1", {"status": "draft"}, owner=OWNER, by=OWNER)
    sent = db.records.outbox()[0]
    _mark_sent(db, sent["mutation_id"])
    db.records.edit("plan", "p1", {"status": "submitted"}, by=OWNER)
    first, second = db.records.outbox()
    assert first == {**sent, "sent_at": "2026-11-27T21:00:00+09:00"}  # a sent one never changes
    assert (second["after"], second["base_rev"], second["order"]) == (sent["mutation_id"], None, 2)
    record = db.records.get("plan", "p1")
    assert record is not None and record["pending"] == second["mutation_id"]
    # A further edit folds into the second, still unsent, mutation.
    db.records.edit("plan", "p1", {"status": "draft"}, by=OWNER)
    assert [e["mutation_id"] for e in db.records.outbox()] == [
        sent["mutation_id"],
        second["mutation_id"],
    ]


def test_an_edit_clears_a_rejection(db: Store) -> None:
    db.records.edit("plan", "p1", {"status": "draft"}, owner=OWNER, by=OWNER)
    with db.transaction() as tx:
        record = tx.get("records", "plan/p1")
        record["rejected"] = {"mutation_id": record["pending"], "code": "invalid", "message": "x"}
        tx.put("records", "plan/p1", record)
    assert db.records.edit("plan", "p1", {"status": "draft"}, by=OWNER)["rejected"] is None


def test_delete_of_a_synced_record_leaves_a_tombstone_and_a_delete(db: Store) -> None:
    db.records.edit("feedback", "f1", {"text": "bagus"}, owner=OWNER, by=PPK)
    _acknowledge(db, "feedback", "f1", rev=2)
    db.records.delete("feedback", "f1", by=PPK)
    record = db.records.get("feedback", "f1")
    assert record is not None and record["deleted"] and record["updated_by"] == PPK
    [mutation] = db.records.outbox()
    assert (mutation["op"], mutation["base_rev"]) == ("delete", 2)
    assert db.records.list("feedback") == []
    assert db.records.list("feedback", include_deleted=True) == [record]


def test_delete_of_a_never_sent_record_removes_it_and_its_mutation(db: Store) -> None:
    db.records.edit("feedback", "f1", {"text": "draf"}, owner=OWNER, by=PPK)
    db.records.delete("feedback", "f1", by=PPK)
    assert db.records.get("feedback", "f1") is None
    assert db.records.outbox() == []


def test_delete_after_a_sent_creation_queues_a_delete_behind_it(db: Store) -> None:
    db.records.edit("feedback", "f1", {"text": "draf"}, owner=OWNER, by=PPK)
    created = db.records.outbox()[0]
    _mark_sent(db, created["mutation_id"])
    db.records.delete("feedback", "f1", by=PPK)
    _, deletion = db.records.outbox()
    assert (deletion["op"], deletion["after"]) == ("delete", created["mutation_id"])


def test_delete_of_a_missing_record_raises(db: Store) -> None:
    with pytest.raises(KeyError):
        db.records.delete("plan", "nothing", by=OWNER)


def test_list_filters_by_collection_and_owner(db: Store) -> None:
    db.records.edit("plan", "p1", {}, owner=OWNER, by=OWNER)
    db.records.edit("plan", "p2", {}, owner=PPK, by=PPK)
    db.records.edit("training", "t1", {}, owner=OWNER, by=OWNER)
    assert {r["id"] for r in db.records.list("plan")} == {"p1", "p2"}
    assert [r["id"] for r in db.records.list("plan", owner=PPK)] == ["p2"]
    db.records.edit("plan", "p2", {"status": "x"}, by=PPK)  # the query cache must not go stale
    assert db.records.list("plan", owner=PPK)[0]["data"] == {"status": "x"}
    db.records.edit("plan", "p3", {}, owner=OWNER, by=OWNER)
    assert [r["id"] for r in db.records.list("plan")] == ["p1", "p2", "p3"]  # in saving order
    db.records.delete("plan", "p1", by=OWNER)  # never sent: removed outright
    assert [r["id"] for r in open_store(db.home).records.list("plan")] == ["p2", "p3"]
    assert [r["id"] for r in db.records.list("plan")] == ["p2", "p3"]


def test_owners_are_required_for_new_records_and_never_change(db: Store) -> None:
    with pytest.raises(ValueError):
        db.records.edit("plan", "p1", {}, by=OWNER)
    db.records.edit("unit", "u1", {"name": "BKD"}, owner=None, by=OWNER)
    assert db.records.edit("unit", "u1", {"name": "BKPSDM"}, by=OWNER)["owner"] is None
    db.records.edit("plan", "p1", {}, owner=OWNER, by=OWNER)
    with pytest.raises(ValueError):
        db.records.edit("plan", "p1", {}, owner=PPK, by=PPK)


def test_unknown_collections_are_refused(db: Store) -> None:
    with pytest.raises(ValueError):
        db.records.edit("plans", "p1", {}, owner=OWNER, by=OWNER)
    with pytest.raises(ValueError):
        db.records.list("salary")
    assert db.all("records") == {}


def test_new_ids_are_uuids(db: Store) -> None:
    first, second = db.records.new_id(), db.records.new_id()
    assert first != second and str(uuid.UUID(first)) == first


def test_count_reads_without_copying_everything(db: Store) -> None:
    db.records.edit("plan", "p1", {}, owner=OWNER, by=OWNER)
    db.records.edit("plan", "p2", {}, owner=PPK, by=PPK)
    assert (db.count("records"), db.count("outbox"), db.count("meta")) == (2, 2, 1)
    assert db.count("records", where("owner") == PPK) == 1
    with db.transaction() as tx:
        record = tx.get("records", "plan/p1")
        record["rejected"] = {"mutation_id": record["pending"], "code": "forbidden", "message": ""}
        tx.put("records", "plan/p1", record)
    assert db.count("records", where("rejected") != None) == 1  # noqa: E711 - a TinyDB query
