"""The change feed: what a reader works on above its cursor, in seq order.

The database first leaves out the records of owners outside the reader's
scope (``server.scope``); ``scope.carries`` then judges each row. A
page ends after ``limit`` rows; a shorter page means nothing more up to the
newest seq is for this reader, so ``next`` jumps to it. Everything is read in one
snapshot in which only whole pushes are visible, and pushes commit in seq
order (``server.db``), so ``next`` never passes a change that commits later.

Records that became readable through an organisation change (see
``server.visibility``) travel with the page whose range crosses the seq of
that change: a page whose ``since`` is below ``due_seq`` and ``next`` at or
above it. They keep their own (older) seq; pages stay sorted by seq.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, or_, select

from domain.org import Organisation, OrgOnDay
from domain.permissions import PUBLIC, Actor
from server import db, recordstore
from server.scope import carries, owners_in_scope


def pull(conn: Connection, nip: str, since: int, limit: int, org: Organisation) -> dict[str, Any]:
    actor = Actor(nip=nip, roles=org.roles_of(nip))
    today = org.on(db.now())
    owners = owners_in_scope(nip, today)
    top = db.current_seq(conn)
    records = db.records
    query = select(records).where(
        records.c.seq > since,
        records.c.seq <= top,
        or_(
            records.c.owner.is_(None),
            records.c.collection.in_(sorted(PUBLIC)),
            records.c.owner.in_(sorted(owners)),
        ),
    )
    rows = conn.execute(query.order_by(records.c.seq).limit(limit)).all()
    # A short page means nothing else up to ``top`` is for this reader.
    cursor = int(rows[-1].seq) if len(rows) == limit else top
    changes = [
        recordstore.envelope(row)
        for row in rows
        if carries(actor, row.collection, row.owner, today, owners)
    ]
    sent = {(c["collection"], c["id"]) for c in changes}
    changes.extend(_backfill(conn, actor, today, owners, since, cursor, sent))
    changes.sort(key=lambda record: record["seq"])
    return {"changes": changes, "next": cursor, "more": cursor < top}


def _backfill(
    conn: Connection,
    actor: Actor,
    today: OrgOnDay,
    owners: set[str],
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
        if record is not None and carries(actor, collection, record["owner"], today, owners):
            found.append(record)
    return found
