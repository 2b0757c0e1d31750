"""The demo folder: what it holds, and what it remembers between runs.

- ``server.db``: the demo server's SQLite database;
- ``profiles/<NIP>``: one profile folder per sample person, signed in the
  first time they are opened;
- ``seeded``: there once the sample year is in (a start without it starts over);
- ``demo.json``: the server's port, so that a restart comes back at the
  address every profile was signed in at, and their unsent changes still
  reach it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from demo.office import EMPLOYEE, SUPERIOR

SEEDED_MARK = "seeded"
STATE_FILE = "demo.json"
# Where the two profiles of earlier demos lived, before every person had one.
_EARLIER_PROFILES = {"superior": SUPERIOR.nip, "employee": EMPLOYEE.nip}


def is_seeded(data: Path) -> bool:
    return (data / SEEDED_MARK).exists()


def mark_seeded(data: Path) -> None:
    (data / SEEDED_MARK).touch()


def profile_home(data: Path, nip: str) -> Path:
    return data / "profiles" / nip


def remembered_port(data: Path) -> int | None:
    """The port the folder's server last ran on, if it ran and the file is readable."""
    try:
        port = json.loads((data / STATE_FILE).read_text(encoding="utf-8"))["port"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return port if isinstance(port, int) and 0 < port < 65536 else None


def remember_port(data: Path, port: int) -> None:
    path = data / STATE_FILE
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps({"port": port}) + "\n", encoding="utf-8")
    temporary.replace(path)


def discard_unfinished(data: Path) -> None:
    """Remove what an interrupted first start left, so seeding starts clean.

    Seeding pushes the sample year as new records; over a half-seeded
    database every push would meet its own earlier copy as a conflict.
    Only the demo's own files are touched, whatever else ``--data`` holds.
    """
    for leftover in data.glob("server.db*"):
        leftover.unlink()
    shutil.rmtree(data / "profiles", ignore_errors=True)


def move_earlier_profiles(data: Path) -> None:
    """Give the profiles of an earlier demo folder their place under the person's NIP,
    so that their unsent changes are found again."""
    for name, nip in _EARLIER_PROFILES.items():
        earlier, now = data / "profiles" / name, profile_home(data, nip)
        if earlier.is_dir() and not now.exists():
            earlier.rename(now)
