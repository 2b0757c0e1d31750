"""Who is calling, and where the server stands, in one query a request.

An idle round (hello and an empty pull) used to cost a dozen small queries,
each built anew through SQLAlchemy's expression layer: on 2 cores that
Python work, not the database, set the rounds per second. Here the token's
session, the epoch, the newest seq and the organisation's version (the
newest seq of an employee or acting record, ``server.org.OrgCache``) come
back as one row of scalar subqueries, from a statement built once. The mark
of the newest seq comes with them: a client that is up to date sends it
back, and its round then needs no other query.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Select, bindparam, select

from server import db, marks
from server.accounts import token_hash
from server.org import ORG_COLLECTIONS, newest_seq_of, org_version


def _token(column: str) -> Select[tuple[object]]:
    tokens = db.tokens
    return select(tokens.c[column]).where(tokens.c.token_hash == bindparam("hash"))


_TOP = select(db.sequence.c.value).where(db.sequence.c.id == 1).scalar_subquery()
FACTS = select(
    select(db.meta.c.value).where(db.meta.c.key == "epoch").scalar_subquery().label("epoch"),
    _TOP.label("top"),
    select(db.history.c.stamp)
    .where(db.history.c.seq == _TOP)
    .limit(1)
    .scalar_subquery()
    .label("top_stamp"),
    *(newest_seq_of(c).label(f"newest_{c}") for c in ORG_COLLECTIONS),
    _token("nip").scalar_subquery().label("nip"),
    _token("expires_at").scalar_subquery().label("expires_at"),
    _token("revoked_at").scalar_subquery().label("revoked_at"),
)


@dataclass(frozen=True)
class Facts:
    nip: str | None  # None: no live session for the token
    epoch: str
    top: int
    top_mark: str  # the mark of ``top`` (server.marks)
    org_version: int


def facts(conn: Connection, token: str, moment: datetime) -> Facts:
    row = conn.execute(FACTS, {"hash": token_hash(token)}).one()
    live = row.nip is not None and row.revoked_at is None and db.aware(row.expires_at) > moment
    return Facts(
        nip=str(row.nip) if live else None,
        epoch=str(row.epoch or ""),
        top=int(row.top),
        top_mark=marks.mark_with(int(row.top), row.top_stamp),
        org_version=org_version(*(row._mapping[f"newest_{c}"] for c in ORG_COLLECTIONS)),
    )
