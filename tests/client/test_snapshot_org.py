"""Snapshots share one organisation until an employee or acting record changes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from client.records import Snapshot
from client.services import Services
from store import open_store

BOSS, STAFF = "111111111111111111", "222222222222222222"


def employee(nip: str, atasan: str | None) -> dict[str, Any]:
    return {"collection": "employee", "id": nip, "owner": nip, "rev": 1, "seq": 1,
            "deleted": False, "conflicts": [],
            "data": {"nip": nip, "name": nip, "atasan_nip": atasan, "active": True}}  # fmt: skip


def put(store: Any, record: dict[str, Any]) -> None:
    with store.transaction() as tx:
        tx.put("records", f"{record['collection']}/{record['id']}", record)


def test_the_organisation_is_built_again_only_when_people_change(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    services = Services(store=store, me=BOSS, home=tmp_path)
    put(store, employee(BOSS, None))
    put(store, employee(STAFF, BOSS))
    first = Snapshot.read(services, ["plan"])
    assert first.org.subordinates_of(BOSS) == [STAFF]
    put(store, {**employee("x", None), "collection": "plan", "id": "p1", "data": {}})
    second = Snapshot.read(services, ["plan"])
    assert second.organisation is first.organisation  # a plan changed, not the people
    put(store, employee(STAFF, None))  # moved away: a new organisation
    third = Snapshot.read(services, ["plan"])
    assert third.organisation is not first.organisation
    assert third.org.subordinates_of(BOSS) == []
    # Another window on the same profile sees the move too, from the journal.
    other = Services(store=open_store(tmp_path), me=BOSS, home=tmp_path)
    put(other.store, employee(STAFF, BOSS))
    assert Snapshot.read(services, ["plan"]).org.subordinates_of(BOSS) == [STAFF]
