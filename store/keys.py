"""How the store names things: record keys, new ids, and the times it writes.

One place for each, so that the record API, the outbox and the sync engine
never spell a key or a clock two ways.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime


def new_id() -> str:
    """A new record or mutation id (the protocol's ids are client-made UUIDs)."""
    return str(uuid.uuid4())


def record_key(collection: str, record_id: str) -> str:
    """The key of a record in the ``records`` table."""
    return f"{collection}/{record_id}"


def now_utc() -> str:
    """The machine's clock in UTC, ISO 8601: for what only programs read (queued, sent, saved)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def now_local() -> str:
    """The author's clock, ISO 8601 with its UTC offset (shown to people, never used to order)."""
    return datetime.now().astimezone().isoformat(timespec="seconds")
