"""Putting records and outbox back in step after a damaged save was left out.

Every save writes whole values, so the saves after a lost one mostly carry
on where it left off; what they may leave is a reference into the lost save.
Each is mended so that nothing typed is dropped:

- an outbox entry whose record is missing gets its record back, from the
  entry's own data (the entry is what carries the change to the server);
- a record that names a pending mutation the outbox no longer holds points
  at its newest remaining one, or gets a new one carrying its data;
- an entry waiting ``after`` a mutation that is gone may go now, from the
  record's server version;
- the pull starts again from 0 (the lost save may have been a page of
  records): records already held are skipped, missing ones come back.
"""

from __future__ import annotations

from typing import Any

import orjson

from store import outbox
from store.fileformat import Tables, apply_commit
from store.keys import record_key
from store.transaction import Transaction

JSON = dict[str, Any]


def heal(tables: Tables) -> None:
    """Mend ``tables`` in place (one transaction's worth of writes, applied directly)."""
    tx = Transaction(tables)
    entries = outbox.unsynced(tx)
    newest: dict[str, JSON] = {}
    for entry in entries:
        newest[record_key(entry["collection"], entry["id"])] = entry  # queue order: last wins
    present = {entry["mutation_id"] for entry in entries}
    for key, entry in newest.items():
        if tx.get("records", key) is None:
            tx.put("records", key, _record_from(entry))
    for key, record in tx.all("records").items():
        pending = record.get("pending")
        if pending is None or pending in present:
            continue
        if key in newest:
            record["pending"] = newest[key]["mutation_id"]
        else:
            base = record.get("base") or {}
            outbox.add(
                tx,
                record,
                deleted=bool(record.get("deleted")),
                data=record.get("data") or {},
                base_rev=base.get("rev"),
            )
        tx.put("records", key, record)
    for entry in entries:
        if entry.get("after") and entry["after"] not in present:
            record = tx.get("records", record_key(entry["collection"], entry["id"])) or {}
            outbox.release_followers(tx, entry["after"], (record.get("base") or {}).get("rev"))
    outbox.set_base_version(tx, 0, None)
    apply_commit(
        tables,
        [
            [table, key] if value is None else [table, key, orjson.loads(value)]
            for table, key, value in tx.ops()
        ],
    )


def _record_from(entry: JSON) -> JSON:
    return {
        "collection": entry["collection"],
        "id": entry["id"],
        "rev": None,
        "seq": None,
        "deleted": entry.get("op") == "delete",
        "owner": entry.get("owner"),
        "updated_by": None,
        "updated_at": None,
        "conflicts": [],
        "data": entry.get("data") or {},
        "base": None,
        "pending": entry["mutation_id"],
        "rejected": None,
        "local_conflict": None,
    }
