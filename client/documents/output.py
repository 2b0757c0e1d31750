"""Writing a document's file: a new regular file, whole or not at all.

``check_target`` refuses a link, a device, a FIFO or a folder, and an
existing file unless the caller may replace it; ``write_file`` writes a
private temp file beside the target and then links it into place (which
fails if something appeared there meanwhile) or, when replacing, renames it.
The same rule as ``kinerja export -o`` (commands.md).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from domain.i18n import translator


class TargetRefused(Exception):
    """The output path is not one to write: ``str()`` says why, in the person's language."""


def check_target(path: Path, force: bool) -> None:
    """Refuse a link, a device, a FIFO or a folder, and an existing file without ``force``."""
    _ = translator("documents")
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


def write_file(path: Path | str, payload: bytes, force: bool = True) -> Path:
    """Write ``payload`` as ``path`` in one step; without ``force`` never over anything."""
    target = Path(path)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        if force:
            os.replace(temporary, target)
            return target
        try:
            os.link(temporary, target)
        except FileExistsError:
            check_target(target, force=False)  # raises: something is there now
            raise
        except OSError:  # a file system without hard links
            check_target(target, force=False)
            os.replace(temporary, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    return target
