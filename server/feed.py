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

import orjson
from sqlalchemy import Connection, Text, bindparam, cast, or_, select

from domain.org import Organisation, OrgOnDay
from domain.permissions import PUBLIC, Actor
from server import db, recordstore
from server.scope import carries, owners_in_scope

_records = db.records
# Built once: an idle round's cost is mostly SQLAlchemy building statements.
# ``data`` and ``conflicts`` come back as the JSON text stored, and go out as
# it is (orjson.Fragment), never decoded and encoded again.
_PAGE = (
    select(
        *(c for c in _records.c if c.name not in ("data", "conflicts")),
        cast(_records.c.data, Text).label("data"),
        cast(_records.c.conflicts, Text).label("conflicts"),
    )
    .where(
        _records.c.seq > bindparam("since"),
        _records.c.seq <= bindparam("top"),
        or_(
            _records.c.owner.is_(None),
            _records.c.collection.in_(sorted(PUBLIC)),
            _records.c.owner.in_(bindparam("owners", expanding=True)),
        ),
    )
    .order_by(_records.c.seq)
    .limit(bindparam("limit"))
)
_DUE = select(db.backfill.c.collection, db.backfill.c.record_id).where(
    db.backfill.c.viewer == bindparam("viewer"),
    db.backfill.c.due_seq > bindparam("since"),
    db.backfill.c.due_seq <= bindparam("next"),
)


def _as_stored(row: Any) -> dict[str, Any]:
    """The envelope of a page row, its JSON columns passed on as the text stored."""
    return {
        "collection": row.collection,
        "id": row.id,
        "rev": int(row.rev),
        "seq": int(row.seq),
        "deleted": bool(row.deleted),
        "owner": row.owner,
        "created_by": row.created_by,
        "created_at": row.created_at or row.updated_at,
        "updated_by": row.updated_by,
        "updated_at": row.updated_at,
        "conflicts": orjson.Fragment(row.conflicts or "[]"),
        "data": orjson.Fragment(row.data or "{}"),
    }


def pull(
    conn: Connection, nip: str, since: int, limit: int, org: Organisation, top: int | None = None
) -> dict[str, Any]:
    """``top``: the newest seq, when already read in this transaction (``server.caller``)."""
    top = db.current_seq(conn) if top is None else top
    if since >= top:
        # Nothing above the cursor, and no backfill is due in an empty range.
        return {"changes": [], "next": top, "more": False}
    actor = Actor(nip=nip, roles=org.roles_of(nip))
    today = org.on(db.now())
    owners = owners_in_scope(nip, today)
    params = {"since": since, "top": top, "owners": sorted(owners), "limit": limit}
    rows = conn.execute(_PAGE, params).all()
    # A short page means nothing else up to ``top`` is for this reader.
    cursor = int(rows[-1].seq) if len(rows) == limit else top
    changes = [
        _as_stored(row) for row in rows if carries(actor, row.collection, row.owner, today, owners)
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
    due = conn.execute(_DUE, {"viewer": actor.nip, "since": since, "next": next_seq}).all()
    found = []
    for collection, record_id in due:
        if (collection, record_id) in sent:
            continue
        record = recordstore.get(conn, collection, record_id)
        if record is not None and carries(actor, collection, record["owner"], today, owners):
            found.append(record)
    return found
