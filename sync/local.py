"""The sync engine's view of the local store: its meta values and the server's lifetime.

Everything here works inside one ``Store.transaction()`` (``tx``), so that a
page of records and its cursor, or a result and its outbox entry, are written
in one atomic step. The outbox and the cursor belong to the store
(store/outbox.py): sync asks it, never writes an outbox row itself.

The lifetime: each ``base`` (the server's version of a record) is tagged
with the id of the server "lifetime" it was learned in. A new lifetime
starts whenever the server turns out to have lost history, by a new epoch
or by a 409 ``history`` on an unchanged epoch (a database restored from a
backup taken under the same epoch); after the full pull from 0 that follows,
a base still tagged with an older lifetime names a record the server lacks
(sync/resync.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from store import outbox
from store.keys import new_id, now_utc, record_key
from store.transaction import Transaction as Tx

JSON = dict[str, Any]

RECORDS = "records"
META = "meta"

__all__ = [
    "JSON",
    "META",
    "RECORDS",
    "Tx",
    "get_meta",
    "items",
    "lifetime",
    "new_id",
    "now_utc",
    "put_meta",
    "record_key",
    "server_version",
    "start_over",
]


def get_meta(tx: Any, name: str, default: Any = None) -> Any:
    value = tx.get(META, name)
    return default if value is None else value


def put_meta(tx: Any, name: str, value: Any) -> None:
    tx.put(META, name, value)


def items(tx: Any, table: str) -> Iterator[tuple[str, JSON]]:
    """(key, value) pairs of a table."""
    return iter(tx.all(table).items())


def lifetime(tx: Any) -> str | None:
    """The server lifetime that bases learned now are tagged with.

    A store that never met a restore has none of its own yet: its lifetime is
    the epoch it first learned (as in a store brought from protocol 1, where
    bases were tagged with the epoch).
    """
    found = get_meta(tx, "lifetime")
    return str(found) if found else get_meta(tx, "epoch")


def start_over(tx: Tx) -> str:
    """The server lost history: a new lifetime, the pull from 0, and a resync after it."""
    fresh = new_id()
    put_meta(tx, "lifetime", fresh)
    put_meta(tx, "resync", True)
    outbox.set_base_version(tx, 0, None)
    return fresh


def server_version(record: JSON, tag: str | None) -> JSON:
    """A record's ``base``: what the server holds, tagged with the lifetime it was learned in."""
    return {
        "rev": record.get("rev"),
        "deleted": bool(record.get("deleted")),
        "data": record.get("data") or {},
        "lifetime": tag,
    }
