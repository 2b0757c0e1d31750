"""The ``kinerja`` command: opens the app, or runs one of its subcommands.

Subcommands live beside the code they drive (the sync commands in sync/, the
demo in demo/, printing in client/documents/) and are imported only when named, so that ``kinerja status``
never loads Textual and ``kinerja`` never loads httpx before its first screen.
Each subcommand module offers ``HELP`` (an English msgid), ``add_arguments``
and ``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any

from domain.i18n import translator

SUBCOMMANDS: dict[str, str] = {
    "demo": "demo.command",
    "login": "sync.commands.login",
    "logout": "sync.commands.logout",
    "sync": "sync.commands.sync_now",
    "status": "sync.commands.status",
    "export": "sync.commands.export",
    "print": "client.documents.print_command",
}


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        _ = translator("cli")
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse, but its own words go through the catalogue too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        _ = translator("cli")
        # argparse keeps its section titles in these two groups; they have no public setter
        self._positionals.title = _("positional arguments")
        self._optionals.title = _("options")

    def error(self, message: str) -> None:  # type: ignore[override]
        _ = translator("cli")
        self.exit(
            2, f"{self.prog}: {_('error')}: {message}\n{_('Run with --help to see the options.')}\n"
        )


def _load(name: str) -> ModuleType:
    return importlib.import_module(SUBCOMMANDS[name])


def run_demo() -> int:
    """``kinerja demo`` as chosen on the first-run screen (loaded by name, as every
    subcommand: the demo package is the one that imports the server)."""
    return int(_load("demo").run_default())


def build_parser(wanted: str | None = None) -> argparse.ArgumentParser:
    """The parser; ``wanted`` names the one subcommand to load (None: all, for --help)."""
    _ = translator("cli")
    parser = _Parser(
        prog="kinerja",
        description=_(
            "Kinerja: plan your SKP, record realisasi, receive umpan balik and "
            "evaluations, online or offline. Without a subcommand it opens the app."
        ),
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help=_("show this help and exit"))
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=_Parser)
    for name in SUBCOMMANDS:
        module = _load(name) if wanted in (None, name) else None
        sub = commands.add_parser(
            name,
            help=_(module.HELP) if module else None,
            description=_(module.HELP) if module else None,
            add_help=False,
        )
        sub.add_argument("-h", "--help", action="help", help=_("show this help and exit"))
        if module:
            module.add_arguments(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    wanted = next((a for a in args_list if a in SUBCOMMANDS), None)
    if wanted is None and not {"-h", "--help"} & set(args_list):
        wanted = ""  # opening the app: no subcommand module is needed, so none is loaded
    args = build_parser(wanted).parse_args(args_list)
    if args.command is None:
        from tui.run import open_app

        return open_app()
    return int(_load(args.command).run(args))


if __name__ == "__main__":
    sys.exit(main())
