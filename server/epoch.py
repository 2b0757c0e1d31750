"""The epoch clients hold, and how a restored database gets a new one.

The epoch is a random id in the ``meta`` table. A database put back from an
older copy must not present the epoch its clients already hold, or they
would keep cursors beyond its end and never pull again. So the server keeps
a high-water mark outside the database: a small JSON file with the epoch and
the highest seq it has handed out, written by every push just before it
commits (so the mark may run ahead of the database, never behind it; a push
that then fails costs at most one needless rotation at the next start). For SQLite it
sits beside the database file (``<file>.seq-mark``), so a copied folder
carries it along; for PostgreSQL it sits in the server's data folder, one
per database. When ``serve`` starts and the database is behind the mark (a
lower seq, or another epoch than the mark saw), the epoch is rotated: every
client then pulls from 0 and pushes what the server lacks (protocol.md).

This file cannot tell a data folder restored whole (database and mark file
together): the pull cursor's mark does (``server.marks``), at each client's
next round. The epoch stays for what the mark cannot see: a push, which
names no change, is refused at once by a rotated epoch.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from server import db


def mark_path(db_url: str, home: Path) -> Path:
    url = make_url(db.sqlalchemy_url(db_url))
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database + ".seq-mark")
    where = f"{url.host}:{url.port}/{url.database}"
    return home / f"seq-mark-{hashlib.sha256(where.encode()).hexdigest()[:16]}.json"


class HighWaterMark:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._epoch: str | None = None
        self._seq = -1

    def read(self) -> tuple[str, int] | None:
        try:
            found = json.loads(self.path.read_text())
            return str(found["epoch"]), int(found["seq"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def raise_to(self, epoch: str, seq: int) -> None:
        """For another process than the server (import-employees): never lowers the mark."""
        seen = self.read()
        if seen is None or seen[0] != epoch or seen[1] < seq:
            self.note(epoch, seq)

    def note(self, epoch: str, seq: int) -> None:
        with self._lock:
            if epoch == self._epoch and seq <= self._seq:
                return
            self._epoch, self._seq = epoch, seq
            scratch = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            text = json.dumps({"epoch": epoch, "seq": seq})
            # Every push writes this while holding the sequence: the folder
            # is made only when missing, not looked at each time.
            try:
                scratch.write_text(text)
            except FileNotFoundError:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                scratch.write_text(text)
            os.replace(scratch, self.path)


def note_writes(engine: Engine, mark: HighWaterMark) -> None:
    """After an admin tool wrote records: raise the mark to the database's seq."""
    with db.reading(engine) as conn:
        epoch, seq = db.get_meta(conn, "epoch"), db.current_seq(conn)
    if epoch:
        mark.raise_to(epoch, seq)


def settle_epoch(engine: Engine, mark: HighWaterMark) -> tuple[str, bool]:
    """The epoch to serve, rotated when the database is behind the mark."""
    seen = mark.read()
    with db.writing(engine) as conn:
        epoch = db.get_meta(conn, "epoch") or db.new_epoch()
        seq = db.current_seq(conn)
        rotated = seen is not None and (seen[0] != epoch or seq < seen[1])
        if rotated:
            epoch = db.new_epoch()
        db.set_meta(conn, "epoch", epoch)
    mark.note(epoch, seq)
    return epoch, rotated
