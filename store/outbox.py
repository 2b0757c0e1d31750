"""The outbox: the one writer of pending mutations, and the base version they sync from.

Modelled on TaskChampion's storage transaction (``add_operation``,
``unsynced_operations``, ``remove_operation``, ``base_version``): nothing
else builds, orders, freezes or removes an outbox entry. ``store.records``
queues a person's edits through ``queue_edit``; the sync engine asks for the
``unsynced`` entries, freezes those it sends (``mark_sent``), ``remove``s what
the server acknowledged, ``add``s the mutations it makes itself (a merge, a
resolution, a version put back after a restore), and keeps its place in the
server's feed with ``base_version``/``set_base_version``.

Every function works inside one ``Store.transaction()`` (``tx``), so an entry
and its record are always written in the same atomic step. An entry is a
protocol mutation (``WIRE_KEYS``) plus local fields: ``order`` (queue
order), ``queued_at`` (UTC), ``sent_at`` (UTC; None until first sent, and a
sent entry never changes again, so a retry is byte for byte the same),
``after`` (the sent mutation of the same record it waits for) and
``restoring`` (a version put back after the server lost it, not a change of
this user).

Folding: while a record's newest mutation is unsent and nothing was queued
after it, an edit folds into it (same mutation_id, base_rev, order and
queued_at), so the server sees one change. Once it was sent, or once other
mutations were queued after it, a new one is queued behind; if the earlier
one was sent, the new one names it in ``after`` with ``base_rev`` None, and
gets its base_rev when the first is acknowledged (``release_followers``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from store.keys import new_id, now_utc
from store.transaction import Transaction

JSON = dict[str, Any]
OUTBOX = "outbox"

# the keys of an entry that go over the wire; the rest is local
WIRE_KEYS = ("mutation_id", "collection", "id", "owner", "op", "base_rev", "data", "resolves")


class Reader(Protocol):
    """A transaction or the store itself: both read committed tables."""

    def get(self, table: str, key: str, default: Any = None) -> Any: ...
    def all(self, table: str) -> dict[str, Any]: ...


# --- adding -------------------------------------------------------------------


def add(
    tx: Transaction,
    record: JSON,
    *,
    deleted: bool,
    data: JSON,
    base_rev: int | None,
    resolves: Iterable[str] = (),
    after: str | None = None,
    restoring: bool = False,
) -> JSON:
    """Queue a new mutation of ``record`` behind everything waiting; point the record at it.

    The caller saves ``record`` (its ``pending`` now names the new entry).
    ``restoring``: if the server refuses it as forbidden (someone else's
    record), it is kept here quietly rather than shown as a rejection.
    """
    entry: JSON = {
        "mutation_id": new_id(),
        "collection": record["collection"],
        "id": record["id"],
        "owner": record.get("owner"),
        "op": "delete" if deleted else "upsert",
        "base_rev": base_rev,
        "data": data,
        "resolves": list(resolves),
        "order": _next_order(tx),
        "queued_at": now_utc(),
        "sent_at": None,
    }
    if after is not None:
        entry["after"] = after
    if restoring:
        entry["restoring"] = True
    tx.put(OUTBOX, entry["mutation_id"], entry)
    record["pending"] = entry["mutation_id"]
    return entry


def queue_edit(tx: Transaction, record: JSON, op: str, resolves: Iterable[str] = ()) -> JSON:
    """A person's edit of ``record`` (its data already set): fold it or queue it; returns the entry."""
    entry = _unsent(tx, record)
    if entry is not None and not _overtaken(tx, entry):
        entry.update(op=op, data=record["data"])
        entry["resolves"] = list(dict.fromkeys([*entry.get("resolves", []), *resolves]))
        tx.put(OUTBOX, entry["mutation_id"], entry)
        record["pending"] = entry["mutation_id"]
        return entry
    previous = record.get("pending")
    # sent, or overtaken: either way it still waits, and this one goes after it
    sent_before = previous is not None and tx.get(OUTBOX, previous) is not None
    base = record.get("base")
    return add(
        tx,
        record,
        deleted=op == "delete",
        data=record["data"],
        base_rev=None if sent_before or base is None else base.get("rev"),
        resolves=resolves,
        after=previous if sent_before else None,
    )


def withdraw_creation(tx: Transaction, record: JSON) -> bool:
    """Remove the record's mutation if it only creates the record and was never sent.

    True when the server has never heard of the record: deleting it then
    needs no mutation at all.
    """
    entry = _unsent(tx, record)
    if entry is None or entry.get("base_rev") is not None or entry.get("after"):
        return False
    tx.remove(OUTBOX, entry["mutation_id"])
    return True


# --- reading ------------------------------------------------------------------


def unsynced(source: Reader) -> list[JSON]:
    """Every entry not yet acknowledged (sent or not), in queue order: copies."""
    return sorted(source.all(OUTBOX).values(), key=lambda entry: entry.get("order", 0))


def pending_count(store: Any) -> int:
    """How many entries wait for the server, counted without copying them (a Store)."""
    return int(store.count(OUTBOX))


def of_record(source: Reader, collection: str, record_id: str) -> list[JSON]:
    return [e for e in unsynced(source) if e["collection"] == collection and e["id"] == record_id]


def resolving(source: Reader) -> set[str]:
    """The conflicts that queued resolutions name: settled here, waiting for the push."""
    return {m for entry in source.all(OUTBOX).values() for m in entry.get("resolves") or ()}


def wire(entry: JSON) -> JSON:
    """The protocol mutation of an entry, without the local fields."""
    mutation = {key: entry.get(key) for key in WIRE_KEYS}
    mutation["resolves"] = list(entry.get("resolves") or [])
    if mutation["data"] is None:
        mutation["data"] = {}
    return mutation


# --- sending and acknowledging ----------------------------------------------


def mark_sent(tx: Transaction, entries: Iterable[JSON]) -> None:
    """Freeze entries about to be sent: never folded into again, so a resend is identical."""
    for entry in entries:
        if entry.get("sent_at") is None:
            entry["sent_at"] = now_utc()
            tx.put(OUTBOX, entry["mutation_id"], entry)


def remove(tx: Transaction, mutation_id: str) -> None:
    tx.remove(OUTBOX, mutation_id)


def drop_record(tx: Transaction, collection: str, record_id: str) -> list[JSON]:
    """Remove every entry of one record; returns them."""
    dropped = of_record(tx, collection, record_id)
    for entry in dropped:
        tx.remove(OUTBOX, entry["mutation_id"])
    return dropped


def release_followers(tx: Transaction, mutation_id: str, base_rev: Any) -> None:
    """Entries queued behind ``mutation_id`` may go now, edited from the rev it got."""
    for key, follower in tx.all(OUTBOX).items():
        if follower.get("after") == mutation_id:
            tx.put(OUTBOX, key, {**follower, "after": None, "base_rev": base_rev})


# --- the base version: where the pull stands in the server's feed -------------


@dataclass(frozen=True)
class BaseVersion:
    """The pull cursor and the server's mark for it (protocol.md, "Pulling").

    ``mark`` is None when none is known: at the start, or in a store brought
    forward from protocol 1 (the server then answers without checking).
    """

    cursor: int
    mark: str | None


def base_version(source: Reader) -> BaseVersion:
    cursor = source.get("meta", "cursor")
    mark = source.get("meta", "mark")
    return BaseVersion(int(cursor or 0), mark if isinstance(mark, str) and mark else None)


def set_base_version(tx: Transaction, cursor: int, mark: str | None) -> None:
    """Move the cursor and its mark together (in the transaction of the page they cover)."""
    tx.put("meta", "cursor", cursor)
    tx.put("meta", "mark", mark or "")


# --- bringing entries from older stores forward -------------------------------


def queued_in_utc(tx: Transaction) -> None:
    """Rewrite ``queued_at`` in UTC (store/records.py wrote the local clock before schema 2).

    Not on the wire, so a sent entry still goes byte for byte as it went.
    """
    for key, entry in tx.all(OUTBOX).items():
        try:
            moment = datetime.fromisoformat(str(entry.get("queued_at")))
        except ValueError:
            continue
        if moment.utcoffset() is None:
            continue  # no offset: which clock it was is unknown; left as written
        utc = moment.astimezone(UTC).isoformat(timespec="seconds")
        if utc != entry["queued_at"]:
            tx.put(OUTBOX, key, {**entry, "queued_at": utc})


# --- private -------------------------------------------------------------------


def _next_order(tx: Transaction) -> int:
    # peek, not all: copying every entry would cost more than the save itself
    return max((entry.get("order", 0) for entry in tx.peek(OUTBOX)), default=0) + 1


def _unsent(tx: Transaction, record: JSON) -> JSON | None:
    """The record's newest mutation if it is still unsent (so it may be folded into)."""
    pending = record.get("pending")
    entry: JSON | None = tx.get(OUTBOX, pending) if pending else None
    return entry if entry is not None and entry.get("sent_at") is None else None


def _overtaken(tx: Transaction, entry: JSON) -> bool:
    """Whether other mutations were queued after this one.

    Folding a later edit into it would then carry that edit ahead of them: a
    plan submitted offline would reach the server before the RHK added to
    it, which the server refuses. The edit is queued behind them instead.
    """
    return any(other.get("order", 0) > entry.get("order", 0) for other in tx.peek(OUTBOX))
