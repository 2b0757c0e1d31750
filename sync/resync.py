"""After the server's data was restored or reset (a new lifetime): put ours back.

Runs once the full pull from 0 is done. Every record the server returned now
has a ``base`` tagged with the new lifetime (sync/local.py); a local record
whose base is from an older one (or that never had one) is one the server lacks. Those are
queued again as new upserts, and pending edits are re-based on what the
server holds now. Nothing local is dropped: the only thing not pushed is a
local deletion of a record the server doesn't have either.
"""

from __future__ import annotations

from collections import defaultdict

from store import outbox
from sync.local import JSON, RECORDS, Tx, items, record_key


def requeue_for_new_lifetime(tx: Tx, lifetime: str | None) -> int:
    """Queue what the server lacks and rebase pending edits; returns how many were queued."""
    waiting: dict[str, list[JSON]] = defaultdict(list)
    for entry in outbox.unsynced(tx):
        waiting[record_key(entry["collection"], entry["id"])].append(entry)
    queued = 0
    for key, stored in list(items(tx, RECORDS)):
        base = stored.get("base")
        server_has = base is not None and base.get("lifetime") == lifetime
        entries = waiting.get(key, [])
        if server_has and not entries:
            continue
        if stored.get("local_conflict") or (stored.get("rejected") and not entries):
            continue  # waiting for a person, who will settle it against the server's version
        record = dict(stored)
        for entry in entries:
            outbox.remove(tx, entry["mutation_id"])
        record.pop("merge_base", None)
        record["pending"] = None
        if not server_has:
            record["base"] = None
            if record.get("deleted"):
                tx.put(RECORDS, key, record)
                continue  # deleted here, absent there: both agree
        outbox.add(
            tx,
            record,
            deleted=bool(record.get("deleted")),
            data=record.get("data") or {},
            base_rev=base.get("rev") if server_has and base else None,
            restoring=not entries,
        )
        tx.put(RECORDS, key, record)
        queued += 1
    return queued
