"""What a person decides about a change the sync couldn't settle alone.

``discard`` gives up a local change (rejected, or in conflict) and restores
the server's version; ``resolve`` queues the version a person chose between
ours and theirs. ``waiting`` counts what is left for people, for
``kinerja status`` and the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sync.local import (
    JSON,
    OUTBOX,
    RECORDS,
    drop_outbox_of,
    items,
    queue_mutation,
    record_key,
)


class NothingToSettle(LookupError):
    """The record does not exist locally."""


def discard(store: Any, collection: str, record_id: str) -> None:
    """Drop our pending, rejected or conflicting change; keep the server's version."""
    key = record_key(collection, record_id)
    with store.transaction() as tx:
        stored = tx.get(RECORDS, key)
        if stored is None:
            raise NothingToSettle(key)
        drop_outbox_of(tx, collection, record_id)
        base = stored.get("base")
        if base is None:  # never reached the server: discarding it removes it
            tx.remove(RECORDS, key)
            return
        record = dict(stored)
        conflict = record.get("local_conflict")
        record.update(
            data=base.get("data") or {},
            deleted=bool(base.get("deleted")),
            pending=None,
            rejected=None,
            local_conflict=None,
        )
        record.pop("merge_base", None)
        if conflict:
            # the server still lists our side of the conflict: settle it as "theirs"
            queue_mutation(
                tx,
                record,
                deleted=bool(base.get("deleted")),
                data=base.get("data") or {},
                base_rev=base.get("rev"),
                resolves=list(conflict.get("mutation_ids") or ()),
            )
        tx.put(RECORDS, key, record)


def resolve(store: Any, collection: str, record_id: str, chosen_data: JSON | None) -> JSON:
    """Queue the version a person chose (None: the record stays deleted); returns the mutation."""
    key = record_key(collection, record_id)
    with store.transaction() as tx:
        stored = tx.get(RECORDS, key)
        if stored is None:
            raise NothingToSettle(key)
        record = dict(stored)
        conflict = record.get("local_conflict") or {}
        ours = set(conflict.get("mutation_ids") or ())
        resolves = [
            c["mutation_id"] for c in record.get("conflicts") or [] if c.get("mutation_id") in ours
        ]
        drop_outbox_of(tx, collection, record_id)
        base = record.get("base") or {}
        deleted = chosen_data is None
        record.update(
            data=(base.get("data") or {}) if deleted else chosen_data,
            deleted=deleted,
            local_conflict=None,
            rejected=None,
        )
        record.pop("merge_base", None)
        entry = queue_mutation(
            tx,
            record,
            deleted=deleted,
            data=record["data"],
            base_rev=base.get("rev"),
            resolves=resolves or sorted(ours),
        )
        tx.put(RECORDS, key, record)
        return entry


@dataclass(frozen=True)
class Waiting:
    pending: int  # changes in the outbox, not yet acknowledged
    conflicts: int  # records holding two versions for a person to choose
    rejected: int  # changes the server refused, to fix or discard


def waiting(store: Any) -> Waiting:
    with store.transaction() as tx:
        pending = sum(1 for _ in items(tx, OUTBOX))
        conflicts = rejected = 0
        for _, record in items(tx, RECORDS):
            conflicts += bool(record.get("local_conflict"))
            rejected += bool(record.get("rejected"))
    return Waiting(pending, conflicts, rejected)
