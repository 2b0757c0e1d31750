"""The operators' part of ``kinerja-server``: serve's --workers and --log-json, backup,
restore, doctor and web (commands.md), with their texts in ``server_ops``."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from server import backup, doctor, web_command
from server.cli_parser import command
from server.config import server_home
from server.failure import Failure
from server.ops_text import _

YES = ("y", "yes", "ya", "iya")


def add_serve_flags(serve: argparse.ArgumentParser) -> None:
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help=_("serve with N processes (PostgreSQL only; default 1)"),
    )
    serve.add_argument(
        "--log-json",
        action="store_true",
        help=_("log one JSON object a line instead of plain text"),
    )


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """The operators' commands beside init and serve."""
    taking = command(
        commands,
        "backup",
        help=_("a consistent copy of the database and the evidence files, while serving"),
        description=_(
            "Write a consistent copy of the database, evidence files included, to FILE while the server serves: SQLite's backup API, or pg_dump for PostgreSQL. An existing FILE is replaced once the new copy is whole."
        ),
    )
    taking.add_argument("file", metavar=_("FILE"), type=Path, help=_("where to write the backup"))
    putting = command(
        commands,
        "restore",
        help=_("put a backup back (asks first, or --yes)"),
        description=_(
            "Replace the database with a backup made by kinerja-server backup. Stop the server first and start it again after. Clients put back at their next sync what the backup lacks."
        ),
    )
    putting.add_argument("file", metavar=_("FILE"), type=Path, help=_("the backup to put back"))
    putting.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    checking = command(
        commands,
        "doctor",
        help=_("check file permissions, TLS, database settings and the clock"),
        description=_(
            "Check the server's file permissions, its TLS certificate, the database's settings and the clock, and say what to fix. Exits 1 when something needs fixing."
        ),
    )
    checking.add_argument(
        "--certfile", type=Path, default=None, help=_("the certificate serve is given")
    )
    checking.add_argument(
        "--keyfile", type=Path, default=None, help=_("the private key serve is given")
    )
    checking.add_argument(
        "--workers", type=int, default=1, metavar="N", help=_("the --workers serve is given")
    )
    web_command.add_command(commands)


def cmd_backup(url: str, args: argparse.Namespace) -> None:
    started = time.monotonic()
    backup.take(url, args.file)
    size = args.file.stat().st_size
    print(
        _("Backup written to {file}: {size:.1f} MB in {seconds:.1f} s.").format(
            file=args.file, size=size / 1e6, seconds=time.monotonic() - started
        )
    )


def _confirmed(question: str, ask: Callable[[str], str] = input) -> bool:
    if not sys.stdin.isatty():
        raise Failure(_("Not confirmed: run it in a terminal to answer, or add --yes."))
    try:
        return ask(question).strip().lower() in YES
    except EOFError:
        return False


def cmd_restore(url: str, args: argparse.Namespace) -> None:
    backup.kind_of(args.file)  # a wrong file is refused before the question
    question = _(
        "Replace the database with {file}? What was written after that backup leaves the server until each client syncs again. Stop the server first. [y/N] "
    ).format(file=args.file)
    if not args.yes and not _confirmed(question):
        raise Failure(_("Nothing was restored."))
    backup.put_back(url, args.file, server_home())
    print(
        _(
            "Restored from {file}. Start the server: each client pulls everything again and sends back what the backup lacks at its next sync."
        ).format(file=args.file)
    )


def cmd_doctor(url: str, args: argparse.Namespace) -> None:
    labels = {"ok": _("OK"), "note": _("NOTE"), "fix": _("FIX")}
    findings = doctor.examine(url, server_home(), args.certfile, args.keyfile, args.workers)
    width = max(len(label) for label in labels.values())
    for finding in findings:
        print(f"{labels[finding.level]:<{width}}  {finding.message}")
    to_fix = sum(finding.level == "fix" for finding in findings)
    if to_fix:
        raise Failure(_("{count} thing(s) to fix.").format(count=to_fix))


COMMANDS: dict[str, Callable[[str, argparse.Namespace], None]] = {
    "backup": cmd_backup,
    "restore": cmd_restore,
    "doctor": cmd_doctor,
    "web": web_command.cmd_web,
}
