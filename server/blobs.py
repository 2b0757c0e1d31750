"""Evidence files (blobs): kept once per SHA-256, read only by those who may (docs/protocol2.md).

A blob lives in the database (table ``blobs``), so that every server process
shares it and a backup of the database carries it. It is given back only to
a user who sent it or who may read a record naming it (``blob_refs``, kept
by ``server.recordstore``); to anyone else it does not exist: 404, never
403, and a push naming it is ``invalid`` exactly as if it were missing, so
that hashing a known file tells a stranger nothing.

Uploads may come in parts (``Content-Range``), held per sender and hash in
``blob_parts`` until the last one arrives and the whole hashes to its name.
Parts older than a day are dropped, and so are blobs that no record has
named for a week: an upload is a step before a push, not storage.
"""

from __future__ import annotations

import hashlib
import re
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, and_, delete, exists, func, insert, select

from domain.org import Organisation
from domain.permissions import Actor, can_read
from domain.schema import BLOB_MAX_BYTES
from server import db

SHA256 = re.compile(r"[0-9a-f]{64}")
RANGE = re.compile(r"bytes (\d{1,12})-(\d{1,12})/(\d{1,12})")
PARTS_KEPT = timedelta(days=1)
UNNAMED_KEPT = timedelta(days=7)
SENDER_QUOTA = 200 * 1024 * 1024  # bytes one person may send in a day, parts included
MAX_PARTS = 1000  # parts of one upload: a file sent a byte a request would fill a table
DEFAULT_TYPE = "application/octet-stream"
CLEAN_EVERY = 3600.0  # seconds between two sweeps of old parts and unnamed blobs


class BlobRefused(Exception):
    """An upload the server will not take: ``status`` and ``code`` for the answer."""

    def __init__(self, status: int, code: str, offset: int | None = None) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.offset = offset


@dataclass(frozen=True)
class Part:
    """One ``Content-Range: bytes first-last/total``."""

    first: int
    last: int
    total: int

    @classmethod
    def parse(cls, header: str) -> Part:
        found = RANGE.fullmatch(header.strip())
        if found is None:
            raise BlobRefused(400, "range")
        first, last, total = (int(g) for g in found.groups())
        if total > BLOB_MAX_BYTES:
            raise BlobRefused(413, "too_large")
        if not first <= last < total:
            raise BlobRefused(400, "range")
        return cls(first, last, total)


def media_type(header: str | None) -> str:
    """The type a sender gave, without parameters, or application/octet-stream."""
    kind = (header or "").split(";")[0].strip().lower()
    return kind if kind and len(kind) <= 255 and "/" in kind else DEFAULT_TYPE


def held_offset(conn: Connection, nip: str, sha: str) -> int:
    """How many bytes of ``sha`` this sender's unfinished upload holds."""
    parts = db.blob_parts
    total = conn.execute(
        select(func.coalesce(func.sum(func.length(parts.c.bytes)), 0)).where(
            parts.c.nip == nip, parts.c.sha256 == sha
        )
    ).scalar_one()
    return int(total)


def exists_whole(conn: Connection, sha: str) -> bool:
    return (
        conn.execute(select(db.blobs.c.sha256).where(db.blobs.c.sha256 == sha)).first() is not None
    )


def may_read(conn: Connection, actor: Actor, sha: str, org: Organisation, moment: datetime) -> bool:
    """Whether ``actor`` sent this blob or may read a record naming it (not whether it exists)."""
    sent = conn.execute(
        select(db.blob_uploads.c.nip).where(
            db.blob_uploads.c.sha256 == sha, db.blob_uploads.c.nip == actor.nip
        )
    ).first()
    if sent is not None:
        return True
    refs, records = db.blob_refs, db.records
    naming = conn.execute(
        select(records.c.collection, records.c.owner)
        .join(
            refs, and_(refs.c.collection == records.c.collection, refs.c.record_id == records.c.id)
        )
        .where(refs.c.sha256 == sha)
    ).all()
    day = org.on(moment)
    return any(can_read(actor, collection, owner, day) for collection, owner in naming)


def size_of(conn: Connection, sha: str) -> int | None:
    found = conn.execute(
        select(db.blobs.c.size).where(db.blobs.c.sha256 == sha)
    ).scalar_one_or_none()
    return None if found is None else int(found)


def read(conn: Connection, sha: str) -> bytes | None:
    found = conn.execute(
        select(db.blobs.c.bytes).where(db.blobs.c.sha256 == sha)
    ).scalar_one_or_none()
    return None if found is None else bytes(found)


def _sent_today(conn: Connection, nip: str, moment: datetime) -> int:
    """Bytes this person sent in the last day: whole blobs and parts held."""
    uploads, blobs, parts = db.blob_uploads, db.blobs, db.blob_parts
    whole = conn.execute(
        select(func.coalesce(func.sum(blobs.c.size), 0))
        .join(uploads, uploads.c.sha256 == blobs.c.sha256)
        .where(uploads.c.nip == nip, uploads.c.at > moment - timedelta(days=1))
    ).scalar_one()
    held = conn.execute(
        select(func.coalesce(func.sum(func.length(parts.c.bytes)), 0)).where(parts.c.nip == nip)
    ).scalar_one()
    return int(whole) + int(held)


def _check_quota(conn: Connection, nip: str, size: int, moment: datetime) -> None:
    if _sent_today(conn, nip, moment) + size > SENDER_QUOTA:
        raise BlobRefused(413, "quota")


def store_whole(
    conn: Connection, nip: str, sha: str, body: bytes, kind: str, moment: datetime, known: bool
) -> int:
    """Keep a complete upload; 200 when the sender already had it, else 201.

    ``known``: the sender may already read this blob (sent it, or may read a
    record naming it). Anyone else gets 201 even when the bytes were there:
    the answer never tells a stranger that someone else holds this file.
    """
    if len(body) > BLOB_MAX_BYTES:
        raise BlobRefused(413, "too_large")
    if hashlib.sha256(body).hexdigest() != sha:
        raise BlobRefused(400, "hash")
    if known and exists_whole(conn, sha):
        return 200
    _check_quota(conn, nip, len(body), moment)
    if not exists_whole(conn, sha):
        conn.execute(
            insert(db.blobs).values(
                sha256=sha, size=len(body), type=kind, bytes=body, created_at=moment
            )
        )
    uploads = db.blob_uploads
    conn.execute(delete(uploads).where(uploads.c.sha256 == sha, uploads.c.nip == nip))
    conn.execute(insert(uploads).values(sha256=sha, nip=nip, at=moment))
    return 201


def store_part(
    conn: Connection,
    nip: str,
    sha: str,
    part: Part,
    body: bytes,
    kind: str,
    moment: datetime,
    known: bool,
) -> tuple[int, int]:
    """Keep one part; returns (status, bytes now held): 202 while incomplete, then as
    ``store_whole``. A part that does not start where the sender's upload stands is refused
    with 409 ``offset``; a part whose total differs from the earlier parts' with 400 ``range``."""
    if len(body) != part.last - part.first + 1:
        raise BlobRefused(400, "range")
    parts = db.blob_parts
    totals = list(
        conn.execute(
            select(parts.c.total).where(parts.c.nip == nip, parts.c.sha256 == sha)
        ).scalars()
    )
    held = held_offset(conn, nip, sha)
    if totals and set(totals) != {part.total}:
        raise BlobRefused(400, "range", held)
    if part.first != held:
        raise BlobRefused(409, "offset", held)
    if len(totals) + 1 >= MAX_PARTS and part.last + 1 < part.total:
        raise BlobRefused(413, "parts", held)
    if part.last + 1 < part.total:
        _check_quota(conn, nip, len(body), moment)
        conn.execute(
            insert(parts).values(
                nip=nip,
                sha256=sha,
                offset=part.first,
                total=part.total,
                type=kind,
                bytes=body,
                at=moment,
            )
        )
        return 202, part.last + 1
    earlier = conn.execute(
        select(parts.c.bytes)
        .where(parts.c.nip == nip, parts.c.sha256 == sha)
        .order_by(parts.c.offset)
    ).scalars()
    whole = b"".join(bytes(chunk) for chunk in earlier) + body
    conn.execute(delete(parts).where(parts.c.nip == nip, parts.c.sha256 == sha))
    return store_whole(conn, nip, sha, whole, kind, moment, known), part.total


class Sweeper:
    """Drops old parts and long-unnamed blobs, at most once an hour per server process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last = float("-inf")

    def due(self) -> bool:
        with self._lock:
            if time.monotonic() - self._last < CLEAN_EVERY:
                return False
            self._last = time.monotonic()
            return True

    @staticmethod
    def sweep(conn: Connection, moment: datetime) -> None:
        """Run in a write transaction that holds the sequence row, as pushes do: a push
        naming a blob and this sweep never pass each other."""
        db.lock_sequence(conn)
        conn.execute(delete(db.blob_parts).where(db.blob_parts.c.at < moment - PARTS_KEPT))
        named = exists().where(db.blob_refs.c.sha256 == db.blobs.c.sha256)
        uploads = db.blob_uploads
        sent_lately = exists().where(
            uploads.c.sha256 == db.blobs.c.sha256, uploads.c.at > moment - UNNAMED_KEPT
        )
        old = select(db.blobs.c.sha256).where(~named, ~sent_lately)
        gone = list(conn.execute(old).scalars())
        if gone:
            conn.execute(delete(db.blob_uploads).where(db.blob_uploads.c.sha256.in_(gone)))
            conn.execute(delete(db.blobs).where(db.blobs.c.sha256.in_(gone)))
