"""The brake on guessing passwords: failed sign-ins counted in the database (docs/protocol2.md).

Counted in the database, so that several server processes share them. Three
brakes, each answering 429 with ``Retry-After``:

- the pair (address, NIP): ``PAIR_LIMIT`` failures in ``WINDOW`` stop that
  NIP from that address until the oldest of them leaves the window;
- the address: ``ADDRESS_LIMIT`` failures in ``WINDOW``, whatever the NIPs,
  stop the address: one machine trying a password on many NIPs;
- the NIP from anywhere: once it has ``NIP_LIMIT`` failures in ``WINDOW``,
  from any addresses, each attempt waits ``NIP_PAUSE`` after the last
  failure. A guess spread over many addresses gets one try a minute, and a
  stranger can never lock the owner out for longer than that.

The address brake is set at 20, not the 5 of docs/protocol2.md: an office
reaches the server from one address behind its router, and at 5 one
colleague's typos, or one hostile colleague, would lock the whole office
out for a quarter of an hour. The pair brake keeps 5.

Whether the NIP exists changes nothing here, so the answer does not tell
who has an account. The address is the peer's, or the one a trusted proxy
forwarded (``kinerja-server serve --forwarded-allow-ips``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Connection, delete, insert, select

from server import db

WINDOW = timedelta(minutes=15)
PAIR_LIMIT = 5
ADDRESS_LIMIT = 20
NIP_LIMIT = 5
NIP_PAUSE = timedelta(minutes=1)


def serialise(conn: Connection) -> None:
    """Take the sign-in lock for this transaction: checks and counts do not interleave.

    SQLite has one writer at a time already; PostgreSQL takes an advisory lock."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(4242002)")


class Throttled(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


def _recent(conn: Connection, where: ColumnElement[bool], moment: datetime) -> list[datetime]:
    table = db.sign_in_failures
    rows = conn.execute(
        select(table.c.at).where(where, table.c.at > moment - WINDOW).order_by(table.c.at.desc())
    ).scalars()
    return [db.aware(at) for at in rows]


def _wait(times: Sequence[datetime], limit: int, moment: datetime) -> float:
    """Seconds until fewer than ``limit`` of these failures are inside the window."""
    if len(times) < limit:
        return 0.0
    return (times[limit - 1] + WINDOW - moment).total_seconds()


def check(conn: Connection, address: str, nip: str, moment: datetime) -> None:
    """Raise ``Throttled`` while any brake holds for this address and NIP."""
    table = db.sign_in_failures
    by_address = _recent(conn, table.c.address == address, moment)
    pair = _recent(conn, (table.c.address == address) & (table.c.nip == nip), moment)
    by_nip = _recent(conn, table.c.nip == nip, moment)
    waits = [_wait(by_address, ADDRESS_LIMIT, moment), _wait(pair, PAIR_LIMIT, moment)]
    if len(by_nip) >= NIP_LIMIT:
        waits.append((by_nip[0] + NIP_PAUSE - moment).total_seconds())
    longest = max(waits)
    if longest > 0:
        raise Throttled(max(1, math.ceil(longest)))


def record_failure(conn: Connection, address: str, nip: str, moment: datetime) -> None:
    table = db.sign_in_failures
    conn.execute(insert(table).values(address=address, nip=nip, at=moment))
    # Old failures count for nothing; keep the table small.
    conn.execute(delete(table).where(table.c.at < moment - 2 * WINDOW))


def record_success(conn: Connection, address: str, nip: str) -> None:
    """A right password from this address clears that pair's failures, not the NIP's elsewhere."""
    table = db.sign_in_failures
    conn.execute(delete(table).where(table.c.address == address, table.c.nip == nip))
