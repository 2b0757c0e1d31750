"""The print keys: draw an official PDF, then save it where the person chooses.

The document is drawn by ``client.documents.printing.print_document``, the
function ``kinerja print`` uses, and saved by tui/widgets/save_file.py. A
document that cannot be made (no SKP for the period, not one's to read) is
said before any folder is asked for.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from client.documents.printing import DocumentKind, print_document
from client.documents.source import DocumentError
from client.evidence import texts
from client.services import Services
from tui.widgets.save_file import save_in_chosen_folder


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
    draft = _("It is not final yet, so every page is marked DRAF.") if printed.draft else ""
    save_in_chosen_folder(screen, services.lang, printed.name, printed.payload, draft)
