"""The organisation as the permission rules see it, kept between requests.

The rules are ``domain.org.Organisation``'s, shared with the client; here
it is read from the employee and acting records and cached.
"""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import Connection, ScalarSelect, bindparam, select

from domain.org import Organisation
from server import db, recordstore

ORG_COLLECTIONS = ("employee", "acting")


def newest_seq_of(collection: str) -> ScalarSelect[int]:
    """The newest seq of one collection: one step down the (collection, seq) index.

    Asked so that only that index can answer it. Given ``max(seq) WHERE
    collection = ...``, PostgreSQL walks the seq index backwards past every
    newer record of the other collections (45 ms for 30,000 records, growing
    with the instansi); an equality also makes ``ORDER BY collection``
    moot to it, a range of one value does not."""
    records = db.records
    return (
        select(records.c.seq)
        .where(records.c.collection.between(collection, collection))
        .order_by(records.c.collection.desc(), records.c.seq.desc())
        .limit(1)
        .scalar_subquery()
    )


def org_version(*newest: int | None) -> int:
    """The organisation's version from each org collection's newest seq (-1: none yet)."""
    return max((int(seq) for seq in newest if seq is not None), default=-1)


_VERSION = select(*(newest_seq_of(c) for c in ORG_COLLECTIONS))


def load_org(conn: Connection) -> Organisation:
    """The organisation as the employee and acting records stand in the database."""
    org = Organisation()
    for collection in ORG_COLLECTIONS:
        for record in recordstore.of_collection(conn, collection):
            org.apply(record)
    return org


_WRITTEN = (
    select(db.records)
    .where(
        db.records.c.collection.in_(ORG_COLLECTIONS),
        db.records.c.seq > bindparam("after"),
        db.records.c.seq <= bindparam("upto"),
    )
    .order_by(db.records.c.seq)
)


def _written_between(conn: Connection, after: int, upto: int) -> list[dict[str, Any]]:
    """The org records written after seq ``after`` up to ``upto``, oldest first."""
    rows = conn.execute(_WRITTEN, {"after": after, "upto": upto})
    return [recordstore.envelope(row) for row in rows]


class OrgCache:
    """The organisation, brought up to date only when an employee or acting record has changed.

    Every request needs it (the caller's roles, the permission checks); an
    instansi has thousands of employees, so it is kept between requests and
    checked against the newest seq of an org record, in the caller's own
    transaction. A change applies only the org records written since the
    cached version (rebuilding 10,000 employees took 250 ms a change); a
    version older than the cached one means the database was restored, and
    the organisation is read whole. One thread brings it up to date while
    the others wait for its answer, so a cold start is not paid once per
    handler thread. The org handed out is shared: copy it before changing.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._updating = threading.Lock()
        self._version: int | None = None
        self._org = Organisation()

    def peek(self, version: int) -> Organisation | None:
        """The cached organisation if it is at ``version``, without reading anything."""
        with self._lock:
            return self._org if version == self._version else None

    def get(self, conn: Connection, version: int | None = None) -> Organisation:
        """``version``: the newest seq of an org record, when the caller has read it
        already in this transaction (``server.caller``)."""
        if version is None:
            version = org_version(*conn.execute(_VERSION).one())
        with self._lock:
            if version == self._version:
                return self._org
        with self._updating:
            with self._lock:
                cached, org = self._version, self._org
            if version == cached:
                return org
            if cached is None or version < cached:
                org = load_org(conn)
            else:
                org = org.copy()
                for record in _written_between(conn, cached, version):
                    org.apply(record)
            with self._lock:
                # A reader of an older snapshot does not take the cache back.
                if self._version is None or version >= self._version:
                    self._version, self._org = version, org
            return org
