"""The organisation as the permission rules see it, kept between requests.

The rules are ``domain.org.Organisation``'s, shared with the client; here
it is read from the employee and acting records and cached.
"""

from __future__ import annotations

import threading

from sqlalchemy import Connection, func, select

from domain.org import Organisation
from server import db, recordstore

ORG_COLLECTIONS = ("employee", "acting")
_VERSION = select(func.max(db.records.c.seq)).where(db.records.c.collection.in_(ORG_COLLECTIONS))


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
            newest = conn.execute(_VERSION).scalar()
            version = -1 if newest is None else int(newest)
        with self._lock:
            if version == self._version:
                return self._org
        org = load_org(conn)
        with self._lock:
            self._version, self._org = version, org
        return org
