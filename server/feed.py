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

from collections.abc import Sequence
from typing import Any

import orjson
from sqlalchemy import (
    ColumnElement,
    Connection,
    Row,
    Select,
    Text,
    bindparam,
    case,
    cast,
    func,
    literal,
    select,
    union_all,
)

from domain.org import Organisation, OrgOnDay
from domain.permissions import PUBLIC, Actor
from server import db, recordstore
from server.scope import carries, owners_in_scope

_records = db.records
_FIELDS = ("collection", "id", "rev", "seq", "deleted", "owner", "created_by")


def _envelope_sql(dialect: str) -> ColumnElement[str]:
    """Each record's envelope as JSON text, made by the database from the stored text.

    The page then costs Python a filter and a join per record, not a dict
    built and encoded again (a full pull of 10,000 records spent a third of
    its time there). The keys and their order are ``recordstore.envelope``'s.
    """
    r = _records.c
    created_at = func.coalesce(func.nullif(r.created_at, ""), r.updated_at)
    if dialect == "postgresql":
        pairs = [
            *((literal(name), r[name]) for name in _FIELDS),
            (literal("created_at"), created_at),
            (literal("updated_by"), r.updated_by),
            (literal("updated_at"), r.updated_at),
            (literal("conflicts"), r.conflicts),
            (literal("data"), r.data),
        ]
        built = func.json_build_object(*(part for pair in pairs for part in pair))
        return cast(built, Text)
    deleted = func.json(case((r.deleted, "true"), else_="false"))
    pairs = [
        *((literal(name), deleted if name == "deleted" else r[name]) for name in _FIELDS),
        (literal("created_at"), created_at),
        (literal("updated_by"), r.updated_by),
        (literal("updated_at"), r.updated_at),
        (literal("conflicts"), func.json(func.coalesce(cast(r.conflicts, Text), "[]"))),
        (literal("data"), func.json(func.coalesce(cast(r.data, Text), "{}"))),
    ]
    return func.json_object(*(part for pair in pairs for part in pair), type_=Text)


def _page_query(dialect: str) -> Select[int, str, str | None, str]:
    """The first ``limit`` rows above ``since`` the reader may hold, in seq order.

    One branch per index that finds them in seq order (each public
    collection by (collection, seq); the owners in scope and the owner-less
    records by (owner, seq)), merged, then joined to build the envelopes of
    the page only. A single filter over the seq index walked every other
    person's records up to ``top`` to prove a short last page: 0.6 s of
    308,000 rows for the HR admin of a province, against 2 ms this way,
    whatever plan a prepared statement ends with.
    """
    r = _records.c
    in_range = (r.seq > bindparam("since"), r.seq <= bindparam("top"))
    public = sorted(PUBLIC)
    wanted = [r.collection == collection for collection in public]
    wanted.append(r.owner.in_(bindparam("owners", expanding=True)) & r.collection.not_in(public))
    wanted.append(r.owner.is_(None) & r.collection.not_in(public))
    branches = [
        select(r.seq).where(*in_range, rule).order_by(r.seq).limit(bindparam("limit")).subquery()
        for rule in wanted
    ]
    merged = union_all(*(select(branch.c.seq) for branch in branches)).subquery()
    picked = select(merged.c.seq).order_by(merged.c.seq).limit(bindparam("limit")).subquery()
    return (
        select(r.seq, r.collection, r.owner, _envelope_sql(dialect))
        .join_from(_records, picked, r.seq == picked.c.seq)
        .order_by(r.seq)
    )


# Built once: an idle round's cost is mostly SQLAlchemy building statements.
_PAGE = {dialect: _page_query(dialect) for dialect in ("sqlite", "postgresql")}
_DUE = select(db.backfill.c.collection, db.backfill.c.record_id).where(
    db.backfill.c.viewer == bindparam("viewer"),
    db.backfill.c.due_seq > bindparam("since"),
    db.backfill.c.due_seq <= bindparam("next"),
)


def pull(
    conn: Connection, nip: str, since: int, limit: int, org: Organisation, top: int | None = None
) -> dict[str, Any]:
    """``top``: the newest seq, when already read in this transaction (``server.caller``).

    The changes come as JSON text (``orjson.Fragment``), in seq order."""
    top = db.current_seq(conn) if top is None else top
    if since >= top:
        # Nothing above the cursor, and no backfill is due in an empty range.
        return {"changes": [], "next": top, "more": False}
    actor = Actor(nip=nip, roles=org.roles_of(nip))
    today = org.on(db.now())
    owners = owners_in_scope(nip, today)
    params = {"since": since, "top": top, "owners": sorted(owners), "limit": limit}
    rows = conn.execute(_PAGE[conn.dialect.name], params).all()
    # A short page means nothing else up to ``top`` is for this reader.
    cursor = int(rows[-1][0]) if len(rows) == limit else top
    # Whether a record is carried depends on its collection and owner only.
    judged: dict[tuple[str, str | None], bool] = {}
    changes: list[tuple[int, Any]] = []
    for seq, collection, owner, text in rows:
        key = (collection, owner)
        carried = judged.get(key)
        if carried is None:
            carried = judged[key] = carries(actor, collection, owner, today, owners)
        if carried:
            changes.append((int(seq), orjson.Fragment(text)))
    for record in _backfill(conn, actor, today, owners, since, cursor, rows):
        changes.append((int(record["seq"]), record))
    changes.sort(key=lambda change: change[0])
    return {"changes": [change for _seq, change in changes], "next": cursor, "more": cursor < top}


def _backfill(
    conn: Connection,
    actor: Actor,
    today: OrgOnDay,
    owners: set[str],
    since: int,
    next_seq: int,
    page: Sequence[Row[int, str, str | None, str]],
) -> list[dict[str, Any]]:
    due = conn.execute(_DUE, {"viewer": actor.nip, "since": since, "next": next_seq}).all()
    if not due:
        return []
    on_page = {(collection, seq) for seq, collection, _owner, _text in page}
    found = []
    for collection, record_id in due:
        record = recordstore.get(conn, collection, record_id)
        if record is None or (collection, record["seq"]) in on_page:
            continue
        if carries(actor, collection, record["owner"], today, owners):
            found.append(record)
    return found
