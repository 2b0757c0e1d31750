"""``kinerja status``: what waits, when the last sync was, which server.

Reads the profile only; never touches the network, so it answers at once
even offline. ``--json`` is documented in the README ("kinerja status --json").
"""

from __future__ import annotations

import argparse
import sys

import orjson

from sync.commands.common import OK, polite, say, tr

HELP = "show pending changes, conflicts, rejections, the last sync and the server"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    _ = tr()
    parser.add_argument(
        "--json", action="store_true", help=_("print the result as JSON, for scripts")
    )


@polite
def run(args: argparse.Namespace) -> int:
    from sync.choices import waiting
    from sync.commands.common import open_profile_store
    from sync.local import get_meta
    from sync.session import load_session, profile_home

    _ = tr()
    store = open_profile_store()
    with store.transaction() as tx:
        url = get_meta(tx, "server_url")
        nip = get_meta(tx, "nip")
        last_sync = get_meta(tx, "last_sync_at")
        last_error = get_meta(tx, "last_error")
    signed_in = load_session(profile_home(store)) is not None
    left = waiting(store)
    if args.json:
        status = {
            "server": url,
            "nip": nip,
            "signed_in": signed_in,
            "pending": left.pending,
            "conflicts": left.conflicts,
            "rejected": left.rejected,
            "last_sync_at": last_sync,
            "last_error": last_error,
        }
        sys.stdout.buffer.write(orjson.dumps(status, option=orjson.OPT_INDENT_2) + b"\n")
        sys.stdout.flush()
        return OK
    never = _("never")
    say(_("Server: {url}").format(url=url or _("none (run kinerja login)")))
    if nip:
        state = _("signed in") if signed_in else _("signed out")
        say(_("NIP: {nip} ({state})").format(nip=nip, state=state))
    say(_("Changes waiting to be sent: {count}").format(count=left.pending))
    say(_("Conflicts waiting for you: {count}").format(count=left.conflicts))
    say(_("Rejected changes waiting for you: {count}").format(count=left.rejected))
    say(_("Last successful sync: {when}").format(when=last_sync or never))
    if last_error:
        say(
            _("Last sync problem: {detail} ({when})").format(
                detail=last_error.get("detail"), when=last_error.get("at")
            )
        )
    return OK
