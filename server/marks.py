"""The ``mark`` of a pull cursor: which change, with which stamp (docs/protocol2.md).

Every seq has one history row with a random 16-hex-digit ``stamp``. A page
of ``/changes`` ends at ``next`` and carries the mark ``"<next>.<stamp>"``
(``""`` when ``next`` is 0). When the client comes back with ``since=S`` and
that mark, the server still holds change S with that very stamp, or its data
was brought back from a backup: S is beyond its newest seq, or it handed S
out anew after the restore with another stamp. Either way the answer is
409 ``history`` and the client pulls from 0 and pushes back what is missing.

A bad mark never rotates the epoch: a hostile client would then send every
other client back to 0.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, bindparam, select

from server import db

# Built once: every pull asks both (an idle round's cost is mostly building statements).
_STAMP = select(db.history.c.stamp).where(db.history.c.seq == bindparam("seq")).limit(1)
_HELD = (
    select(db.history.c.id)
    .where(db.history.c.seq == bindparam("seq"), db.history.c.stamp == bindparam("stamp"))
    .limit(1)
)
MARK = re.compile(r"(\d{1,19})\.([0-9a-f]{16})")


class MalformedMark(ValueError):
    """Not a mark this server ever handed out."""


def mark_of(conn: Connection, seq: int) -> str:
    """The mark naming change ``seq`` (``""`` for 0, before any change)."""
    if seq == 0:
        return ""
    return mark_with(seq, conn.execute(_STAMP, {"seq": seq}).scalar_one_or_none())


def mark_with(seq: int, stamp: str | None) -> str:
    """The mark naming change ``seq`` whose history row has ``stamp``."""
    return f"{seq}.{stamp or ''}" if seq else ""


def holds(conn: Connection, since: int, mark: str) -> bool:
    """Whether this database holds the change ``mark`` names, and it is change ``since``.

    Raises ``MalformedMark`` for text that is no mark at all.
    """
    found = MARK.fullmatch(mark)
    if found is None:
        raise MalformedMark(mark)
    seq, stamp = int(found.group(1)), found.group(2)
    if seq != since:
        return False
    row = conn.execute(_HELD, {"seq": seq, "stamp": stamp}).first()
    return row is not None
