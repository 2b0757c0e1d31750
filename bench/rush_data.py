"""A province (bench/province.py) put straight into a server database, for the rush benchmark.

``load(db_url, province)`` writes every record with its history row (one
per seq, with a stamp, as pushes leave them) and the sequence, in bulk: far
faster than pushing 300,000 records, and the server sees exactly what its
own pushes would have left. ``sessions(db_url, nips)`` opens a token for
each NIP straight in the database (no argon2).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import timedelta
from typing import Any

from sqlalchemy import insert

from bench.province import Province
from server import accounts, db, marks

CHUNK = 5_000


def _chunks(rows: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _history(record: dict[str, Any], moment: Any) -> dict[str, Any]:
    return {
        "seq": record["seq"],
        "at": moment,
        "by_nip": record["updated_by"] or "import",
        "client_id": None,
        "mutation_id": None,
        "status": "applied",
        "collection": record["collection"],
        "record_id": record["id"],
        "op": "upsert",
        "rev": record["rev"],
        "before": None,
        "after": None,
        "change": None,
        "stamp": db.new_stamp(),
    }


def load(db_url: str, province: Province) -> int:
    """Write the province into a fresh database; returns the newest seq."""
    engine = db.make_engine(db_url)
    db.init(engine)
    moment = db.now()
    try:
        with db.writing(engine) as conn:
            for chunk in _chunks(province.records):
                conn.execute(insert(db.records), chunk)
                conn.execute(insert(db.history), [_history(r, moment) for r in chunk])
            top = province.records[-1]["seq"]
            db.store_sequence(conn, top)
        return int(top)
    finally:
        engine.dispose()


def sessions(db_url: str, nips: Iterable[str]) -> dict[str, str]:
    engine = db.make_engine(db_url)
    try:
        with db.writing(engine) as conn:
            return {
                nip: accounts.open_session(conn, nip, timedelta(days=1), db.now()).token
                for nip in nips
            }
    finally:
        engine.dispose()


def mark_of(db_url: str, seq: int) -> str:
    engine = db.make_engine(db_url)
    try:
        with db.reading(engine) as conn:
            return marks.mark_of(conn, seq)
    finally:
        engine.dispose()
