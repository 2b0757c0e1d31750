"""The server's database: one SQLAlchemy Core schema for SQLite and PostgreSQL.

Schema versions are kept in a small ``schema_version`` table with ordered
migration steps (``server.migrations``) rather than Alembic: the schema is small,
owned by this one package, and ``kinerja-server init`` must work on an
installed copy without a migrations folder or a second tool to learn.

Writers are serialised, which is what keeps the change feed without gaps
(protocol.md, "Pulling"): on SQLite every write transaction starts with
``BEGIN IMMEDIATE`` (one writer at a time, readers go on under WAL); on
PostgreSQL the push transaction takes the sequence row ``FOR UPDATE`` and
holds it until commit (see ``next_seqs``).
"""

from __future__ import annotations

import json
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from datetime import UTC, datetime
from typing import Any
from weakref import WeakKeyDictionary

import orjson
import psycopg
from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Connection,
    DateTime,
    Engine,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    bindparam,
    create_engine,
    event,
    insert,
    select,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

SCHEMA_VERSION = 2
SQLITE_BUSY_TIMEOUT_MS = 30_000

metadata = MetaData()

# Server-wide settings: the epoch lives here.
meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

# One row: the last seq handed out. Locked by every writer until commit.
sequence = Table(
    "sequence",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("value", BigInteger, nullable=False),
)

# The current version of each record, with its conflicts (protocol envelope).
records = Table(
    "records",
    metadata,
    Column("collection", String(32), nullable=False),
    Column("id", String(64), nullable=False),
    Column("rev", Integer, nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("deleted", Boolean, nullable=False),
    Column("owner", String(32), nullable=True),
    # Null when the server's admin tools wrote it (import-employees).
    Column("updated_by", String(32), nullable=True),
    Column("updated_at", String(40), nullable=False),
    Column("conflicts", JSON, nullable=False),
    Column("data", JSON, nullable=False),
    # Set by the first applied upsert; created_by is null for the admin tools (schema 2).
    Column("created_by", String(32), nullable=True),
    Column("created_at", String(40), nullable=True),
    PrimaryKeyConstraint("collection", "id"),
)
Index("records_seq", records.c.seq, unique=True)
Index("records_owner", records.c.owner)
Index("records_collection_seq", records.c.collection, records.c.seq)

# The audit trail: one row for every seq handed out (an applied change, a
# conflict kept, an admin tool's write). Rows of schema 2 keep what the change
# changed in ``change``; rows of schema 1 kept whole ``before`` and ``after``.
# ``stamp`` is random: a restored database hands out the same seqs with other
# stamps, which is how a client's ``mark`` notices it (server.marks).
history = Table(
    "history",
    metadata,
    Column(
        "id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    ),
    Column("seq", BigInteger, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("by_nip", String(32), nullable=False),
    Column("client_id", String(128), nullable=True),
    Column("mutation_id", String(64), nullable=True),
    Column("status", String(16), nullable=False),
    Column("collection", String(32), nullable=False),
    Column("record_id", String(64), nullable=False),
    Column("op", String(16), nullable=False),
    Column("rev", Integer, nullable=False),
    Column("before", JSON, nullable=True),
    Column("after", JSON, nullable=True),
    Column("change", JSON, nullable=True),
    Column("stamp", String(16), nullable=True),
)
Index("history_record", history.c.collection, history.c.record_id)
Index("history_seq", history.c.seq)

# (nip, mutation_id) -> its first result, so that a repeated push is a
# duplicate. Scoped to the sender: another user's id is never theirs.
mutation_results = Table(
    "mutation_results",
    metadata,
    Column("nip", String(32), nullable=False),
    Column("mutation_id", String(64), nullable=False),
    Column("collection", String(32), nullable=False),
    Column("record_id", String(64), nullable=False),
    Column("result", JSON, nullable=False),
    PrimaryKeyConstraint("nip", "mutation_id"),
)

accounts = Table(
    "accounts",
    metadata,
    Column("nip", String(32), primary_key=True),
    Column("password_hash", Text, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# Only the SHA-256 of a token is kept: a copy of the database opens no session.
tokens = Table(
    "tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("nip", String(32), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
)
Index("tokens_nip", tokens.c.nip)

# Failed sign-ins, by the address they came from and the NIP tried (server.throttle).
sign_in_failures = Table(
    "sign_in_failures",
    metadata,
    Column(
        "id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    ),
    Column("address", String(64), nullable=False),
    Column("nip", String(64), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)
Index("sign_in_failures_address_at", sign_in_failures.c.address, sign_in_failures.c.at)
Index("sign_in_failures_nip_at", sign_in_failures.c.nip, sign_in_failures.c.at)

# Records that became readable to a viewer when the organisation changed
# (a new subordinate, a new role). due_seq is the seq of the change that
# widened the view: every pull of that viewer whose range crosses due_seq
# carries these records, so a lost answer or a second device loses nothing.
backfill = Table(
    "backfill",
    metadata,
    Column("viewer", String(32), nullable=False),
    Column("collection", String(32), nullable=False),
    Column("record_id", String(64), nullable=False),
    Column("due_seq", BigInteger, nullable=False),
    PrimaryKeyConstraint("viewer", "collection", "record_id"),
)
Index("backfill_viewer_due", backfill.c.viewer, backfill.c.due_seq)

# Acting assignments whose start has been handed to the feed: the day an
# assignment starts, its official's view widens with no write to mark it, so
# the first request that day writes one (server.acting).
acting_started = Table(
    "acting_started",
    metadata,
    Column("acting_id", String(64), nullable=False),
    Column("nip", String(32), nullable=False),
    Column("for_nip", String(32), nullable=False),
    Column("start", String(10), nullable=False),
    Column("seq", BigInteger, nullable=False),
    PrimaryKeyConstraint("acting_id", "nip", "for_nip", "start"),
)

# Evidence files, once per hash, in the database so that a backup carries them.
blobs = Table(
    "blobs",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("type", String(255), nullable=False),
    Column("bytes", LargeBinary, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
# Who sent each blob (they may read it back before any record names it).
blob_uploads = Table(
    "blob_uploads",
    metadata,
    Column("sha256", String(64), nullable=False),
    Column("nip", String(32), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("sha256", "nip"),
)
Index("blob_uploads_nip_at", blob_uploads.c.nip, blob_uploads.c.at)
# The parts of uploads not yet complete, per sender.
blob_parts = Table(
    "blob_parts",
    metadata,
    Column("nip", String(32), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("offset", BigInteger, nullable=False),
    Column("total", BigInteger, nullable=False),
    Column("type", String(255), nullable=False),
    Column("bytes", LargeBinary, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("nip", "sha256", "offset"),
)
# Which records (current data or a kept conflict) name which blob: the read rule.
blob_refs = Table(
    "blob_refs",
    metadata,
    Column("sha256", String(64), nullable=False),
    Column("collection", String(32), nullable=False),
    Column("record_id", String(64), nullable=False),
    PrimaryKeyConstraint("sha256", "collection", "record_id"),
)
Index("blob_refs_record", blob_refs.c.collection, blob_refs.c.record_id)


def now() -> datetime:
    return datetime.now(UTC)


def aware(moment: datetime) -> datetime:
    """SQLite hands datetimes back without their zone; they were stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def sqlalchemy_url(db_url: str) -> str:
    """The URL SQLAlchemy needs: postgresql:// goes through psycopg 3."""
    for prefix in ("postgresql://", "postgres://"):
        if db_url.startswith(prefix):
            return "postgresql+psycopg://" + db_url[len(prefix) :]
    return db_url


def json_text(value: Any) -> str:
    """JSON for the database and the wire: orjson, or the standard library for
    what orjson refuses (integers beyond 64 bits)."""
    try:
        return orjson.dumps(value).decode()
    except TypeError:
        return json.dumps(value, ensure_ascii=False)


def make_engine(db_url: str) -> Engine:
    url = make_url(sqlalchemy_url(db_url))
    codec = {"json_serializer": json_text, "json_deserializer": orjson.loads}
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"check_same_thread": False}, pool_size=8, **codec)
        _serialise_sqlite_writers(engine)
        _sqlite_writers[engine] = threading.Lock()
        return engine
    if url.get_backend_name() != "postgresql":
        raise ValueError(f"unsupported database: {url.get_backend_name()}")
    # More connections than handler threads (server.app.HANDLER_THREADS): none waits for one.
    return create_engine(url, pool_size=20, max_overflow=25, pool_pre_ping=True, **codec)


def _serialise_sqlite_writers(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's begin event, not pysqlite, decide how a transaction starts.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        # FULL: an answered push survives a power cut (the client drops its copy).
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        writing = conn.get_execution_options().get("kinerja_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


# One lock per SQLite engine: threads of one server queue here, in order,
# instead of polling in SQLite's busy handler (which sleeps in growing steps).
_sqlite_writers: WeakKeyDictionary[Engine, threading.Lock] = WeakKeyDictionary()


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A write transaction; on SQLite it holds the one writer slot from the start."""
    lock = _sqlite_writers.get(engine)
    with (
        lock or nullcontext(),
        engine.connect().execution_options(kinerja_write=True) as conn,
        conn.begin(),
    ):
        yield conn


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A read transaction: one consistent snapshot."""
    options: dict[str, Any] = {}
    if engine.dialect.name == "postgresql":
        # In the BEGIN itself: no extra round trip.
        options = {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
    with engine.connect().execution_options(**options) as conn, conn.begin():
        yield conn


@contextmanager
def one_round_trip(conn: Connection) -> Iterator[None]:
    """The statements inside go to the database together and are waited for once.

    For writes whose results nobody reads (no ``RETURNING``, no row counts),
    and the commit that ends them:
    on PostgreSQL psycopg's pipeline mode sends them without waiting for each
    answer, and an error surfaces when the block ends. A push's writes run
    while it holds the sequence row, so each round trip saved there is saved
    for every pusher queued behind it. SQLite has no network to save.
    """
    if conn.dialect.name != "postgresql":
        yield
        return
    driver = conn.connection.driver_connection
    assert driver is not None
    try:
        with driver.pipeline():
            yield
    except BaseException as error:
        # A failed COMMIT inside the block leaves SQLAlchemy believing the
        # transaction ended: end it here, or the connection goes back to the
        # pool still in the failed transaction.
        driver.rollback()
        if isinstance(error, psycopg.Error):
            # Raised at the end of the block, past SQLAlchemy: give it
            # SQLAlchemy's class (IntegrityError, ...) as any statement would.
            raise DBAPIError.instance(None, None, error, psycopg.Error) from error
        raise


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
