"""What each push result does to the local store (protocol.md, "A result").

One call per result, inside the transaction that also removes its outbox
entry, so a crash leaves either both or neither.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from store import outbox
from sync.local import JSON, RECORDS, Tx, record_key, server_version
from sync.merge import merge_fields

STATUSES = ("applied", "duplicate", "conflict", "rejected")


@dataclass
class Tally:
    """What one round's results did, for the round's report."""

    applied: int = 0
    duplicates: int = 0
    conflicts: int = 0  # kept for a person to choose
    merged: int = 0  # settled field by field, pushed back as a resolution
    rejected: int = 0
    merged_keys: Counter[str] = field(default_factory=Counter)  # merges per record this round


def apply_result(tx: Tx, entry: JSON, result: JSON, lifetime: str | None, tally: Tally) -> None:
    """What one result does; ``lifetime`` tags the server versions it brings (sync/local.py)."""
    outbox.remove(tx, entry["mutation_id"])
    key = record_key(entry["collection"], entry["id"])
    record = tx.get(RECORDS, key)
    status = result["status"]
    if record is None:  # the record was purged locally; nothing to update
        return
    record = dict(record)
    if status == "duplicate":
        tally.duplicates += 1
        if result.get("current") is not None:
            # the first answer, lost, was a conflict: the server sends the record as it stands
            status = "conflict"
    if status in ("applied", "duplicate"):
        _acknowledge(tx, record, entry, result, lifetime)
        tally.applied += status == "applied"
    elif status == "conflict":
        if _settle_conflict(tx, record, entry, result, lifetime):
            tally.merged += 1
            tally.merged_keys[key] += 1
        else:
            tally.conflicts += 1
    elif _reject(tx, record, entry, result):
        tally.rejected += 1
    tx.put(RECORDS, key, record)


def _acknowledge(tx: Tx, record: JSON, entry: JSON, result: JSON, lifetime: str | None) -> None:
    deleted = entry["op"] == "delete"
    sent = {"rev": result.get("rev"), "seq": result.get("seq"), "deleted": deleted}
    sent["data"] = entry.get("data") or {}
    record["base"] = server_version(sent, lifetime)
    record["rev"] = result.get("rev")
    record["seq"] = max(int(record.get("seq") or 0), int(result.get("seq") or 0))
    resolved = set(entry.get("resolves") or ())
    record["conflicts"] = [
        c for c in record.get("conflicts") or [] if c.get("mutation_id") not in resolved
    ]
    # the ancestor kept for a merge is now the version just acknowledged
    record.pop("merge_base", None)
    outbox.release_followers(tx, entry["mutation_id"], result.get("rev"))
    if record.get("pending") == entry["mutation_id"]:
        record["pending"] = None
        record["rejected"] = None
        if resolved:
            record["local_conflict"] = None
    # else a newer local edit waits behind this one: it stays, rebased above


def _our_conflicts(current: JSON, ours: set[str]) -> list[str]:
    return [
        c["mutation_id"]
        for c in current.get("conflicts") or []
        if isinstance(c, dict) and c.get("mutation_id") in ours
    ]


def _settle_conflict(tx: Tx, record: JSON, entry: JSON, result: JSON, lifetime: str | None) -> bool:
    """Merge field by field when we can (True); else keep both versions for a person."""
    current = result.get("current") or {}
    ancestor = record.pop("merge_base", None) or record.get("base") or {}
    # ours is the record as it stands: this mutation plus any edit queued behind it
    dropped = outbox.drop_record(tx, entry["collection"], entry["id"])
    ours_ids = {entry["mutation_id"], *(e["mutation_id"] for e in dropped)}
    previous = record.get("local_conflict") or {}
    ours_ids.update(previous.get("mutation_ids") or ())
    resolves = _our_conflicts(current, ours_ids)
    mine_deleted = bool(record.get("deleted"))
    theirs_deleted = bool(current.get("deleted"))
    mine_data: JSON = record.get("data") or {}
    theirs_data: JSON = current.get("data") or {}

    record["base"] = server_version(current, lifetime)
    record["rev"] = current.get("rev")
    record["seq"] = current.get("seq", record.get("seq"))
    record["conflicts"] = current.get("conflicts") or []
    record["pending"] = None

    merge = merge_fields(ancestor.get("data"), mine_data, theirs_data)
    if mine_deleted == theirs_deleted and (mine_deleted or merge.clean):
        data = theirs_data if mine_deleted else merge.merged
        record["data"] = data
        record["local_conflict"] = None
        outbox.add(
            tx,
            record,
            deleted=mine_deleted,
            data=data,
            base_rev=current.get("rev"),
            resolves=resolves,
        )
        return True
    record["local_conflict"] = {
        "rev": current.get("rev"),
        "seq": current.get("seq"),
        "deleted": theirs_deleted,
        "data": theirs_data,
        "by": current.get("updated_by"),
        "at": current.get("updated_at"),
        "mutation_ids": sorted(ours_ids),
        "fields": {"mine": merge.mine, "theirs": merge.theirs, "clashes": merge.clashes},
        "merged": None if mine_deleted or theirs_deleted else merge.merged,
    }
    return False


def _reject(tx: Tx, record: JSON, entry: JSON, result: JSON) -> bool:
    """Keep the refused change for a person; False when there is nothing for them to do."""
    error = result.get("error") or {}
    base = record.get("base") or {}
    outbox.release_followers(tx, entry["mutation_id"], base.get("rev"))
    if record.get("pending") == entry["mutation_id"]:
        record["pending"] = None
    if entry.get("restoring") and error.get("code") == "forbidden":
        # someone else's record, lost by the restore: kept here until its author's
        # device puts it back; nothing the user could fix
        return False
    record["rejected"] = {
        "mutation_id": entry["mutation_id"],
        "code": error.get("code", "invalid"),
        "message": error.get("message", ""),
        "message_en": error.get("message_en", error.get("message", "")),
    }
    return True
