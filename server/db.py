"""The server's database, as the rest of the server uses it: ``from server import db``.

The tables (``server.tables``) and the engines and transactions
(``server.engine``: ``make_engine``, ``writing``, ``reading``) are
re-exported here beside the small queries every part needs: the sequence
of seqs, the meta settings (the epoch), the schema's version.

Schema versions are kept in a small ``schema_version`` table with ordered
migration steps (``server.migrations``) rather than Alembic: the schema is small,
owned by this one package, and ``kinerja-server init`` must work on an
installed copy without a migrations folder or a second tool to learn.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, bindparam, insert, select, update

from server.engine import (
    json_text,
    make_engine,
    one_round_trip,
    one_statement,
    reading,
    sqlalchemy_url,
    writing,
)
from server.tables import (
    SCHEMA_VERSION,
    accounts,
    acting_started,
    backfill,
    blob_parts,
    blob_refs,
    blob_uploads,
    blobs,
    history,
    meta,
    metadata,
    mutation_results,
    records,
    schema_version,
    sequence,
    sign_in_failures,
    tokens,
)

__all__ = [
    "SCHEMA_VERSION",
    "SchemaMissing",
    "SeqCounter",
    "accounts",
    "acting_started",
    "aware",
    "backfill",
    "blob_parts",
    "blob_refs",
    "blob_uploads",
    "blobs",
    "check_schema",
    "current_seq",
    "get_meta",
    "history",
    "init",
    "installed_version",
    "json_text",
    "lock_sequence",
    "make_engine",
    "meta",
    "metadata",
    "mutation_results",
    "new_epoch",
    "new_stamp",
    "now",
    "one_round_trip",
    "one_statement",
    "reading",
    "records",
    "schema_version",
    "sequence",
    "set_meta",
    "sign_in_failures",
    "sqlalchemy_url",
    "store_sequence",
    "tokens",
    "writing",
]


def now() -> datetime:
    return datetime.now(UTC)


def aware(moment: datetime) -> datetime:
    """SQLite hands datetimes back without their zone; they were stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def lock_sequence(conn: Connection) -> int:
    """Take the sequence row until commit and return its value.

    On PostgreSQL this is what orders writers: a second pusher waits here
    until the first commits, so seqs commit in order and a reader never
    moves past a change that commits later.
    """
    query = select(sequence.c.value).where(sequence.c.id == 1)
    if conn.dialect.name == "postgresql":
        query = query.with_for_update()
    value = conn.execute(query).scalar_one()
    return int(value)


def store_sequence(conn: Connection, value: int) -> None:
    conn.execute(update(sequence).where(sequence.c.id == 1).values(value=value))


class SeqCounter:
    """The seqs of one write transaction, handed out in order, saved once."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self.start = lock_sequence(conn)
        self.last = self.start

    def take(self) -> int:
        self.last += 1
        return self.last

    def save(self) -> None:
        if self.last != self.start:
            store_sequence(self._conn, self.last)


def current_seq(conn: Connection) -> int:
    return int(conn.execute(select(sequence.c.value).where(sequence.c.id == 1)).scalar_one())


# Built once: every hello asks it.
_META = select(meta.c.value).where(meta.c.key == bindparam("key"))


def get_meta(conn: Connection, key: str) -> str | None:
    value = conn.execute(_META, {"key": key}).scalar_one_or_none()
    return None if value is None else str(value)


def set_meta(conn: Connection, key: str, value: str) -> None:
    if get_meta(conn, key) is None:
        conn.execute(insert(meta).values(key=key, value=value))
    else:
        conn.execute(update(meta).where(meta.c.key == key).values(value=value))


def new_epoch() -> str:
    return secrets.token_hex(8)


def new_stamp() -> str:
    """The random 64-bit stamp of one seq's history row, as 16 hex digits (server.marks)."""
    return secrets.token_hex(8)


def init(engine: Engine) -> tuple[int, int]:
    """Create or upgrade the schema; safe to run again. Returns (from, to) (server.migrations)."""
    from server.migrations import upgrade  # the steps need these tables: imported when used

    return upgrade(engine)


class SchemaMissing(RuntimeError):
    """The database has not been initialised (or is older than this server)."""


def installed_version(conn: Connection) -> int:
    if not conn.dialect.has_table(conn, "schema_version"):
        return 0
    value = conn.execute(
        select(schema_version.c.version).order_by(schema_version.c.version.desc())
    ).first()
    return 0 if value is None else int(value[0])


def check_schema(engine: Engine) -> None:
    with reading(engine) as conn:
        if installed_version(conn) < SCHEMA_VERSION:
            raise SchemaMissing()
