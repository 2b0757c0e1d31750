"""What a person decides about a change the sync couldn't settle alone.

``discard`` gives up a local change (rejected, or in conflict) and restores
the server's version; ``resolve`` queues the version a person chose between
ours and theirs. ``in_conflict`` is the one rule of what counts as a
conflict waiting for a person, and ``waiting`` counts with it, for
``kinerja status``, ``kinerja sync`` and the app.

A record is in conflict on both sides (protocol.md, "The client side"): on
the client whose push clashed, the server's version is kept beside ours in
``local_conflict``; on every other client the record comes back with the
clashing mutations in its ``conflicts``, and the version the server kept is
the record's data. Either side may settle it; when the other side settled
it first, the next pull brings the settled version (sync/pull.py).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from store import outbox
from sync.local import JSON, RECORDS, record_key


class NothingToSettle(LookupError):
    """The record does not exist locally."""


def discard(store: Any, collection: str, record_id: str) -> None:
    """Drop our pending, rejected or conflicting change; keep the server's version."""
    key = record_key(collection, record_id)
    with store.transaction() as tx:
        stored = tx.get(RECORDS, key)
        if stored is None:
            raise NothingToSettle(key)
        outbox.drop_record(tx, collection, record_id)
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
            outbox.add(
                tx,
                record,
                deleted=bool(base.get("deleted")),
                data=base.get("data") or {},
                base_rev=base.get("rev"),
                resolves=list(conflict.get("mutation_ids") or ()),
            )
        tx.put(RECORDS, key, record)


def resolve(store: Any, collection: str, record_id: str, chosen_data: JSON | None) -> JSON:
    """Queue the version a person chose (None: the record stays deleted); returns the mutation.

    With a ``local_conflict`` it settles the conflicts our own pushes made;
    without one, the record's data is the server's kept version and the
    resolution settles every conflict the record lists (the person saw them
    all), edited from the record's current rev.
    """
    key = record_key(collection, record_id)
    with store.transaction() as tx:
        stored = tx.get(RECORDS, key)
        if stored is None:
            raise NothingToSettle(key)
        record = dict(stored)
        listed = [c["mutation_id"] for c in _conflict_entries(record)]
        conflict = record.get("local_conflict")
        if conflict:
            ours = set(conflict.get("mutation_ids") or ())
            resolves = [m for m in listed if m in ours] or sorted(ours)
            base_rev = (record.get("base") or {}).get("rev")
        else:
            resolves = listed
            base_rev = record.get("rev")
        outbox.drop_record(tx, collection, record_id)
        base = record.get("base") or {}
        deleted = chosen_data is None
        if chosen_data is None:  # stays deleted, with the data its side last held
            data: JSON = (base.get("data") if conflict else record.get("data")) or {}
        else:
            data = chosen_data
        record.update(data=data, deleted=deleted, local_conflict=None, rejected=None)
        record.pop("merge_base", None)
        entry = outbox.add(
            tx,
            record,
            deleted=deleted,
            data=record["data"],
            base_rev=base_rev,
            resolves=resolves,
        )
        tx.put(RECORDS, key, record)
        return entry


def _conflict_entries(record: Mapping[str, Any]) -> list[JSON]:
    return [
        c
        for c in record.get("conflicts") or []
        if isinstance(c, dict) and isinstance(c.get("mutation_id"), str)
    ]


def settling(tx: Any) -> set[str]:
    """The conflicts a queued resolution already names: settled here, waiting for the push.

    ``tx`` is a transaction or the store itself (both read tables with ``all``).
    """
    return outbox.resolving(tx)


def in_conflict(
    record: Mapping[str, Any], settled: Collection[str] = (), me: str | None = None
) -> bool:
    """Whether a record holds two versions for a person to choose between.

    ``settled``: the mutation ids a queued resolution names (``settling``).
    ``me``: the profile's NIP. Only the people concerned are asked (protocol.md,
    "shown to the people concerned"): the author of the version the server
    kept and the authors of the changes that clashed with it. Others who may
    read the record (an atasan PPK, the HR office) are not, since they could
    not settle it anyway. None asks everyone.
    """
    if record.get("local_conflict"):
        return True
    clashing = [c for c in _conflict_entries(record) if c["mutation_id"] not in settled]
    if not clashing or me is None:
        return bool(clashing)
    return me == record.get("updated_by") or any(c.get("by") == me for c in clashing)


@dataclass(frozen=True)
class Waiting:
    pending: int  # changes in the outbox, not yet acknowledged
    conflicts: int  # records holding two versions for a person to choose
    rejected: int  # changes the server refused, to fix or discard


def waiting(store: Any) -> Waiting:
    """The counts, from the store's index of records waiting for a person (nothing scanned)."""
    pending = outbox.pending_count(store)
    settled = settling(store)
    me = store.get("meta", "nip")
    attention = store.needing_attention()
    conflicts = sum(in_conflict(record, settled, me) for record in attention)
    rejected = sum(bool(record.get("rejected")) for record in attention)
    return Waiting(pending, conflicts, rejected)
