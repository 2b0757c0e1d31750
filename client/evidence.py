"""Evidence files (bukti dukung) a person attaches to a realisasi, and opens again.

Attaching copies the file into the profile (store/blobs.py: by its SHA-256,
10 MB at most, within the profile's budget) and gives the ``blob`` a
``progress.evidence`` item names; the next sync uploads it (sync/blobs.py).
Opening writes a copy into a folder the person chose, fetching the file from
the server the first time: over SSH there is no desktop to open it in, so
"open" means "put it where I can take it", and the answer says where.

Words are in the ``tui_documents`` gettext domain, with the screens that show them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from domain.i18n import translator

if TYPE_CHECKING:
    from client.services import Services

DOMAIN = "tui_documents"


class EvidenceProblem(Exception):
    """Attaching or opening failed; ``str()`` says why and what to do, in the person's language."""


def texts(lang: str | None) -> Callable[[str], str]:
    return translator(DOMAIN, lang)


def size_text(size: int, lang: str | None) -> str:
    """A file's size as people read it: "850 KB", "2,4 MB" (a decimal comma in Indonesian)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB" if size else "0 KB"
    shown = f"{size / (1024 * 1024):.1f}".removesuffix(".0")
    return f"{shown.replace('.', ',') if lang != 'en' else shown} MB"


def describe(blob: Mapping[str, Any], lang: str | None) -> str:
    """name · size · type, as listed under a realisasi."""
    return " · ".join(
        (
            str(blob.get("name", "")),
            size_text(int(blob.get("size") or 0), lang),
            str(blob.get("type", "")),
        )
    )


def attach(services: Services, path: Path) -> dict[str, Any]:
    """Keep ``path`` in the profile; the ``blob`` of its evidence item.

    Raises EvidenceProblem (too big, past the budget, unreadable); nothing is
    kept then.
    """
    from store import StoreError

    try:
        return services.store.blobs.put(path.expanduser()).as_blob()
    except StoreError as error:
        raise EvidenceProblem(error.message(services.lang)) from error


def budget_text(services: Services) -> str:
    """How much of the profile's budget the kept files use, e.g. "12,5 MB of 500 MB used here"."""
    blobs = services.store.blobs
    _ = texts(services.lang)
    return _("{used} of {budget} used here").format(
        used=size_text(blobs.used(), services.lang), budget=size_text(blobs.budget, services.lang)
    )


def is_here(services: Services, blob: Mapping[str, Any]) -> bool:
    """The file is on this computer (else opening it asks the server)."""
    from store.blobs import is_sha256

    sha = blob.get("sha256")
    return is_sha256(sha) and services.store.blobs.has(sha)


def save_copy(services: Services, blob: Mapping[str, Any], folder: Path) -> Path:
    """Write the file named by ``blob`` into ``folder``, fetching it first if need be.

    The copy takes the file's own name, or "name (2).ext" and so on when that
    is taken: nothing of the person's is replaced. Returns where it was
    written; raises EvidenceProblem with the reason otherwise.
    """
    from store.blobs import is_sha256
    from sync.blobs import NotSignedIn, fetch_blob
    from sync.commands.output import TargetRefused, check_target, write_file
    from sync.link import BlobNotFound, LinkError

    _ = texts(services.lang)
    sha, name = blob.get("sha256"), str(blob.get("name") or "bukti")
    if not is_sha256(sha):
        raise EvidenceProblem(_("This evidence names no file that can be opened."))
    try:
        held = fetch_blob(services.store, sha)
    except NotSignedIn:
        raise EvidenceProblem(
            _("{name} is not on this computer; sign in (kinerja login) to fetch it.").format(
                name=name
            )
        ) from None
    except BlobNotFound:
        raise EvidenceProblem(
            _("The server has no file {name} that you may read.").format(name=name)
        ) from None
    except LinkError:
        raise EvidenceProblem(
            _(
                "{name} is not on this computer and the server cannot be reached; try again when online."
            ).format(name=name)
        ) from None
    target = _free_name(folder.expanduser(), Path(name).name)
    try:
        check_target(target, force=False)
        return write_file(target, held.read_bytes(), force=False)
    except TargetRefused as refused:
        raise EvidenceProblem(str(refused)) from None
    except OSError as error:
        raise EvidenceProblem(
            _("{name} could not be written in {folder}: {reason}").format(
                name=name, folder=folder, reason=error.strerror or error
            )
        ) from None


def _free_name(folder: Path, name: str) -> Path:
    target = folder / name
    stem, suffix = Path(name).stem, Path(name).suffix
    number = 2
    while target.exists() or target.is_symlink():
        target = folder / f"{stem} ({number}){suffix}"
        number += 1
    return target
