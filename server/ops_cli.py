"""The operators' part of ``kinerja-server``: serve's --workers and --log-json, backup,
restore, doctor and web (commands.md), with their texts in ``server_ops``."""

from __future__ import annotations

import argparse

from server.ops_text import _


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


def add_commands(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """The operators' commands beside init and serve."""
