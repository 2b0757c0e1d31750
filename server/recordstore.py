"""Reading and writing the current version of records, with the audit trail.

Every write goes through ``Writer.save`` so that each accepted change gets
the next seq and a history row (who, when, from which client, what changed,
and the random stamp that the pull marks check, see server.marks). A
history row keeps what the change changed, never the whole record: what the
server stores grows with the change, not with the record's past.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, bindparam, delete, insert, or_, select, tuple_, update

from domain.references import blobs_named
from server import db

# Built once: statements with bound parameters skip SQLAlchemy's per-call
# coercion of literal values, which dominated the cost of a push.
_INSERT = insert(db.records)
# Inline: no RETURNING of the new id, whose answer a pipelined write could not wait for.
_INSERT_HISTORY = insert(db.history).inline()
_UPDATE = update(db.records).where(
    db.records.c.collection == bindparam("key_collection"), db.records.c.id == bindparam("key_id")
)
_GET = select(db.records).where(
    db.records.c.collection == bindparam("collection"), db.records.c.id == bindparam("id")
)
BLOB_COLLECTIONS = ("progress",)  # the collections whose data may name a blob
_COLUMNS = (
    "rev",
    "seq",
    "deleted",
    "owner",
    "created_by",
    "created_at",
    "updated_by",
    "updated_at",
    "conflicts",
    "data",
)


def envelope(row: Row[Any] | Mapping[str, Any]) -> dict[str, Any]:
    """The protocol's record envelope from a ``records`` row."""
    values = row._mapping if isinstance(row, Row) else row
    return {
        "collection": values["collection"],
        "id": values["id"],
        "rev": int(values["rev"]),
        "seq": int(values["seq"]),
        "deleted": bool(values["deleted"]),
        "owner": values["owner"],
        "created_by": values["created_by"],
        "created_at": values["created_at"] or values["updated_at"],
        "updated_by": values["updated_by"],
        "updated_at": values["updated_at"],
        "conflicts": list(values["conflicts"] or []),
        "data": dict(values["data"] or {}),
    }


def get(conn: Connection, collection: str, record_id: str) -> dict[str, Any] | None:
    row = conn.execute(_GET, {"collection": collection, "id": record_id}).first()
    return None if row is None else envelope(row)


def of_collection(conn: Connection, collection: str) -> list[dict[str, Any]]:
    rows = conn.execute(select(db.records).where(db.records.c.collection == collection))
    return [envelope(row) for row in rows]


def read_many(
    conn: Connection, keys: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], dict[str, Any] | None]:
    """The current version of each of these records (None where there is none), in one query."""
    wanted = set(keys)
    if not wanted:
        return {}
    # Both key columns, so that the primary key's index finds them: on id
    # alone PostgreSQL scans the whole table.
    rows = conn.execute(
        select(db.records).where(
            db.records.c.collection.in_(sorted({c for c, _i in wanted})),
            db.records.c.id.in_(sorted({i for _c, i in wanted})),
        )
    )
    found = {(row.collection, row.id): envelope(row) for row in rows}
    return {key: found.get(key) for key in wanted}


def changed_since(
    conn: Connection, seq: int, keys: Iterable[tuple[str, str]]
) -> list[dict[str, Any]]:
    """Those of these records, and any employee or acting record, written after ``seq``."""
    wanted = set(keys)
    records = db.records
    employees = records.c.collection.in_(("employee", "acting")) & (records.c.seq > seq)
    mine = (
        records.c.collection.in_(sorted({c for c, _i in wanted}))
        & records.c.id.in_(sorted({i for _c, i in wanted}))
        & (records.c.seq > seq)
    )
    query = select(records).where(or_(employees, mine) if wanted else employees)
    return [envelope(row) for row in conn.execute(query)]


@dataclass(frozen=True)
class Author:
    """Who writes, for the history: a NIP and its client, or an admin tool of the server."""

    by: str
    client_id: str | None = None


class Writer:
    """The writes of one transaction, each with the next seq.

    Records written here are kept in memory and read back through ``get``;
    ``flush`` (called by ``finish``) sends them, their history rows (the
    audit trail) and the sequence to the database in a few statements. On
    PostgreSQL that is a few round trips per push instead of a few per
    mutation, all while the sequence row is locked.
    """

    def __init__(self, conn: Connection, author: Author) -> None:
        self.conn = conn
        self.author = author
        self.seqs = db.SeqCounter(conn)
        self._known: dict[tuple[str, str], dict[str, Any] | None] = {}
        self._unsaved: dict[tuple[str, str], tuple[dict[str, Any], bool]] = {}
        self._history: list[dict[str, Any]] = []

    def know(self, records: Mapping[tuple[str, str], dict[str, Any] | None]) -> None:
        """Take these current versions (None: no such record) as read, from ``read_many``."""
        self._known.update(records)

    def get(self, collection: str, record_id: str) -> dict[str, Any] | None:
        key = (collection, record_id)
        if key not in self._known:
            self._known[key] = get(self.conn, collection, record_id)
        return self._known[key]

    def owned_by(self, collection: str, owner: str) -> list[dict[str, Any]]:
        """Every record of ``collection`` about ``owner``, this transaction's writes included."""
        self.flush()
        rows = self.conn.execute(
            select(db.records).where(
                db.records.c.collection == collection, db.records.c.owner == owner
            )
        )
        return [envelope(row) for row in rows]

    def save(
        self,
        record: dict[str, Any],
        *,
        existed: bool,
        change: dict[str, Any],
        mutation_id: str | None,
        status: str,
        op: str,
    ) -> dict[str, Any]:
        """Store ``record`` (an envelope) with a fresh seq; returns it with that seq.

        ``change`` is what the history keeps of it (``change_of`` or ``conflict_change``).
        """
        record = dict(record, seq=self.seqs.take())
        key = (record["collection"], record["id"])
        if key in self._unsaved:
            existed = self._unsaved[key][1]  # created in this transaction: still one insert
        self._unsaved[key] = (record, existed)
        self._known[key] = record
        self._history.append(
            {
                "seq": record["seq"],
                "at": db.now(),
                "by_nip": self.author.by,
                "client_id": self.author.client_id,
                "mutation_id": mutation_id,
                "status": status,
                "collection": record["collection"],
                "record_id": record["id"],
                "op": op,
                "rev": record["rev"],
                "before": None,
                "after": None,
                "change": change,
                "stamp": db.new_stamp(),
            }
        )
        return record

    def flush(self) -> None:
        """Send what was saved so far, so that queries of the database see it."""
        inserts, updates = [], []
        for record, existed in self._unsaved.values():
            columns = {key: record[key] for key in _COLUMNS}
            if existed:
                updates.append(
                    {"key_collection": record["collection"], "key_id": record["id"], **columns}
                )
            else:
                inserts.append({"collection": record["collection"], "id": record["id"], **columns})
        if inserts:
            self.conn.execute(_INSERT, inserts)
        if updates:
            self.conn.execute(_UPDATE, updates)
        if self._history:
            self.conn.execute(_INSERT_HISTORY, self._history)
        self._name_blobs([record for record, _existed in self._unsaved.values()])
        self._unsaved, self._history = {}, []

    def _name_blobs(self, saved: list[dict[str, Any]]) -> None:
        """Keep ``blob_refs`` to what these records (and their conflicts) name: the read rule."""
        keys = [(r["collection"], r["id"]) for r in saved if r["collection"] in BLOB_COLLECTIONS]
        if not keys:
            return
        refs = db.blob_refs
        self.conn.execute(delete(refs).where(tuple_(refs.c.collection, refs.c.record_id).in_(keys)))
        rows = {
            (blob["sha256"], record["collection"], record["id"])
            for record in saved
            if record["collection"] in BLOB_COLLECTIONS
            for data in (record["data"], *(c["data"] for c in record["conflicts"]))
            for blob in blobs_named(record["collection"], data)
        }
        if rows:
            self.conn.execute(
                insert(refs), [{"sha256": s, "collection": c, "record_id": i} for s, c, i in rows]
            )

    def finish(self) -> None:
        self.flush()
        self.seqs.save()


def change_of(before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> dict[str, Any]:
    """What an applied write changed: the data keys set and unset, deletion, conflicts settled."""
    old = before["data"] if before is not None else {}
    new = after["data"]
    change: dict[str, Any] = {
        "set": {key: value for key, value in new.items() if key not in old or old[key] != value},
        "unset": sorted(key for key in old if key not in new),
    }
    if before is None or before["deleted"] != after["deleted"]:
        change["deleted"] = after["deleted"]
    kept = {c["mutation_id"] for c in after["conflicts"]}
    settled = [
        c["mutation_id"]
        for c in (before or {}).get("conflicts", [])
        if c["mutation_id"] not in kept
    ]
    if settled:
        change["resolved"] = settled
    return change


def conflict_change(entry: Mapping[str, Any], replaced: str | None) -> dict[str, Any]:
    """What a kept conflict adds: the mutation's own data once, and the entry it replaced."""
    change: dict[str, Any] = {"conflict": dict(entry)}
    if replaced is not None:
        change["replaced"] = replaced
    return change
