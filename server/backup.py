"""``kinerja-server backup FILE`` and ``restore FILE``: the database, blobs included.

Evidence files live in the database (``server.blobs``), so one copy of it is
the whole of the server's data; the high-water mark is not copied (a restore
sets it anew).

- SQLite: SQLite's online backup API, page by page while the server serves;
  the copy is one consistent snapshot and an ordinary SQLite file.
- PostgreSQL: ``pg_dump --format=custom``, one snapshot taken in a single
  transaction while the server serves; put back with ``pg_restore --clean``
  in a single transaction. ``pg_dump`` must be at least the server's version:
  the newest of PATH and /usr/lib/postgresql/*/bin is used.

The file is written beside its name and moved into place when whole, so a
backup cut short never leaves a truncated FILE where the last good one was.

A restore gives the database a new epoch at once. Whatever was written
after the backup is gone from the server, and the clients that wrote it
still hold it: the new epoch (pushes) and the pull's mark (``server.marks``)
make every client pull from the start and push back what the server lacks
at its next round (protocol.md).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from sqlalchemy.engine import make_url

from server import db
from server.epoch import HighWaterMark, mark_path
from server.failure import Failure
from server.ops_text import _

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"
PG_ROOT = Path("/usr/lib/postgresql")


def backend(url: str) -> str:
    return make_url(db.sqlalchemy_url(url)).get_backend_name()


def sqlite_path(url: str) -> Path:
    return Path(str(make_url(db.sqlalchemy_url(url)).database))


def libpq_url(url: str) -> str:
    """The URL pg_dump understands: without SQLAlchemy's driver name."""
    parsed = make_url(db.sqlalchemy_url(url)).set(drivername="postgresql")
    return parsed.render_as_string(hide_password=False)


def pg_tool(name: str) -> str:
    """The newest ``pg_dump``/``pg_restore`` installed: it must not be older than the server."""
    found = sorted(
        (p for p in PG_ROOT.glob(f"*/bin/{name}") if p.parent.parent.name.isdigit()),
        key=lambda p: int(p.parent.parent.name),
    )
    if found:
        return str(found[-1])
    on_path = shutil.which(name)
    if on_path is None:
        raise Failure(
            _(
                "{tool} is not installed: install the PostgreSQL client (apt-get install postgresql-client)."
            ).format(tool=name)
        )
    return on_path


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or [str(done.returncode)])[-1]
        raise Failure(
            _("{tool} failed: {reason}").format(tool=Path(command[0]).name, reason=reason)
        )


def take(url: str, target: Path) -> None:
    """Write a consistent copy of the database to ``target``, replacing it when whole."""
    scratch = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        if backend(url) == "sqlite":
            source = sqlite_path(url)
            if not source.exists():
                raise Failure(_("There is no database at {path}.").format(path=source))
            with (
                closing(sqlite3.connect(source)) as live,
                closing(sqlite3.connect(scratch)) as copy,
            ):
                live.backup(copy)
        else:
            _run(
                [
                    pg_tool("pg_dump"),
                    "--format=custom",
                    f"--file={scratch}",
                    f"--dbname={libpq_url(url)}",
                ]
            )
        os.replace(scratch, target)
    except OSError as error:
        raise Failure(
            _("Cannot write {file}: {reason}").format(file=target, reason=error)
        ) from None
    finally:
        scratch.unlink(missing_ok=True)


def kind_of(source: Path) -> str:
    """``sqlite`` or ``postgresql``: which server's backup the file is."""
    try:
        with source.open("rb") as file:
            head = file.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise Failure(_("Cannot read {file}: {reason}").format(file=source, reason=error)) from None
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PG_MAGIC):
        return "postgresql"
    raise Failure(_("{file} is not a backup made by kinerja-server backup.").format(file=source))


def put_back(url: str, source: Path, home: Path) -> str:
    """Replace the database with the backup in ``source``; returns the new epoch."""
    kind = kind_of(source)
    if kind != backend(url):
        raise Failure(
            _("{file} is a backup of a {kind} database; the server uses {used}.").format(
                file=source, kind=kind, used=backend(url)
            )
        )
    if kind == "sqlite":
        target = sqlite_path(url)
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with (
            closing(sqlite3.connect(source)) as copy,
            closing(sqlite3.connect(target)) as live,
        ):
            copy.backup(live)
    else:
        restore = pg_tool("pg_restore")
        _run(
            [
                restore,
                "--clean",
                "--if-exists",
                "--single-transaction",
                "--no-owner",
                f"--dbname={libpq_url(url)}",
                str(source),
            ]
        )
    engine = db.make_engine(url)
    try:
        db.init(engine)  # a backup from an older release is brought up to this schema
        with db.writing(engine) as conn:
            epoch = db.new_epoch()
            db.set_meta(conn, "epoch", epoch)
            seq = db.current_seq(conn)
    finally:
        engine.dispose()
    # The mark now matches the restored database: the next start rotates nothing more.
    HighWaterMark(mark_path(url, home)).note(epoch, seq)
    return epoch
