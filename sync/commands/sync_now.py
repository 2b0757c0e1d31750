"""``kinerja sync``: one sync round now.

Exit 0 when everything is synced, 1 when the round completed but conflicts or
rejected changes wait for a person, 2 when the server could not be reached or
used (commands.md). ``--json`` prints one object (README: "kinerja sync
--json") for scripts and cron jobs.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

import orjson

from sync.commands.common import FAILED, OK, WAITING_FOR_PERSON, login_advice, polite, say, tr

HELP = "run one sync round now: send local changes, receive the server's"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    _ = tr()
    parser.add_argument(
        "--json", action="store_true", help=_("print the result as JSON, for scripts")
    )


def _error_line(code: str, detail: str, url: str, nip: str | None) -> str:
    _ = tr()
    if code == "auth":
        return (
            _("The session has expired or was revoked; nothing was lost.")
            + " "
            + login_advice(url, nip)
        )
    if code == "unreachable":
        return _(
            "Could not reach the server at {url} ({detail}); your changes are kept, try again later."
        ).format(url=url, detail=detail)
    return _(
        "The server at {url} gave an answer that could not be used ({detail}); your changes are kept."
    ).format(url=url, detail=detail)


@polite
def run(args: argparse.Namespace) -> int:
    from sync.choices import waiting
    from sync.commands.common import fail, open_profile_store
    from sync.engine import engine_for_profile
    from sync.local import get_meta

    _ = tr()
    store = open_profile_store()
    with store.transaction() as tx:
        url = get_meta(tx, "server_url")
        nip = get_meta(tx, "nip")
    engine = engine_for_profile(store)
    if engine is None:
        message = _("Not signed in.") + " " + login_advice(url, nip)
        if args.json:
            _print_json({"ok": False, "exit": FAILED, "error": "not_logged_in", "detail": message})
        return fail(message, FAILED)
    with engine.link:
        report = engine.run_round()
    left = waiting(store)
    if report.error:
        code = FAILED
    elif left.conflicts or left.rejected:
        code = WAITING_FOR_PERSON
    else:
        code = OK
    if args.json:
        _print_json(
            {
                "ok": report.error is None,
                "exit": code,
                "server": url,
                **report.as_dict(),
                "waiting": {
                    "pending": left.pending,
                    "conflicts": left.conflicts,
                    "rejected": left.rejected,
                },
            }
        )
        return code
    if report.error:
        return fail(_error_line(report.error, report.detail or "", str(url), nip), FAILED)
    say(_("Sent {sent}, received {received}.").format(sent=report.sent, received=report.received))
    if report.merged:
        say(
            _("Merged automatically (different fields changed on both sides): {count}.").format(
                count=report.merged
            )
        )
    if report.requeued:
        say(
            _("Sent again because the server's data was restored: {count}.").format(
                count=report.requeued
            )
        )
    if left.conflicts:
        say(
            _("Conflicts waiting for you to choose a version: {count}.").format(
                count=left.conflicts
            )
        )
    if left.rejected:
        say(
            _("Changes the server rejected, waiting for you to fix or discard: {count}.").format(
                count=left.rejected
            )
        )
    if left.pending:
        say(_("Changes still waiting to be sent: {count}.").format(count=left.pending))
    if code == OK and not left.pending:
        say(_("All synced."))
    return code


def _print_json(value: dict[str, Any]) -> None:
    sys.stdout.buffer.write(orjson.dumps(value, option=orjson.OPT_INDENT_2) + b"\n")
    sys.stdout.flush()
