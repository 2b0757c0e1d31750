"""``kinerja-server web``: its flags, and the hand-over to the web service's own process.

The browser service runs the Textual app, the sync engine and the client's
store, none of which the server may import (the import contracts in
pyproject.toml). So the server does not import it, not even lazily: once
the flags are parsed here, the process becomes ``python -m web`` (exec, so
signals, the exit code and the process id are the service's own) and the
service reads the same flags back with this parser.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from server.ops_text import _

DEFAULT_PORT = 8081
DEFAULT_API = "http://127.0.0.1:8080/api/v1"
# Each app is a process of about 60 MB: 40 is 2.4 GB, a small server's share.
DEFAULT_MAX_APPS = 40


def add_command(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    web = commands.add_parser(
        "web",
        help=_("serve the terminal app in a browser, behind the server's sign-in"),
        description=_(
            "Serve the terminal app in a browser, behind the server's sign-in: each person signs in with NIP and password and runs the app on their own profile folder under the server's data folder, offline-first as in a terminal."
        ),
    )
    add_flags(web)


def add_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host", default="127.0.0.1", help=_("address to listen on (default 127.0.0.1)")
    )
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=_("port to listen on (default {port})").format(port=DEFAULT_PORT),
    )
    parser.add_argument(
        "--server",
        metavar="URL",
        default=DEFAULT_API,
        help=_("address of the central server's API (default {url})").format(url=DEFAULT_API),
    )
    parser.add_argument(
        "--certfile",
        type=Path,
        default=None,
        help=_("serve HTTPS with this certificate (PEM, the chain included)"),
    )
    parser.add_argument(
        "--keyfile", type=Path, default=None, help=_("the private key of --certfile (PEM)")
    )
    parser.add_argument(
        "--max-apps",
        type=int,
        metavar="N",
        default=DEFAULT_MAX_APPS,
        help=_(
            "how many apps may run at once, everyone's together (each is a process of about 60 MB; default {n})"
        ).format(n=DEFAULT_MAX_APPS),
    )
    parser.add_argument(
        "--forwarded-allow-ips",
        metavar="IPS",
        default="",
        help=_(
            "addresses of the reverse proxies whose X-Forwarded-For is believed, separated by commas; by default nobody's"
        ),
    )


def as_argv(args: argparse.Namespace) -> list[str]:
    """The parsed flags written out again, for the web process."""
    argv = ["--host", args.host, "--port", str(args.port), "--server", args.server]
    argv += ["--forwarded-allow-ips", args.forwarded_allow_ips, "--max-apps", str(args.max_apps)]
    for flag, path in (("--certfile", args.certfile), ("--keyfile", args.keyfile)):
        if path is not None:
            argv += [flag, str(path)]
    return argv


def cmd_web(_url: str, args: argparse.Namespace) -> None:
    command = [sys.executable, "-m", "web", *as_argv(args)]
    sys.stdout.flush()
    os.execv(sys.executable, command)
