"""The server's files are its user's alone: 0600 files in a 0700 folder.

The database (SQLite: the file, its ``-wal``, ``-shm`` and ``-journal``),
the high-water mark and the data folder hold every record and the token
hashes. ``kinerja-server`` sets its umask to 077, so what it makes is
private from the start; ``protect`` puts right what an older release or a
copy made with other modes. A folder is closed (0700) only when it is the
server's data folder or holds nothing but the server's files: a database
put in a shared folder such as /tmp gets a warning, not a chmod of /tmp.
"""

from __future__ import annotations

import stat
import sys
from pathlib import Path

from sqlalchemy.engine import make_url

from server import db
from server.epoch import mark_path
from server.messages import _, text

SQLITE_SIDES = ("", "-wal", "-shm", "-journal")


def _sqlite_file(url: str) -> Path | None:
    parsed = make_url(db.sqlalchemy_url(url))
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(str(parsed.database))


def _files(url: str, home: Path) -> list[Path]:
    database = _sqlite_file(url)
    found = [mark_path(url, home)]
    if database is not None:
        found += [Path(f"{database}{side}") for side in SQLITE_SIDES]
    return found


def _folders(url: str, home: Path) -> list[Path]:
    database = _sqlite_file(url)
    return [home] if database is None else [database.parent]


def prepare(url: str, home: Path) -> None:
    """Make the data folder, private, if it is missing."""
    for folder in _folders(url, home):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)


def _ours_only(folder: Path, ours: set[str]) -> bool:
    return all(entry.name in ours or entry.name.endswith(".tmp") for entry in folder.iterdir())


def protect(url: str, home: Path) -> None:
    """Set 0600 on the server's files and 0700 on its folder; warn of a shared folder."""
    files = _files(url, home)
    for path in files:
        if path.exists() and stat.S_IMODE(path.stat().st_mode) != 0o600:
            path.chmod(0o600)
    ours = {path.name for path in files}
    for folder in _folders(url, home):
        if not folder.exists() or stat.S_IMODE(folder.stat().st_mode) == 0o700:
            continue
        if folder.resolve() == home.resolve() or _ours_only(folder, ours):
            folder.chmod(0o700)
        else:
            warning = text(
                _(
                    "The folder {folder} is open to other users and holds more than the database: keep the database in a folder of its own."
                )
            )
            print("kinerja-server: " + warning.format(folder=folder), file=sys.stderr)
