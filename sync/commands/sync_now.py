"""``kinerja sync``: one sync round now.

Exit 0 when everything is synced, 1 when the round completed but conflicts or
rejected changes wait for a person, 2 when the server or the local store
could not be used (commands.md). Exits 1 and 2 also write one line to
standard error. ``--json`` prints one object (README: "kinerja sync --json")
on every exit code, for scripts and cron jobs.
"""

from __future__ import annotations

import argparse
from typing import Any

from sync.commands.common import (
    FAILED,
    OK,
    WAITING_FOR_PERSON,
    fail,
    login_advice,
    polite,
    print_json,
    say,
    tr,
)

HELP = "run one sync round now: send local changes, receive the server's"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    _ = tr()
    parser.add_argument(
        "--json", action="store_true", help=_("print the result as JSON, for scripts")
    )


def error_line(report: Any, url: str, nip: str | None) -> str:
    """What a round's error means, in one line for the person."""
    _ = tr()
    code, detail = report.error, report.detail or ""
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
    if code == "protocol" and report.upgrade == "client":
        return _("The server at {url} is newer than this Kinerja: update Kinerja.").format(url=url)
    if code == "protocol":
        return _(
            "The server at {url} is older than this Kinerja: ask its administrator "
            "to update the server."
        ).format(url=url)
    if code in ("store", "store_busy"):
        return _("The local store cannot be used: {detail}").format(detail=detail)
    return _(
        "The server at {url} gave an answer that could not be used ({detail}); your changes are kept."
    ).format(url=url, detail=detail)


@polite
def run(args: argparse.Namespace) -> int:
    from sync.choices import waiting
    from sync.commands.common import open_profile_store
    from sync.engine import engine_for_profile

    _ = tr()
    store = open_profile_store()
    url = store.get_meta("server_url")
    nip = store.get_meta("nip")
    engine = engine_for_profile(store)
    if engine is None:
        message = _("Not signed in.") + " " + login_advice(url, nip)
        if args.json:
            print_json({"ok": False, "exit": FAILED, "error": "not_logged_in", "detail": message})
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
        print_json(_json_answer(report, code, url, left))
    else:
        _tell(report, left)
    if report.error:
        return fail(error_line(report, str(url), nip), FAILED)
    if code == WAITING_FOR_PERSON:
        return fail(
            _("Waiting for you: {conflicts} conflicts, {rejected} rejected changes.").format(
                conflicts=left.conflicts, rejected=left.rejected
            ),
            WAITING_FOR_PERSON,
        )
    return code


def _json_answer(report: Any, code: int, url: str | None, left: Any) -> dict[str, Any]:
    return {
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


def _tell(report: Any, left: Any) -> None:
    """The round in a few lines on standard output (the error, if any, goes to stderr)."""
    _ = tr()
    if report.error:
        return
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
    if not (left.conflicts or left.rejected or left.pending):
        say(_("All synced."))
