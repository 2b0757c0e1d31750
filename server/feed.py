"""The change feed: what a reader may see above its cursor, in seq order.

Rows are scanned in seq order from ``since``; those the reader may not see
are stepped over (the cursor still moves past them) and the page ends after
``limit`` readable records or ``SCAN_LIMIT`` rows scanned, so a reader with
little to see still moves on in bounded steps. Everything is read in one
snapshot in which only whole pushes are visible, and pushes commit in seq
order (``server.db``), so ``next`` never passes a change that commits later.

Records that became readable through an organisation change (see
``server.visibility``) travel with the page whose range crosses the seq of
that change: a page whose ``since`` is below ``due_seq`` and ``next`` at or
above it. They keep their own (older) seq; pages stay sorted by seq.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from domain.permissions import Actor, can_read
from server import db, recordstore
from server.org import EmployeeOrg

SCAN_LIMIT = 5000


def pull(conn: Connection, nip: str, since: int, limit: int, org: EmployeeOrg) -> dict[str, Any]:
    actor = Actor(nip=nip, roles=org.roles_of(nip))
    top = db.current_seq(conn)
    changes: list[dict[str, Any]] = []
    cursor = since
    scanned = 0
    while cursor < top and len(changes) < limit and scanned < SCAN_LIMIT:
        rows = conn.execute(
            select(db.records)
            .where(db.records.c.seq > cursor, db.records.c.seq <= top)
            .order_by(db.records.c.seq)
            .limit(min(limit, SCAN_LIMIT - scanned))
        ).all()
        if not rows:
            cursor = top
            break
        for row in rows:
            scanned += 1
            cursor = int(row.seq)
            if can_read(actor, row.collection, row.owner, org):
                changes.append(recordstore.envelope(row))
                if len(changes) == limit:
                    break
    changes.extend(
        _backfill(conn, actor, org, since, cursor, {(c["collection"], c["id"]) for c in changes})
    )
    changes.sort(key=lambda record: record["seq"])
    return {"changes": changes, "next": cursor, "more": cursor < top}


def _backfill(
    conn: Connection,
    actor: Actor,
    org: EmployeeOrg,
    since: int,
    next_seq: int,
    sent: set[tuple[str, str]],
) -> list[dict[str, Any]]:
    table = db.backfill
    due = conn.execute(
        select(table.c.collection, table.c.record_id).where(
            table.c.viewer == actor.nip, table.c.due_seq > since, table.c.due_seq <= next_seq
        )
    ).all()
    found = []
    for collection, record_id in due:
        if (collection, record_id) in sent:
            continue
        record = recordstore.get(conn, collection, record_id)
        if record is not None and can_read(actor, collection, record["owner"], org):
            found.append(record)
    return found
