"""``kinerja-server doctor``: what an operator should put right, and how.

Four areas, each check a ``Finding``: ``ok``, ``note`` (worth knowing, not
wrong) or ``fix`` (with what to type). The command exits 1 when anything
needs fixing, so a deployment script can stop on it.

- files: the data folder 0700 and the database files and mark 0600, owned by
  the user running the command (the server's user);
- TLS: with ``--certfile``/``--keyfile``, that they are readable, belong
  together, the key is private and the certificate is within its dates;
  without, a reminder that a reverse proxy must speak TLS;
- database: reachable, at this release's schema, SQLite in WAL mode;
  PostgreSQL with fsync and synchronous_commit on and enough connections
  for ``--workers`` processes (each keeps up to ``CONNECTIONS_PER_WORKER``);
- clock: tokens, conflicts and the audit trail carry the server's time, so
  it must agree with the database server's and be kept by NTP.
"""

from __future__ import annotations

import os
import ssl
import stat
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Connection, text
from sqlalchemy.exc import SQLAlchemyError

from server import db
from server.backup import backend, sqlite_path
from server.epoch import mark_path
from server.ops_text import _

CONNECTIONS_PER_WORKER = 45  # server.db.make_engine: pool_size 20 + max_overflow 25
CLOCK_SKEW = timedelta(seconds=2)
CERT_WARNING = timedelta(days=30)


@dataclass(frozen=True)
class Finding:
    level: str  # "ok", "note" or "fix"
    message: str


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def files(url: str, home: Path) -> Iterator[Finding]:
    folder = sqlite_path(url).parent if backend(url) == "sqlite" else home
    paths = [mark_path(url, home)]
    if backend(url) == "sqlite":
        paths += [Path(f"{sqlite_path(url)}{side}") for side in ("", "-wal", "-shm")]
    wrong = 0
    for path, mode in [(folder, 0o700), *((p, 0o600) for p in paths)]:
        if not path.exists():
            continue
        if path.stat().st_uid != os.geteuid():
            wrong += 1
            yield Finding(
                "fix",
                _("{path} belongs to another user: chown it to the server's user.").format(
                    path=path
                ),
            )
        elif _mode(path) & ~mode:
            wrong += 1
            yield Finding(
                "fix",
                _("{path} is open to others: chmod {mode:o} {path}").format(path=path, mode=mode),
            )
    if not wrong:
        yield Finding(
            "ok", _("The server's files are its user's alone ({folder}).").format(folder=folder)
        )


def tls(certfile: Path | None, keyfile: Path | None) -> Iterator[Finding]:
    if certfile is None:
        yield Finding(
            "note",
            _(
                "No --certfile given: serve behind a reverse proxy that speaks HTTPS (docs/deploy/nginx-kinerja.conf)."
            ),
        )
        return
    key = keyfile or certfile
    try:
        ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER).load_cert_chain(certfile, keyfile)
        decoded = ssl._ssl._test_decode_cert(str(certfile))  # type: ignore[attr-defined]
    except (OSError, ssl.SSLError) as error:
        yield Finding(
            "fix",
            _("The certificate and key cannot be used together: {reason}").format(reason=error),
        )
        return
    ends = datetime.fromtimestamp(ssl.cert_time_to_seconds(decoded["notAfter"]), UTC)
    now = db.now()
    if ends < now:
        yield Finding(
            "fix",
            _("The certificate {file} expired on {day}: renew it.").format(
                file=certfile, day=ends.date()
            ),
        )
    elif ends - now < CERT_WARNING:
        yield Finding(
            "note",
            _("The certificate {file} expires on {day}: renew it soon.").format(
                file=certfile, day=ends.date()
            ),
        )
    else:
        yield Finding("ok", _("The certificate is valid until {day}.").format(day=ends.date()))
    if _mode(key) & 0o077:
        yield Finding(
            "fix", _("The private key {file} is open to others: chmod 600 {file}").format(file=key)
        )


def database(url: str, workers: int) -> Iterator[Finding]:
    if backend(url) == "sqlite" and not sqlite_path(url).exists():
        yield Finding(
            "fix",
            _("There is no database at {path}: run kinerja-server init.").format(
                path=sqlite_path(url)
            ),
        )
        return
    engine = db.make_engine(url)
    try:
        with db.reading(engine) as conn:
            version = db.installed_version(conn)
            settings = list(
                _sqlite(conn) if conn.dialect.name == "sqlite" else _postgresql(conn, workers)
            )
            skew = _skew(conn)
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", None) or error).splitlines()[0]
        yield Finding("fix", _("Cannot reach the database: {reason}").format(reason=reason))
        return
    finally:
        engine.dispose()
    if version < db.SCHEMA_VERSION:
        yield Finding(
            "fix",
            _(
                "The database schema is at version {found}, this server needs {needed}: run kinerja-server init."
            ).format(found=version, needed=db.SCHEMA_VERSION),
        )
    else:
        yield Finding(
            "ok", _("The database answers at schema version {version}.").format(version=version)
        )
    yield from settings
    yield from clock(skew)


def _sqlite(conn: Connection) -> Iterator[Finding]:
    mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
    if str(mode).lower() != "wal":
        yield Finding(
            "fix",
            _(
                "SQLite is not in WAL mode ({mode}): readers would wait for writers. Run kinerja-server init."
            ).format(mode=mode),
        )
    yield Finding(
        "note", _("SQLite serves one process: for --workers or several machines, use PostgreSQL.")
    )


def _postgresql(conn: Connection, workers: int) -> Iterator[Finding]:
    for name in ("fsync", "synchronous_commit"):
        value = conn.exec_driver_sql(f"SHOW {name}").scalar()
        if value != "on":
            yield Finding(
                "fix",
                _(
                    "PostgreSQL has {name} = {value}: a crash could lose what clients were told was saved. Set {name} = on in postgresql.conf."
                ).format(name=name, value=value),
            )
    most = int(conn.exec_driver_sql("SHOW max_connections").scalar() or 0)
    needed = workers * CONNECTIONS_PER_WORKER + 5
    if most < needed:
        yield Finding(
            "fix",
            _(
                "PostgreSQL allows {most} connections; {workers} worker(s) may open {needed}: set max_connections = {needed} or more."
            ).format(most=most, workers=workers, needed=needed),
        )
    else:
        yield Finding(
            "ok",
            _("PostgreSQL allows {most} connections, enough for {workers} worker(s).").format(
                most=most, workers=workers
            ),
        )


def _skew(conn: Connection) -> timedelta | None:
    """How far this machine's clock is from the database server's (PostgreSQL only)."""
    if conn.dialect.name != "postgresql":
        return None
    theirs = conn.execute(text("SELECT clock_timestamp()")).scalar()
    assert isinstance(theirs, datetime)
    return abs(db.now() - theirs)


def clock(skew: timedelta | None) -> Iterator[Finding]:
    if skew is not None and skew > CLOCK_SKEW:
        yield Finding(
            "fix",
            _(
                "This machine's clock is {seconds:.0f} s away from the database server's: keep both with NTP (apt-get install systemd-timesyncd)."
            ).format(seconds=skew.total_seconds()),
        )
    elif skew is not None:
        yield Finding("ok", _("The clock agrees with the database server's."))
    synced = _ntp_synchronised()
    if synced is False:
        yield Finding("fix", _("The clock is not kept by NTP: timedatectl set-ntp true"))
    elif synced is None:
        yield Finding(
            "note",
            _("Cannot tell whether NTP keeps the clock (no timedatectl answer): check it by hand."),
        )
    else:
        yield Finding("ok", _("NTP keeps the clock."))


def _ntp_synchronised() -> bool | None:
    try:
        done = subprocess.run(
            ["timedatectl", "show", "-p", "NTPSynchronized", "--value"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    answer = done.stdout.strip()
    return None if done.returncode or answer not in ("yes", "no") else answer == "yes"


def examine(
    url: str, home: Path, certfile: Path | None, keyfile: Path | None, workers: int
) -> list[Finding]:
    return [*files(url, home), *tls(certfile, keyfile), *database(url, workers)]
