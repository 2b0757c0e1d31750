"""``GET /records``: one person's records that the caller may read, fetched when opened.

What the sync scope leaves out (protocol.md, "What a client holds") a
client asks for here: the admin opening anyone's SKP, a subordinate their
atasan's submitted SKP and its RHK. The permission table decides each
record; tombstones are left out (there is nothing to open).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from domain.org import OrgOnDay
from domain.permissions import Actor, can_read
from server import db, recordstore


def records_of(
    conn: Connection, actor: Actor, owner: str, collection: str | None, day: OrgOnDay
) -> list[dict[str, Any]]:
    """The live records about ``owner`` (of ``collection``, or all) that ``actor`` may read."""
    records = db.records
    query = select(records).where(records.c.owner == owner, records.c.deleted.is_(False))
    if collection is not None:
        query = query.where(records.c.collection == collection)
    found = [recordstore.envelope(row) for row in conn.execute(query.order_by(records.c.seq))]
    statuses = _plan_statuses(conn, owner)
    return [
        record
        for record in found
        if can_read(
            actor, record["collection"], owner, day, plan_status=_status_of(record, statuses)
        )
    ]


def _plan_statuses(conn: Connection, owner: str) -> dict[str, Any]:
    """The status of each plan of ``owner``: subordinates read a plan and its RHK by it."""
    records = db.records
    rows = conn.execute(
        select(records.c.id, records.c.data).where(
            records.c.collection == "plan", records.c.owner == owner
        )
    )
    return {record_id: (data or {}).get("status") for record_id, data in rows}


def _status_of(record: dict[str, Any], statuses: dict[str, Any]) -> Any:
    if record["collection"] == "plan":
        return record["data"].get("status")
    if record["collection"] == "plan_item":
        return statuses.get(record["data"].get("plan_id"))
    return None
