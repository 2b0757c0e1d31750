"""The change feed: what a reader may see above its cursor, in seq order.

The database first leaves out the records of owners the reader stands in
no relation to (``related_owners``); ``can_read`` then judges each row. A
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

from domain.org import Organisation
from domain.permissions import PUBLIC, Actor, can_read
from server import db, recordstore


def related_owners(actor: Actor, org: Organisation) -> set[str] | None:
    """The owners whose records the actor might read; None for everyone (admin).

    A superset used only to let the database skip what is surely hidden:
    the actor, their staff (as PPK) and their staff's staff (as atasan PPK),
    the relations of ``domain.permissions.relations``. ``can_read`` still
    judges every record that comes back.
    """
    if "admin" in actor.roles:
        return None
    return org.on(db.now()).scope_of(actor.nip)


def pull(conn: Connection, nip: str, since: int, limit: int, org: Organisation) -> dict[str, Any]:
    actor = Actor(nip=nip, roles=org.roles_of(nip))
    top = db.current_seq(conn)
    records = db.records
    query = select(records).where(records.c.seq > since, records.c.seq <= top)
    owners = related_owners(actor, org)
    if owners is not None:
        query = query.where(
            or_(
                records.c.owner.is_(None),
                records.c.collection.in_(sorted(PUBLIC)),
                records.c.owner.in_(sorted(owners)),
            )
        )
    rows = conn.execute(query.order_by(records.c.seq).limit(limit)).all()
    # A short page means nothing else up to ``top`` is for this reader.
    cursor = int(rows[-1].seq) if len(rows) == limit else top
    today = org.on(db.now())
    changes = [
        recordstore.envelope(row)
        for row in rows
        if can_read(actor, row.collection, row.owner, today)
    ]
    sent = {(c["collection"], c["id"]) for c in changes}
    changes.extend(_backfill(conn, actor, org, since, cursor, sent))
    changes.sort(key=lambda record: record["seq"])
    return {"changes": changes, "next": cursor, "more": cursor < top}


def _backfill(
    conn: Connection,
    actor: Actor,
    org: Organisation,
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
        if record is not None and can_read(actor, collection, record["owner"], org.on(db.now())):
            found.append(record)
    return found
