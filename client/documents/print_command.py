"""``kinerja print skp|evaluasi|rekap``: an official document as PDF, offline.

Reads the local store only. ``--period NAME`` (default: the current year for
the SKP, the latest evaluated period otherwise), ``--nip NIP`` (default:
oneself; others as far as one may read their records), ``--unit NAME`` for
the recap (default: the unit one leads, else one's own), ``-o FILE.pdf``
(default: a name made from the document, in the current folder). Like
``kinerja export -o``, it writes a new regular file, never through a link nor
over a device or a FIFO, and replaces an existing file only with ``--force``.
Exit 0 when written, 2 with a one-line reason otherwise.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from sync.commands.common import FAILED, OK, fail, polite, say

HELP = "write an official document as PDF, offline: the SKP, the evaluation or a unit's recap"


def tr() -> Callable[[str], str]:
    from domain.i18n import translator

    return translator("documents")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from client.documents.printing import KINDS

    _ = tr()
    parser.add_argument(
        "document",
        choices=KINDS,
        metavar="skp|evaluasi|rekap",
        help=_("skp (the SKP form), evaluasi (the evaluation) or rekap (a unit's predikat)"),
    )
    parser.add_argument(
        "--period",
        metavar="NAME",
        help=_(
            'the period by name, e.g. "Tahun 2026" (default: the current year for skp, '
            "the latest evaluated period otherwise)"
        ),
    )
    parser.add_argument("--nip", metavar="NIP", help=_("whose document (default: yourself)"))
    parser.add_argument(
        "--unit",
        metavar="NAME",
        help=_("the unit for rekap (default: the unit you lead, else your own)"),
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE.pdf",
        help=_("the PDF to write (default: a name made from the document, in this folder)"),
    )
    parser.add_argument(
        "--force", action="store_true", help=_("replace FILE if it exists (a regular file only)")
    )


@polite
def run(args: argparse.Namespace) -> int:
    from client.documents.printing import print_document, write_document
    from client.documents.source import DocumentError
    from sync.commands.common import open_profile_store
    from sync.commands.output import TargetRefused, check_target

    _ = tr()
    target = Path(args.output) if args.output else None
    try:
        if target is not None:
            check_target(target, args.force)
    except TargetRefused as refused:
        return fail(str(refused))
    store = open_profile_store()
    me = store.get("meta", "nip")
    if not me:
        return fail(_("This profile has no user yet: run `kinerja login URL --nip NIP` first."))
    try:
        printed = print_document(
            store.records, me, args.document, period=args.period, nip=args.nip, unit=args.unit
        )
    except DocumentError as error:
        return fail(error.message())
    target = target or Path(printed.name)
    try:
        write_document(printed.payload, target, force=args.force)
    except TargetRefused as refused:
        return fail(str(refused))
    except OSError as error:
        return fail(
            _("Cannot write {path}: {reason}").format(path=target, reason=error.strerror), FAILED
        )
    say(_("Wrote {path}.").format(path=target))
    if printed.draft:
        say(_("It is not final yet, so every page is marked DRAF."))
    return OK
