"""What the sync commands share: the catalogue, failing politely, the profile.

A user's mistake (bad URL, no profile, not logged in, server down) ends with
one line on standard error and an exit code, never a stack trace. A command
run with ``--json`` writes its JSON object whatever the exit code, a full
disk or a locked store included, so that a script always has one to read.
A reader that goes away (``kinerja status | head -1``) ends the command
quietly.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Callable
from typing import Any

import orjson

from domain.i18n import translator

# exit codes of ``kinerja sync`` (commands.md); the other commands use 0 and 2
OK = 0
WAITING_FOR_PERSON = 1
FAILED = 2


def tr() -> Callable[[str], str]:
    return translator("cli")


def say(text: str) -> None:
    print(text, flush=True)


def fail(message: str, code: int = FAILED) -> int:
    _ = tr()
    print(f"kinerja: {_('error')}: {message}", file=sys.stderr, flush=True)
    return code


def print_json(value: dict[str, Any]) -> None:
    sys.stdout.buffer.write(orjson.dumps(value, option=orjson.OPT_INDENT_2) + b"\n")
    sys.stdout.flush()


def store_error_code(error: Exception) -> str:
    """The ``error`` of a --json answer for a store problem."""
    from store import StoreBusy

    return "store_busy" if isinstance(error, StoreBusy) else "store"


def open_profile_store() -> Any:
    """The store of the current profile (KINERJA_HOME or the user data folder).

    A damaged file set aside by the store is reported, and the store it
    opened without that file is used: the rest of the profile is still good.
    """
    from store import StoreDamaged, open_store

    try:
        return open_store()
    except StoreDamaged as damaged:
        print(f"kinerja: {damaged}", file=sys.stderr, flush=True)
        return damaged.store


Command = Callable[[argparse.Namespace], int]


# how a command ends when its reader went away, as a process killed by SIGPIPE would
CLOSED_PIPE = 141


def polite(run: Command) -> Command:
    """A command whose store problems, Ctrl-C and closed pipe end in one line, not a trace."""

    @functools.wraps(run)
    def guarded(args: argparse.Namespace) -> int:
        from store import StoreError

        _ = tr()
        try:
            try:
                return run(args)
            except StoreError as error:
                message = _("The local store cannot be used: {detail}").format(detail=error)
                if getattr(args, "json", False):
                    answer = {"ok": False, "exit": FAILED, "error": store_error_code(error)}
                    print_json({**answer, "detail": message})
                return fail(message)
            except KeyboardInterrupt:
                return fail(_("Interrupted."), 130)
        except BrokenPipeError:
            # Python would complain again when it flushes stdout at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return CLOSED_PIPE

    return guarded


def login_advice(server_url: str | None, nip: str | None) -> str:
    _ = tr()
    if not server_url or not nip:
        return _("Run `kinerja login URL --nip NIP` to sign in to your server.")
    return _("Run `kinerja login {url} --nip {nip}` to sign in again.").format(
        url=server_url, nip=nip
    )
