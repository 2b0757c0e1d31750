"""Evidence files kept in the profile by their content: ``blobs/<2 hex>/<sha256>``.

A file a person attaches is copied in once, hashed while it is copied, and
named by its SHA-256, which is also its name on the server (protocol.md,
"Evidence files"): the same scan attached to three realisasi is kept once,
and a file fetched from the server is checked against its name before it is
kept. Files are written like the store's (temp file, fsync, rename, fsync of
the folder), readable by the user alone.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard

from store.errors import BlobTooBig, BlobUnreadable
from store.files import fsync_dir, open_file, sync_data, write_all

LIMIT = 10 * 1024 * 1024  # bytes: the server refuses bigger files (protocol.md)
FOLDER = "blobs"
_CHUNK = 1024 * 1024
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

    def __init__(self, home: Path, limit: int = LIMIT) -> None:
        self.folder = home / FOLDER
        self.limit = limit

    def put(self, source: Path) -> BlobInfo:
        """Copy a person's file in; raises BlobTooBig or BlobUnreadable (nothing kept then)."""
        name = source.name
        try:
            with source.open("rb") as incoming:
                size = os.fstat(incoming.fileno()).st_size
                if size > self.limit:
                    raise BlobTooBig(name, size, self.limit)
                sha = self._copy_in(incoming.read, name)
        except OSError as error:
            raise BlobUnreadable(source, error) from error
        return BlobInfo(sha, name, self.size(sha), _type_of(name))

    def keep(self, data: bytes, sha256: str) -> Path:
        """Keep bytes fetched from the server; ValueError when they do not hash to ``sha256``."""
        _check(sha256)
        if hashlib.sha256(data).hexdigest() != sha256:
            raise ValueError(f"the bytes fetched for {sha256} hash to something else")
        found = self.path(sha256)
        if found is not None:
            return found
        pieces = iter((data,))
        self._copy_in(lambda _size: next(pieces, b""), sha256)
        path = self.path(sha256)
        assert path is not None
        return path

    def path(self, sha256: str) -> Path | None:
        """Where the file is, or None when this profile does not hold it."""
        _check(sha256)
        path = self._path(sha256)
        return path if path.is_file() else None

    def has(self, sha256: str) -> bool:
        return self.path(sha256) is not None

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

    def _copy_in(self, read: Any, name: str) -> str:
        """Write what ``read(n)`` yields to a temp file, hashing it; rename it to its hash."""
        self.folder.mkdir(mode=0o700, exist_ok=True)
        temp = self.folder / f".incoming-{os.getpid()}-{id(read)}"
        digest = hashlib.sha256()
        written = 0
        fd = open_file(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        try:
            while chunk := read(_CHUNK):
                written += len(chunk)
                if written > self.limit:
                    raise BlobTooBig(name, written, self.limit)
                digest.update(chunk)
                write_all(fd, chunk, written - len(chunk))
            sync_data(fd)
        except BaseException:
            os.close(fd)
            temp.unlink(missing_ok=True)
            raise
        os.close(fd)
        sha = digest.hexdigest()
        target = self._path(sha)
        target.parent.mkdir(mode=0o700, exist_ok=True)
        os.replace(temp, target)
        fsync_dir(target.parent)
        fsync_dir(self.folder)  # the first file of a new subfolder needs the subfolder kept too
        return sha


def _check(sha256: str) -> None:
    # a name from a server's record becomes a path: nothing but a hash may
    if not is_sha256(sha256):
        raise ValueError(f"not a SHA-256 in hex: {sha256!r}")


def _type_of(name: str) -> str:
    return mimetypes.guess_type(name)[0] or "application/octet-stream"
