"""The sync engine's view of the local store: meta values, outbox, records.

Everything here works inside one ``Store.transaction()`` (``tx``), so that a
page of records and its cursor, or a result and its outbox entry, are written
in one atomic step. The store's layout is the one docs/architecture.md names.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, Protocol

JSON = dict[str, Any]

RECORDS = "records"
OUTBOX = "outbox"
META = "meta"

# the keys of an outbox entry that go over the wire; the rest is local
WIRE_KEYS = ("mutation_id", "collection", "id", "owner", "op", "base_rev", "data", "resolves")


class Tx(Protocol):
    def get(self, table: str, key: str) -> Any: ...
    def put(self, table: str, key: str, value: Any) -> None: ...
    def remove(self, table: str, key: str) -> None: ...
    def all(self, table: str) -> dict[str, Any]: ...


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def record_key(collection: str, record_id: str) -> str:
    return f"{collection}/{record_id}"


def get_meta(tx: Tx, name: str, default: Any = None) -> Any:
    value = tx.get(META, name)
    return default if value is None else value


def put_meta(tx: Tx, name: str, value: Any) -> None:
    tx.put(META, name, value)


def items(tx: Tx, table: str) -> Iterator[tuple[str, JSON]]:
    """(key, value) pairs of a table."""
    return iter(tx.all(table).items())


def outbox_in_order(tx: Tx) -> list[JSON]:
    return sorted((entry for _, entry in items(tx, OUTBOX)), key=lambda e: e.get("order", 0))


def outbox_of(tx: Tx, collection: str, record_id: str) -> list[JSON]:
    return [
        entry
        for entry in outbox_in_order(tx)
        if entry["collection"] == collection and entry["id"] == record_id
    ]


def next_order(tx: Tx) -> int:
    return max((int(entry.get("order", 0)) for _, entry in items(tx, OUTBOX)), default=0) + 1


def wire(entry: JSON) -> JSON:
    """The protocol mutation of an outbox entry, without the local fields."""
    mutation = {key: entry.get(key) for key in WIRE_KEYS}
    mutation["resolves"] = list(entry.get("resolves") or [])
    if mutation["data"] is None:
        mutation["data"] = {}
    return mutation


def queue_mutation(
    tx: Tx,
    record: JSON,
    *,
    deleted: bool,
    data: JSON,
    base_rev: int | None,
    resolves: list[str] | None = None,
    restoring: bool = False,
) -> JSON:
    """Queue a new mutation of ``record`` (which the caller then saves) and point it there.

    ``restoring`` marks a version put back after the server's data was restored,
    not a change of this user: if the server refuses it as forbidden (someone
    else's record), it is kept here quietly rather than shown as a rejection.
    """
    entry: JSON = {
        "mutation_id": str(uuid.uuid4()),
        "collection": record["collection"],
        "id": record["id"],
        "owner": record.get("owner"),
        "op": "delete" if deleted else "upsert",
        "base_rev": base_rev,
        "data": data,
        "resolves": list(resolves or []),
        "order": next_order(tx),
        "queued_at": now_iso(),
        "sent_at": None,
    }
    if restoring:
        entry["restoring"] = True
    tx.put(OUTBOX, entry["mutation_id"], entry)
    record["pending"] = entry["mutation_id"]
    return entry


def drop_outbox_of(tx: Tx, collection: str, record_id: str) -> list[JSON]:
    dropped = outbox_of(tx, collection, record_id)
    for entry in dropped:
        tx.remove(OUTBOX, entry["mutation_id"])
    return dropped


def server_version(record: JSON, epoch: str | None) -> JSON:
    """A record's ``base``: what the server holds, tagged with the server's lifetime."""
    return {
        "rev": record.get("rev"),
        "deleted": bool(record.get("deleted")),
        "data": record.get("data") or {},
        "epoch": epoch,
    }
