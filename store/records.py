"""Records and their outbox mutations, written together (docs/architecture.md, protocol.md).

Each call below is one transaction: it sets the record and hands the change
to the outbox (store/outbox.py), which folds it into the record's unsent
mutation or queues a new one.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import TYPE_CHECKING, Any

from domain.vocab import COLLECTIONS
from store import outbox
from store.keys import new_id, now_local, record_key

if TYPE_CHECKING:
    from store.core import Store

JSON = dict[str, Any]
RecordList = list[JSON]  # spelled out here: inside Records, ``list`` is a method


class _Keep(Enum):
    OWNER = "keep the record's owner"


KEEP_OWNER = _Keep.OWNER


def check_collection(collection: str) -> None:
    if collection not in COLLECTIONS:
        raise ValueError(f"unknown collection {collection!r}")


class Records:
    """``store.records``: the record-level API; validation of ``data`` is the caller's job."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, collection: str, record_id: str) -> JSON | None:
        """The record (deleted ones included), or None."""
        check_collection(collection)
        found: JSON | None = self._store.get("records", record_key(collection, record_id))
        return found

    def list(
        self, collection: str, owner: str | None = None, include_deleted: bool = False
    ) -> list[JSON]:
        """The records of a collection, optionally of one owner, without tombstones unless asked."""
        check_collection(collection)
        return self._store.collection(
            collection,
            lambda record: (
                (owner is None or record.get("owner") == owner)
                and (include_deleted or not record.get("deleted"))
            ),
        )

    def edit(
        self,
        collection: str,
        record_id: str,
        data: JSON,
        *,
        owner: str | None | _Keep = KEEP_OWNER,
        by: str,
        resolves: Iterable[str] = (),
    ) -> JSON:
        """Set a record's data and queue its upsert; returns the record as saved.

        ``owner`` is required for a new record (None for unit and period) and,
        for an existing one, must be its owner or left out: the owner of a
        record never changes. ``resolves`` names the conflicts this edit settles.
        """
        check_collection(collection)
        key = record_key(collection, record_id)
        with self._store.transaction() as tx:
            record: JSON | None = tx.get("records", key)
            if record is None:
                if owner is KEEP_OWNER:
                    raise ValueError(f"{key} is new: its owner must be given")
                record = _new_record(collection, record_id, owner, by)
            elif owner is not KEEP_OWNER and owner != record.get("owner"):
                raise ValueError(f"the owner of {key} is {record.get('owner')!r}, not {owner!r}")
            record.update(
                data=data, deleted=False, updated_by=by, updated_at=now_local(), rejected=None
            )
            outbox.queue_edit(tx, record, "upsert", resolves)
            tx.put("records", key, record)
        return record

    def delete(self, collection: str, record_id: str, *, by: str) -> None:
        """Mark a record deleted and queue its delete.

        A record the server has never seen (created here, not yet sent) is
        simply removed with its mutation: there is nothing to delete there.
        """
        check_collection(collection)
        key = record_key(collection, record_id)
        with self._store.transaction() as tx:
            record: JSON | None = tx.get("records", key)
            if record is None:
                raise KeyError(key)
            if record.get("base") is None and outbox.withdraw_creation(tx, record):
                tx.remove("records", key)
                return
            record.update(deleted=True, updated_by=by, updated_at=now_local(), rejected=None)
            outbox.queue_edit(tx, record, "delete")
            tx.put("records", key, record)

    def pending_count(self) -> int:
        """How many mutations wait in the outbox (sent or not, until acknowledged)."""
        return self._store.count("outbox")

    def outbox(self) -> RecordList:
        """The outbox in queue order."""
        return outbox.unsynced(self._store)

    def new_id(self) -> str:
        return new_id()


def _new_record(collection: str, record_id: str, owner: str | None, by: str) -> JSON:
    # created_* and updated_* are the author's until the server's own come back
    # with the record (protocol 2 sets them from its token and clock)
    return {
        "collection": collection,
        "id": record_id,
        "rev": None,
        "seq": None,
        "deleted": False,
        "owner": owner,
        "created_by": by,
        "created_at": now_local(),
        "updated_by": None,
        "updated_at": None,
        "conflicts": [],
        "data": {},
        "base": None,
        "pending": None,
        "rejected": None,
        "local_conflict": None,
    }
