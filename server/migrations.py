"""The ordered steps that bring a database to the current schema (``kinerja-server init``).

``STEPS[n - 1]`` brings a database of version n - 1 to version n. A fresh
database goes through every step, so the steps that upgrade old databases
run in every test. Step 1 makes the tables of ``server.schema_v1`` as they
were; step 2 brings them to protocol 2 without losing a record:

- records gain ``created_by``/``created_at``, taken from their first history
  row (the admin tools' writes get a null ``created_by``);
- history rows gain a random ``stamp`` (the ``mark`` of server.marks) and a
  ``change`` column for the rows written from now on;
- the first results of mutations are keyed by (sender, mutation_id), the
  sender taken from the history row of that mutation;
- follow-ups gain their empty list of ``steps`` (protocol 2 requires it);
- the tables of blobs, sign-in failures by address and acting starts are
  made; the failed sign-ins counted by NIP alone are dropped (they only
  throttled, and for at most fifteen minutes).

Step 3 replaces the index of records by owner with one by (owner, seq).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Column, Connection, Engine, bindparam, insert, select, update

from server import db, schema_v1

_NIP = re.compile(r"\d{18}")
CHUNK = 1000


def _step_1(conn: Connection) -> None:
    schema_v1.metadata.create_all(conn)
    conn.execute(insert(schema_v1.sequence).values(id=1, value=0))
    db.set_meta(conn, "epoch", db.new_epoch())


def _add_column(conn: Connection, table: str, column: Column[Any]) -> None:
    kind = column.type.compile(dialect=conn.dialect)
    conn.exec_driver_sql(f'ALTER TABLE {table} ADD COLUMN "{column.name}" {kind}')


def _iso(moment: datetime) -> str:
    return db.aware(moment).isoformat()


def _stamp_history(conn: Connection) -> dict[tuple[str, str], tuple[str | None, str]]:
    """Give every history row a stamp; returns each record's first author and time."""
    history = schema_v1.history
    rows = conn.execute(
        select(history.c.id, history.c.collection, history.c.record_id, history.c.by_nip)
        .add_columns(history.c.at)
        .order_by(history.c.seq, history.c.id)
    ).all()
    first: dict[tuple[str, str], tuple[str | None, str]] = {}
    stamps = []
    for row in rows:
        key = (row.collection, row.record_id)
        if key not in first:
            first[key] = (row.by_nip if _NIP.fullmatch(row.by_nip) else None, _iso(row.at))
        stamps.append({"row_id": row.id, "stamp": db.new_stamp()})
    statement = (
        update(db.history)
        .where(db.history.c.id == bindparam("row_id"))
        .values(stamp=bindparam("stamp"))
    )
    for start in range(0, len(stamps), CHUNK):
        conn.execute(statement, stamps[start : start + CHUNK])
    return first


def _created(conn: Connection, first: dict[tuple[str, str], tuple[str | None, str]]) -> None:
    records = schema_v1.records
    rows = conn.execute(
        select(records.c.collection, records.c.id, records.c.updated_by, records.c.updated_at)
    ).all()
    values = []
    for row in rows:
        by, at = first.get((row.collection, row.id), (row.updated_by, row.updated_at))
        values.append({"key_collection": row.collection, "key_id": row.id, "by": by, "at": at})
    statement = (
        update(db.records)
        .where(
            db.records.c.collection == bindparam("key_collection"),
            db.records.c.id == bindparam("key_id"),
        )
        .values(created_by=bindparam("by"), created_at=bindparam("at"))
    )
    for start in range(0, len(values), CHUNK):
        conn.execute(statement, values[start : start + CHUNK])


def _scope_mutation_results(conn: Connection) -> None:
    history, old = schema_v1.history, schema_v1.applied_mutations
    senders = dict(
        conn.execute(
            select(history.c.mutation_id, history.c.by_nip).where(
                history.c.mutation_id.is_not(None)
            )
        ).all()
    )
    rows = [
        {
            "nip": senders.get(row.mutation_id, ""),
            "mutation_id": row.mutation_id,
            "collection": row.collection,
            "record_id": row.record_id,
            "result": row.result,
        }
        for row in conn.execute(select(old))
    ]
    for start in range(0, len(rows), CHUNK):
        conn.execute(insert(db.mutation_results), rows[start : start + CHUNK])
    old.drop(conn)


def _follow_up_steps(conn: Connection) -> None:
    records = schema_v1.records
    rows = conn.execute(
        select(records.c.id, records.c.data, records.c.conflicts).where(
            records.c.collection == "follow_up"
        )
    ).all()
    for row in rows:
        data = dict(row.data or {})
        data.setdefault("steps", [])
        conflicts = [
            dict(c, data={**c["data"], "steps": c["data"].get("steps", [])})
            if isinstance(c.get("data"), dict) and not c.get("deleted")
            else c
            for c in row.conflicts or []
        ]
        conn.execute(
            update(db.records)
            .where(db.records.c.collection == "follow_up", db.records.c.id == row.id)
            .values(data=data, conflicts=conflicts)
        )


def _step_2(conn: Connection) -> None:
    for column in (db.records.c.created_by, db.records.c.created_at):
        _add_column(conn, "records", column)
    for column in (db.history.c.change, db.history.c.stamp):
        _add_column(conn, "history", column)
    new_tables = [
        db.mutation_results,
        db.sign_in_failures,
        db.acting_started,
        db.blobs,
        db.blob_uploads,
        db.blob_parts,
        db.blob_refs,
    ]
    db.metadata.create_all(conn, tables=new_tables)
    for index in db.history.indexes:
        if index.name == "history_seq":
            index.create(conn)
    _created(conn, _stamp_history(conn))
    _scope_mutation_results(conn)
    _follow_up_steps(conn)
    schema_v1.login_failures.drop(conn)


def _step_3(conn: Connection) -> None:
    conn.exec_driver_sql("DROP INDEX records_owner")
    for index in db.records.indexes:
        if index.name == "records_owner_seq":
            index.create(conn)


STEPS: tuple[Callable[[Connection], None], ...] = (_step_1, _step_2, _step_3)


def upgrade(engine: Engine, target: int = len(STEPS)) -> tuple[int, int]:
    """Create or upgrade the schema to ``target``; safe to run again. Returns (from, to).

    A ``target`` below the newest is for tests that make an old database.
    """
    with db.writing(engine) as conn:
        if conn.dialect.name == "postgresql":
            # Two inits at once must not both create the tables.
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(4242001)")
        found = db.installed_version(conn)
        for version in range(found + 1, target + 1):
            STEPS[version - 1](conn)
            conn.execute(insert(db.schema_version).values(version=version, applied_at=db.now()))
    return found, max(found, target)
