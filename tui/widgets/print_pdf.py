"""The print keys' one flow: draw the official PDF, ask for a folder, write it, say where.

The document is drawn by ``client.documents.printing.print_document``, the
function ``kinerja print`` uses, and written by the same file rules
(``write_document``): a new regular file, never through a link; a file of
that name already there is replaced only after the person says yes in the
confirm dialog. A document that cannot be made (no SKP for the period, not
one's to read) is said before any folder is asked for.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from textual.screen import Screen

from client.documents.printing import (
    DocumentKind,
    Printed,
    TargetRefused,
    print_document,
    write_document,
)
from client.documents.source import DocumentError
from client.evidence import texts
from client.services import Services
from tui.widgets.dialogs import ConfirmDialog
from tui.widgets.file_picker import FilePicker


def print_pdf(
    screen: Screen[Any],
    services: Services,
    kind: DocumentKind,
    *,
    period: str | None,
    nip: str | None = None,
    unit: str | None = None,
) -> None:
    """Run the flow from ``screen``; every outcome is a notification in the person's language."""
    _ = texts(services.lang)
    try:
        printed = print_document(
            services.store.records, services.me, kind, period=period, nip=nip, unit=unit
        )
    except DocumentError as error:
        screen.notify(error.message(services.lang), severity="error", timeout=10)
        return

    def folder_chosen(folder: Path | None) -> None:
        if folder is None:
            return
        target = folder / printed.name
        if _is_regular_file(target):

            def answered(yes: bool | None) -> None:
                if yes:
                    _write(screen, services, printed, target, force=True)

            question = _("{path} already exists. Replace it?").format(path=target)
            screen.app.push_screen(ConfirmDialog(question, services.lang), answered)
        else:
            _write(screen, services, printed, target, force=False)

    picker = FilePicker(
        _("Save {name} in which folder?").format(name=printed.name),
        Path.cwd(),
        folders=True,
        lang=services.lang,
    )
    screen.app.push_screen(picker, folder_chosen)


def _is_regular_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _write(
    screen: Screen[Any], services: Services, printed: Printed, target: Path, *, force: bool
) -> None:
    _ = texts(services.lang)
    try:
        written = write_document(printed, target, force=force)
    except TargetRefused as refused:
        screen.notify(str(refused), severity="error", timeout=10)
        return
    except OSError as error:
        screen.notify(
            _("Cannot write {path}: {reason}").format(path=target, reason=error.strerror or error),
            severity="error",
            timeout=10,
        )
        return
    said = _("Wrote {path}.").format(path=written)
    if printed.draft:
        said += " " + _("It is not final yet, so every page is marked DRAF.")
    screen.notify(said, timeout=10)
