"""Reading and writing the current version of records, with the audit trail.

Every write goes through ``save`` so that each accepted change gets the next
seq, a history row (who, when, from which client, before and after) and,
when it changes the organisation, the backfill of what became visible.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, insert, select, update

from server import db


def envelope(row: Row[Any] | Mapping[str, Any]) -> dict[str, Any]:
    """The protocol's record envelope from a ``records`` row."""
    values = row._mapping if isinstance(row, Row) else row
    return {
        "collection": values["collection"],
        "id": values["id"],
        "rev": int(values["rev"]),
        "seq": int(values["seq"]),
        "deleted": bool(values["deleted"]),
        "owner": values["owner"],
        "updated_by": values["updated_by"],
        "updated_at": values["updated_at"],
        "conflicts": list(values["conflicts"] or []),
        "data": dict(values["data"] or {}),
    }


def get(conn: Connection, collection: str, record_id: str) -> dict[str, Any] | None:
    row = conn.execute(
        select(db.records).where(
            db.records.c.collection == collection, db.records.c.id == record_id
        )
    ).first()
    return None if row is None else envelope(row)


def of_collection(conn: Connection, collection: str) -> list[dict[str, Any]]:
    rows = conn.execute(select(db.records).where(db.records.c.collection == collection))
    return [envelope(row) for row in rows]


def of_owners(conn: Connection, owners: Iterable[str]) -> list[dict[str, Any]]:
    wanted = sorted(set(owners))
    if not wanted:
        return []
    rows = conn.execute(select(db.records).where(db.records.c.owner.in_(wanted)))
    return [envelope(row) for row in rows]


@dataclass(frozen=True)
class Author:
    """Who writes, for the history: a NIP and its client, or an admin tool of the server."""

    by: str
    client_id: str | None = None


def save(
    conn: Connection,
    seqs: db.SeqCounter,
    record: dict[str, Any],
    *,
    existed: bool,
    before: dict[str, Any] | None,
    author: Author,
    mutation_id: str | None,
    status: str,
    op: str,
) -> dict[str, Any]:
    """Store ``record`` (an envelope) with a fresh seq and log it; returns it with its seq."""
    record = dict(record, seq=seqs.take())
    columns = {
        key: record[key]
        for key in (
            "rev",
            "seq",
            "deleted",
            "owner",
            "updated_by",
            "updated_at",
            "conflicts",
            "data",
        )
    }
    if existed:
        conn.execute(
            update(db.records)
            .where(db.records.c.collection == record["collection"], db.records.c.id == record["id"])
            .values(**columns)
        )
    else:
        conn.execute(
            insert(db.records).values(collection=record["collection"], id=record["id"], **columns)
        )
    conn.execute(
        insert(db.history).values(
            seq=record["seq"],
            at=db.now(),
            by_nip=author.by,
            client_id=author.client_id,
            mutation_id=mutation_id,
            status=status,
            collection=record["collection"],
            record_id=record["id"],
            op=op,
            rev=record["rev"],
            before=before,
            after=_audit_state(record),
        )
    )
    return record


def _audit_state(record: Mapping[str, Any]) -> dict[str, Any]:
    return {"deleted": record["deleted"], "data": record["data"], "conflicts": record["conflicts"]}


def audit_state(record: Mapping[str, Any] | None) -> dict[str, Any] | None:
    return None if record is None else _audit_state(record)
