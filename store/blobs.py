"""Evidence files kept in the profile by their content: ``blobs/<2 hex>/<sha256>``.

A file a person attaches is copied in once (10 MB at most, so read whole) and
named by its SHA-256, which is also its name on the server (protocol.md,
"Evidence files"): the same scan attached to three realisasi is kept once,
and a file fetched from the server is checked against its name before it is
kept. Files are written like the store's (temp file, fsync, rename, fsync of
the folder), readable by the user alone.

The folder holds at most ``BUDGET`` bytes (500 MB, a year of scans for one
person several times over): a file that would pass it is refused before it
is copied, with the space used and left, rather than filling a shared disk.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard

from store.errors import BlobsFull, BlobTooBig, BlobUnreadable
from store.files import fsync_dir, replace_durably

LIMIT = 10 * 1024 * 1024  # bytes: the server refuses bigger files (protocol.md)
BUDGET = 500 * 1024 * 1024  # bytes: all the files one profile keeps
FOLDER = "blobs"
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class BlobInfo:
    """A kept file, as a ``progress.evidence`` item names it (``{"label", "blob": ...}``)."""

    sha256: str
    name: str
    size: int
    type: str

    def as_blob(self) -> dict[str, Any]:
        return {"sha256": self.sha256, "name": self.name, "size": self.size, "type": self.type}


def is_sha256(text: object) -> TypeGuard[str]:
    return isinstance(text, str) and _SHA256.fullmatch(text) is not None


class Blobs:
    """``store.blobs``: put a file in, find it, read it back."""

    def __init__(self, home: Path, limit: int = LIMIT, budget: int = BUDGET) -> None:
        self.folder = home / FOLDER
        self.limit = limit
        self.budget = budget

    def put(self, source: Path) -> BlobInfo:
        """Copy a person's file in; raises BlobTooBig, BlobsFull or BlobUnreadable (nothing kept then)."""
        name = source.name
        try:
            if not source.is_file():
                raise IsADirectoryError(21, "not a regular file")
            with source.open("rb") as incoming:
                data = incoming.read(self.limit + 1)  # at most 10 MB: read whole
        except OSError as error:
            raise BlobUnreadable(source, error) from error
        if len(data) > self.limit:
            raise BlobTooBig(name, os.stat(source).st_size, self.limit)
        sha = hashlib.sha256(data).hexdigest()
        if not self.has(sha):
            used = self.used()
            if used + len(data) > self.budget:
                raise BlobsFull(name, len(data), used, self.budget)
        self._write(sha, data)
        return BlobInfo(sha, name, len(data), _type_of(name))

    def keep(self, data: bytes, sha256: str) -> Path:
        """Keep bytes fetched from the server; ValueError when they do not hash to ``sha256``."""
        _check(sha256)
        if hashlib.sha256(data).hexdigest() != sha256:
            raise ValueError(f"the bytes fetched for {sha256} hash to something else")
        return self._write(sha256, data)

    def path(self, sha256: str) -> Path | None:
        """Where the file is, or None when this profile does not hold it."""
        _check(sha256)
        path = self._path(sha256)
        return path if path.is_file() else None

    def has(self, sha256: str) -> bool:
        return self.path(sha256) is not None

    def used(self) -> int:
        """Bytes held by all the kept files (what counts against ``budget``)."""
        total = 0
        if not self.folder.is_dir():
            return 0
        for shard in os.scandir(self.folder):
            if shard.is_dir(follow_symlinks=False):
                total += sum(f.stat().st_size for f in os.scandir(shard.path) if f.is_file())
        return total

    def size(self, sha256: str) -> int:
        return self._path(sha256).stat().st_size

    def read(self, sha256: str, offset: int = 0, size: int = -1) -> bytes:
        """``size`` bytes from ``offset`` (all the rest with -1)."""
        _check(sha256)
        with self._path(sha256).open("rb") as held:
            held.seek(offset)
            return held.read(size)

    # --- private -------------------------------------------------------------

    def _path(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / sha256

    def _write(self, sha256: str, data: bytes) -> Path:
        """Keep ``data`` under its hash, durably; a file already held is left as it is."""
        target = self._path(sha256)
        if target.is_file():
            return target
        for folder in (self.folder, target.parent):
            if not folder.is_dir():
                folder.mkdir(mode=0o700, exist_ok=True)
                fsync_dir(folder.parent)  # the new folder survives a power cut with the file
        replace_durably(target, data)
        return target


def _check(sha256: str) -> None:
    # a name from a server's record becomes a path: nothing but a hash may
    if not is_sha256(sha256):
        raise ValueError(f"not a SHA-256 in hex: {sha256!r}")


def _type_of(name: str) -> str:
    return mimetypes.guess_type(name)[0] or "application/octet-stream"
