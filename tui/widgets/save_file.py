"""Save bytes the app made (a PDF, a spreadsheet) in a folder the person chooses, and say where.

The folder comes from the file picker in folder mode; the file is written by
the rules of a file a person asks for (sync/commands/output.py, through
``client.documents.printing.write_document``): a new regular file, never
through a link, and one already there is replaced only after a yes in the
confirm dialog.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from textual.screen import Screen

from client.documents.printing import TargetRefused, write_document
from client.evidence import texts
from tui.widgets.dialogs import ConfirmDialog
from tui.widgets.file_picker import FilePicker


def save_in_chosen_folder(
    screen: Screen[Any], lang: str, name: str, payload: bytes, after: str = ""
) -> None:
    """Ask for a folder, write ``payload`` there as ``name``; ``after`` is added to the notice."""
    _ = texts(lang)

    def folder_chosen(folder: Path | None) -> None:
        if folder is None:
            return
        target = folder / name
        if not _is_regular_file(target):
            _write(screen, lang, payload, target, after, force=False)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                _write(screen, lang, payload, target, after, force=True)

        question = _("{path} already exists. Replace it?").format(path=target)
        screen.app.push_screen(ConfirmDialog(question, lang), answered)

    picker = FilePicker(
        _("Save {name} in which folder?").format(name=name), Path.cwd(), folders=True, lang=lang
    )
    screen.app.push_screen(picker, folder_chosen)


def _is_regular_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _write(
    screen: Screen[Any], lang: str, payload: bytes, target: Path, after: str, *, force: bool
) -> None:
    _ = texts(lang)
    try:
        written = write_document(payload, target, force=force)
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
    screen.notify(f"{said} {after}".strip(), timeout=10)
