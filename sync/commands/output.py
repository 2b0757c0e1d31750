"""Writing a file a person asked for: a new regular file, whole or not at all.

``kinerja export -o`` and ``kinerja print -o`` (commands.md) write only a new
regular file, never through a link nor over a device or a FIFO, and replace
an existing file only with ``--force``. ``check_target`` says why a path is
refused, in the person's language; ``write_file`` writes a private temp file
beside the target and links it into place (which fails if something appeared
there meanwhile) or, when replacing, renames it over the old one.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from sync.commands.common import tr


class TargetRefused(Exception):
    """The output path is not one to write: its text says why, in the person's language."""


def check_target(path: Path, force: bool) -> None:
    """Refuse a link, a device, a FIFO or a folder, and an existing file without --force."""
    _ = tr()
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        if not path.parent.is_dir():
            raise TargetRefused(
                _("Cannot write {path}: its folder does not exist.").format(path=path)
            ) from None
        return
    if stat.S_ISLNK(found.st_mode):
        raise TargetRefused(
            _("{path} is a symbolic link; give the path of a regular file.").format(path=path)
        )
    if not stat.S_ISREG(found.st_mode):
        raise TargetRefused(
            _("{path} is not a regular file (a folder, a device or a FIFO); not written.").format(
                path=path
            )
        )
    if not force:
        raise TargetRefused(
            _("{path} already exists; add --force to replace it.").format(path=path)
        )


def write_file(path: Path | str, payload: bytes, force: bool) -> Path:
    """Write ``payload`` as ``path`` in one step: a private temp file, then link or rename.

    Without ``force`` the temp file is hard-linked to ``path``, which fails if
    something appeared there since the check; with it, renamed over it.
    """
    path = Path(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        if force:
            os.replace(temporary, path)
            return path
        try:
            os.link(temporary, path)
        except FileExistsError:
            check_target(path, force=False)  # raises: something is there now
            raise
        except OSError:  # a file system without hard links
            check_target(path, force=False)
            os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    return path
