"""Records and their outbox mutations, written together (docs/architecture.md, protocol.md).

Each call below is one transaction. A local edit sets the record's data and
queues the protocol mutation that will carry it to the server:

- while the record's newest mutation is still unsent and nothing was queued
  after it, the edit folds into it (same mutation_id, base_rev, order and
  queued_at), so the server sees one change;
- once that mutation was sent (it may be retried byte for byte, so it is
  never changed again), a new mutation is queued with ``"after"`` naming
  it and ``base_rev`` None; the sync engine gives it its base_rev when the
  first is acknowledged.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

from domain.vocab import COLLECTIONS
from store.transaction import Transaction

if TYPE_CHECKING:
    from store.core import Store

JSON = dict[str, Any]
RecordList = list[JSON]  # spelled out here: inside Records, ``list`` is a method


class _Keep(Enum):
    OWNER = "keep the record's owner"


KEEP_OWNER = _Keep.OWNER


def new_id() -> str:
    """A new record id (the protocol's ids are client-made UUIDs)."""
    return str(uuid.uuid4())


def record_key(collection: str, record_id: str) -> str:
    """The key of a record in the ``records`` table."""
    return f"{collection}/{record_id}"


def now_local() -> str:
    """The author's clock, ISO 8601 with its UTC offset (shown to people, never used to order)."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


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
                record = _new_record(collection, record_id, owner)
            elif owner is not KEEP_OWNER and owner != record.get("owner"):
                raise ValueError(f"the owner of {key} is {record.get('owner')!r}, not {owner!r}")
            record.update(
                data=data, deleted=False, updated_by=by, updated_at=now_local(), rejected=None
            )
            _queue(tx, record, "upsert", list(resolves))
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
            waiting = _unsent(tx, record)
            if record.get("base") is None and waiting is not None and _is_first(waiting):
                tx.remove("outbox", waiting["mutation_id"])
                tx.remove("records", key)
                return
            record.update(deleted=True, updated_by=by, updated_at=now_local(), rejected=None)
            _queue(tx, record, "delete", [])
            tx.put("records", key, record)

    def pending_count(self) -> int:
        """How many mutations wait in the outbox (sent or not, until acknowledged)."""
        return self._store.count("outbox")

    def outbox(self) -> RecordList:
        """The outbox in queue order."""
        return sorted(self._store.all("outbox").values(), key=lambda entry: entry["order"])

    def new_id(self) -> str:
        return new_id()


def _new_record(collection: str, record_id: str, owner: str | None) -> JSON:
    return {
        "collection": collection,
        "id": record_id,
        "rev": None,
        "seq": None,
        "deleted": False,
        "owner": owner,
        "updated_by": None,
        "updated_at": None,
        "conflicts": [],
        "data": {},
        "base": None,
        "pending": None,
        "rejected": None,
        "local_conflict": None,
    }


def _unsent(tx: Transaction, record: JSON) -> JSON | None:
    """The record's newest mutation if it is still unsent (so it may be folded into)."""
    pending = record.get("pending")
    entry: JSON | None = tx.get("outbox", pending) if pending else None
    return entry if entry is not None and entry.get("sent_at") is None else None


def _overtaken(tx: Transaction, entry: JSON) -> bool:
    """Whether other mutations were queued after this one.

    Folding a later edit into it would then carry that edit ahead of them: a
    plan submitted offline would reach the server before the RHK added to
    it, which the server refuses. The edit is queued behind them instead.
    """
    return any(other.get("order", 0) > entry.get("order", 0) for other in tx.peek("outbox"))


def _is_first(entry: JSON) -> bool:
    """Whether a mutation creates its record on the server (no base, nothing before it)."""
    return entry.get("base_rev") is None and not entry.get("after")


def _queue(tx: Transaction, record: JSON, op: str, resolves: list[str]) -> None:
    """Fold the record's change into its unsent mutation, or queue a new one."""
    entry = _unsent(tx, record)
    if entry is not None and _overtaken(tx, entry):
        entry = None
    if entry is not None:
        entry.update(op=op, data=record["data"])
        entry["resolves"] = list(dict.fromkeys([*entry.get("resolves", []), *resolves]))
    else:
        previous = record.get("pending")
        # sent, or overtaken: either way it still waits, and this one goes after it
        sent_before = previous is not None and tx.get("outbox", previous) is not None
        base = record.get("base")
        entry = {
            "mutation_id": str(uuid.uuid4()),
            "collection": record["collection"],
            "id": record["id"],
            "owner": record.get("owner"),
            "op": op,
            "base_rev": None if sent_before or base is None else base.get("rev"),
            "data": record["data"],
            "resolves": resolves,
            "order": _next_order(tx),
            "queued_at": now_local(),
            "sent_at": None,
        }
        if sent_before:
            entry["after"] = previous
    tx.put("outbox", entry["mutation_id"], entry)
    record["pending"] = entry["mutation_id"]


def _next_order(tx: Transaction) -> int:
    # The same rule as the sync engine's queue: after everything waiting.
    return max((entry.get("order", 0) for entry in tx.peek("outbox")), default=0) + 1
