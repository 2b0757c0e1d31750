"""Acting officials (Plt/Plh) on the server: the day an assignment starts, the feed widens.

The rights come from ``domain.org`` and ``domain.permissions`` (the acting
official has the holder's rights as PPK and atasan PPK on each day from
``start`` to ``end``, in Sofifi's calendar). What this module adds is the
backfill: while an assignment runs, its official pulls what the holder's
PPK work needs (``server.scope``), older records included.

An assignment written while it runs widens the feed at the seq of that
write. One written ahead of its start widens it on the start day, when no
write happens by itself: the first pull that day finds the assignment not
yet started (``acting_started``), takes a seq for it (the acting record is
handed out again, its rev unchanged, and a history row says ``started``)
and writes the backfill at that seq. Under the sequence row, so that two
server processes start it once.
"""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import Connection, Engine, insert, select

from domain.org import Acting, Organisation
from server import db, recordstore, visibility
from server.epoch import HighWaterMark
from server.org import OrgCache

SERVER_AUTHOR = recordstore.Author(by="kinerja-server")

Signature = tuple[str, str, str, str]  # acting id, nip, for_nip, start


def _signature(acting: Acting) -> Signature:
    return (acting.id, acting.nip, acting.for_nip, acting.start.isoformat())


def _running(org: Organisation) -> list[Acting]:
    day = org.on(db.now()).day
    return [acting for acting in org.acting() if acting.runs_on(day)]


def _started(conn: Connection) -> set[Signature]:
    table = db.acting_started
    rows = conn.execute(select(table.c.acting_id, table.c.nip, table.c.for_nip, table.c.start))
    return {(a, n, f, s) for a, n, f, s in rows}


def _mark_started(conn: Connection, acting: Acting, seq: int) -> None:
    acting_id, nip, for_nip, start = _signature(acting)
    conn.execute(
        insert(db.acting_started).values(
            acting_id=acting_id, nip=nip, for_nip=for_nip, start=start, seq=seq
        )
    )


def _without(org: Organisation, acting: Acting) -> Organisation:
    before = org.copy()
    before.apply({"collection": "acting", "id": acting.id, "deleted": True})
    return before


def note_acting_change(
    conn: Connection, before_org: Organisation, after_org: Organisation, record: dict[str, Any]
) -> None:
    """An acting record was written (at ``record["seq"]``): if it runs today, widen its
    official's feed now and count it as started."""
    for acting in _running(after_org):
        if acting.id == record["id"]:
            visibility.widen(conn, before_org, after_org, acting.nip, record["seq"])
            if _signature(acting) not in _started(conn):
                _mark_started(conn, acting, record["seq"])


class Starts:
    """The acting starts this server process knows were handed to the feed."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._known: set[Signature] | None = None

    def _pending(self, org: Organisation) -> list[Acting]:
        with self._lock:
            known = self._known
        if known is None:
            return _running(org)
        return [acting for acting in _running(org) if _signature(acting) not in known]

    def due(self, org: Organisation) -> bool:
        """Whether an assignment runs today that the feed has not been handed yet."""
        return bool(self._pending(org))

    def start_due(self, engine: Engine, orgs: OrgCache, mark: HighWaterMark) -> None:
        """Hand to the feed every assignment that runs today and has not been yet."""
        with db.reading(engine) as conn:
            org = orgs.get(conn)
        if not self._pending(org):
            return
        with db.writing(engine) as conn:
            writer = recordstore.Writer(conn, SERVER_AUTHOR)  # takes the sequence row
            org = orgs.get(conn).copy()
            started = _started(conn)
            for acting in _running(org):
                if _signature(acting) in started:
                    continue
                record = recordstore.get(conn, "acting", acting.id)
                if record is None:
                    continue
                stored = writer.save(
                    record,
                    existed=True,
                    change={"started": acting.start.isoformat()},
                    mutation_id=None,
                    status="started",
                    op="start",
                )
                writer.flush()
                visibility.widen(conn, _without(org, acting), org, acting.nip, stored["seq"])
                _mark_started(conn, acting, stored["seq"])
                started.add(_signature(acting))
            epoch = db.get_meta(conn, "epoch") or ""
            mark.note(epoch, writer.seqs.last)  # before commit, as a push does
            writer.finish()
        with self._lock:
            self._known = started
