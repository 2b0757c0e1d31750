"""Who is calling, and where the server stands, in one query a request.

An idle round (hello and an empty pull) used to cost a dozen small queries,
each built anew through SQLAlchemy's expression layer: on 2 cores that
Python work, not the database, set the rounds per second. Here the token's
session, the epoch, the newest seq and the organisation's version (the
newest seq of an employee or acting record, ``server.org.OrgCache``) come
back as one row of scalar subqueries, from a statement built once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Select, bindparam, func, select

from server import db
from server.accounts import token_hash
from server.org import ORG_COLLECTIONS


def _token(column: str) -> Select[tuple[object]]:
    tokens = db.tokens
    return select(tokens.c[column]).where(tokens.c.token_hash == bindparam("hash"))


FACTS = select(
    select(db.meta.c.value).where(db.meta.c.key == "epoch").scalar_subquery().label("epoch"),
    select(db.sequence.c.value).where(db.sequence.c.id == 1).scalar_subquery().label("top"),
    select(func.max(db.records.c.seq))
    .where(db.records.c.collection.in_(ORG_COLLECTIONS))
    .scalar_subquery()
    .label("org_version"),
    _token("nip").scalar_subquery().label("nip"),
    _token("expires_at").scalar_subquery().label("expires_at"),
    _token("revoked_at").scalar_subquery().label("revoked_at"),
)


@dataclass(frozen=True)
class Facts:
    nip: str | None  # None: no live session for the token
    epoch: str
    top: int
    org_version: int


def facts(conn: Connection, token: str, moment: datetime) -> Facts:
    row = conn.execute(FACTS, {"hash": token_hash(token)}).one()
    live = row.nip is not None and row.revoked_at is None and db.aware(row.expires_at) > moment
    return Facts(
        nip=str(row.nip) if live else None,
        epoch=str(row.epoch or ""),
        top=int(row.top),
        org_version=-1 if row.org_version is None else int(row.org_version),
    )
