"""The organisation as the permission rules see it, kept between requests.

The rules are ``domain.org.Organisation``'s, shared with the client; here
it is read from the employee and acting records and cached.
"""

from __future__ import annotations

import threading

from sqlalchemy import Connection, ScalarSelect, select

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


class OrgCache:
    """The organisation, read again only when an employee or acting record has changed.

    Every request needs it (the caller's roles, the permission checks); an
    instansi has thousands of employees, so it is kept between requests and
    checked against the newest seq of an employee record, in the caller's
    own transaction. The org handed out is shared: copy it before changing.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: int | None = None
        self._org = Organisation()

    def get(self, conn: Connection, version: int | None = None) -> Organisation:
        """``version``: the newest seq of an org record, when the caller has read it
        already in this transaction (``server.caller``)."""
        if version is None:
            version = org_version(*conn.execute(_VERSION).one())
        with self._lock:
            if version == self._version:
                return self._org
        org = load_org(conn)
        with self._lock:
            self._version, self._org = version, org
        return org
