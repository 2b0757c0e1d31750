"""``kinerja login URL --nip NIP``: sign in and keep the token in the profile."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from sync.commands.common import FAILED, OK, fail, open_profile_store, polite, say, tr

HELP = "sign in to a central server and keep the token in this profile"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    _ = tr()
    parser.add_argument("url", metavar="URL", help=_("address of the central server"))
    parser.add_argument("--nip", required=True, help=_("your NIP (18 digits)"))
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help=_("read the password from standard input instead of asking for it"),
    )
    parser.add_argument(
        "--insecure-http",
        action="store_true",
        help=_(
            "allow http:// to another computer: the password and your records cross "
            "the network unencrypted"
        ),
    )


def _read_password(from_stdin: bool, nip: str) -> str | None:
    _ = tr()
    try:
        if from_stdin:
            return sys.stdin.readline().rstrip("\r\n")
        return getpass.getpass(_("Password for {nip}: ").format(nip=nip))
    except (EOFError, KeyboardInterrupt):
        return None


@polite
def run(args: argparse.Namespace) -> int:
    from domain.i18n import language
    from domain.nip import nip_issues
    from sync.link import BadCredentials, LinkError, ProtocolMismatch, TooManyAttempts
    from sync.signin import (
        ProfileInUse,
        UnsafeServerUrl,
        check_server_url,
        server_url,
        sign_in,
    )

    _ = tr()
    url = server_url(args.url)
    if url is None:
        return fail(
            _("{url} is not a server address; it should start with http:// or https://.").format(
                url=args.url
            )
        )
    try:
        check_server_url(url, insecure_http=args.insecure_http)
    except UnsafeServerUrl as unsafe:
        return fail(_unsafe_text(unsafe))
    nip = "".join(args.nip.split())
    issues = nip_issues(nip, kind="PPPK")  # the shape only: PNS and PPPK both sign in
    if issues:
        return fail(issues[0].message(language()))
    password = _read_password(args.password_stdin, nip)
    if not password:
        return fail(_("No password given."))

    store = open_profile_store()
    try:
        session = sign_in(store, url, nip, password, insecure_http=args.insecure_http)
    except ProfileInUse as in_use:
        if in_use.kind == "server":
            return fail(
                _(
                    "This profile holds the data of {previous}; use another profile folder "
                    "(KINERJA_HOME) for {url}."
                ).format(previous=in_use.previous, url=url)
            )
        return fail(
            _(
                "Changes made by {previous} are still waiting to be sent; sign in as "
                "{previous} and sync first, or use another profile folder (KINERJA_HOME)."
            ).format(previous=in_use.previous)
        )
    except BadCredentials:
        return fail(_("Wrong NIP or password."))
    except TooManyAttempts as busy:
        wait = round(busy.retry_after) if busy.retry_after is not None else 60
        return fail(
            _("Too many failed attempts; wait {seconds} seconds and try again.").format(
                seconds=wait
            )
        )
    except ProtocolMismatch as mismatch:
        if mismatch.upgrade == "client":
            text = _("The server at {url} is newer than this Kinerja: update Kinerja.")
        else:
            text = _(
                "The server at {url} is older than this Kinerja: ask its administrator "
                "to update the server."
            )
        return fail(text.format(url=url), FAILED)
    except LinkError as error:
        return fail(_("Could not sign in at {url}: {detail}").format(url=url, detail=error), FAILED)
    say(
        _("Signed in to {url} as {name} ({nip}).").format(
            url=url, name=session.name or session.nip, nip=session.nip
        )
    )
    return OK


def _unsafe_text(unsafe: Any) -> str:
    _ = tr()
    if unsafe.kind == "credentials":
        return _(
            "The address {url} carries a user name or password; give the address alone "
            "(the password is asked for, or read with --password-stdin)."
        ).format(url=unsafe.shown)
    return _(
        "{url} is plain http to another computer: your password and records would cross "
        "the network unencrypted. Use https://, or add --insecure-http to accept that."
    ).format(url=unsafe.shown)
