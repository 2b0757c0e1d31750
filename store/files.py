"""Durable file primitives: whole-file replacement, appends, and setting files aside."""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path

FILE_MODE = 0o600  # records name people and their ratings: readable by the user alone


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` survive power loss."""
    if os.name != "posix":  # pragma: no cover - directories cannot be opened on Windows
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# Without O_BINARY, Windows would translate newlines in the journal.
BINARY = getattr(os, "O_BINARY", 0)


def open_file(path: Path, flags: int, mode: int = FILE_MODE) -> int:
    return os.open(path, flags | BINARY, mode)


def read_at(fd: int, offset: int, size: int) -> bytes:
    """Up to ``size`` bytes from ``offset`` (seek + read: os.pread is POSIX-only)."""
    os.lseek(fd, offset, os.SEEK_SET)
    chunks = []
    while size > 0:
        chunk = os.read(fd, size)
        if not chunk:
            break
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def write_all(fd: int, data: bytes, offset: int) -> None:
    os.lseek(fd, offset, os.SEEK_SET)
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def sync_data(fd: int) -> None:
    """Flush a file's bytes to the disk itself before a save returns."""
    if sys.platform == "darwin":  # pragma: no cover - macOS fsync stops at the drive's cache
        import fcntl

        fcntl.fcntl(fd, fcntl.F_FULLFSYNC)
    elif hasattr(os, "fdatasync"):
        # fdatasync also flushes the file size, which is all an append changes.
        os.fdatasync(fd)
    else:  # pragma: no cover - Windows
        os.fsync(fd)


def replace_durably(path: Path, data: bytes) -> None:
    """Replace ``path`` by ``data`` so that a crash leaves the old file or the new, whole."""
    temp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    fd = open_file(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    try:
        write_all(fd, data, 0)
        sync_data(fd)
    except BaseException:
        os.close(fd)
        temp.unlink(missing_ok=True)
        raise
    os.close(fd)
    os.replace(temp, path)
    fsync_dir(path.parent)


def set_aside(path: Path, now: datetime | None = None) -> Path:
    """Rename a damaged file to ``<name>.damaged-<UTC timestamp>``, never overwriting anything."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    count = 1
    while target.exists():
        count += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{count}")
    os.rename(path, target)
    fsync_dir(path.parent)
    return target


def remove_stale_temps(folder: Path, name: str) -> None:
    """Delete temp files left by a crash in the middle of ``replace_durably``."""
    for temp in folder.glob(f"{name}.tmp-*"):
        temp.unlink(missing_ok=True)
