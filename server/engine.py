"""Engines and transactions: how the server reaches SQLite or PostgreSQL.

Writers are serialised, which is what keeps the change feed without gaps
(protocol.md, "Pulling"): on SQLite every write transaction starts with
``BEGIN IMMEDIATE`` (one writer at a time, readers go on under WAL), and the
threads of one server queue for it on a lock of their own; on PostgreSQL the
push transaction takes the sequence row ``FOR UPDATE`` and holds it until
commit (``server.db.lock_sequence``). Reads are one consistent snapshot.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import Any
from weakref import WeakKeyDictionary

import orjson
import psycopg
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, DisconnectionError

SQLITE_BUSY_TIMEOUT_MS = 30_000


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
    engine = create_engine(url, pool_size=20, max_overflow=25, **codec)
    _ping_after_rest(engine)
    return engine


# A connection that rested this long in the pool is pinged before use.
PING_AFTER_IDLE_S = 10.0


def _ping_after_rest(engine: Engine) -> None:
    """Ping a pooled PostgreSQL connection before use only when it has rested.

    SQLAlchemy's pool_pre_ping pings on every checkout: a round trip of its
    own on every request, a third of an idle round. A connection in steady
    use is known alive; one that rested (the database may have restarted
    meanwhile) is pinged, and a dead one is replaced before the request
    sees it.
    """

    @event.listens_for(engine, "checkin")
    def _rested_from(_dbapi_connection: Any, record: Any) -> None:
        record.info["rested_from"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _alive(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        rested_from = record.info.get("rested_from")
        if rested_from is None or time.monotonic() - rested_from < PING_AFTER_IDLE_S:
            return
        try:
            dbapi_connection.execute("SELECT 1")
            dbapi_connection.rollback()  # back out of the transaction the ping began
        except psycopg.Error:
            # The pool replaces the connection and checks out another.
            raise DisconnectionError() from None


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
        options = conn.get_execution_options()
        if options.get("kinerja_one_statement", False):
            return
        conn.exec_driver_sql("BEGIN IMMEDIATE" if options.get("kinerja_write", False) else "BEGIN")


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
def one_statement(engine: Engine) -> Iterator[Connection]:
    """For one read statement, which is consistent by itself: no BEGIN and COMMIT.

    On PostgreSQL each is a round trip of its own, so an idle round (hello,
    and a pull with nothing new) took three where one does.
    """
    options: dict[str, Any] = {"kinerja_one_statement": True}
    if engine.dialect.name == "postgresql":
        options["isolation_level"] = "AUTOCOMMIT"
    with engine.connect().execution_options(**options) as conn:
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
