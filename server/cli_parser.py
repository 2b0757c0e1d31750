"""The shape of ``kinerja-server``'s parser that server.cli and server.ops_cli share.

The database is named once, by ``--db``, on any command that uses it, before
its name or after it (``kinerja-server --db URL init`` or ``kinerja-server
init --db URL``, commands.md). Every such command is made by ``command``, so
the flag and its help are written once.
"""

from __future__ import annotations

import argparse

from server.messages import text


def add_db_flag(parser: argparse.ArgumentParser, default: str | None) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        default=default,
        help=text(
            "database URL: sqlite:///PATH or postgresql://...; default KINERJA_DB, else a SQLite file in the server's data folder"
        ),
    )


def command(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    name: str,
    *,
    help: str,
    description: str,
) -> argparse.ArgumentParser:
    """A command that opens the database: it takes ``--db`` after its name too."""
    parser: argparse.ArgumentParser = commands.add_parser(name, help=help, description=description)
    # Suppressed, not None: absent here, it leaves the --db given before the name in place.
    add_db_flag(parser, argparse.SUPPRESS)
    return parser
