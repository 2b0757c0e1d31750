"""What the sync commands share: the catalogue, failing politely, the profile.

A user's mistake (bad URL, no profile, not logged in, server down) ends with
one line on standard error and an exit code, never a stack trace.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
from typing import Any

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


def polite(run: Command) -> Command:
    """A command whose store problems and Ctrl-C end in one line, not a stack trace."""

    @functools.wraps(run)
    def guarded(args: argparse.Namespace) -> int:
        from store import StoreError

        _ = tr()
        try:
            return run(args)
        except StoreError as error:
            return fail(_("The local store cannot be used: {detail}").format(detail=error))
        except KeyboardInterrupt:
            return fail(_("Interrupted."), 130)

    return guarded


def login_advice(server_url: str | None, nip: str | None) -> str:
    _ = tr()
    if not server_url or not nip:
        return _("Run `kinerja login URL --nip NIP` to sign in to your server.")
    return _("Run `kinerja login {url} --nip {nip}` to sign in again.").format(
        url=server_url, nip=nip
    )
