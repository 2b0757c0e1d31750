"""Signing in from the first-run screen: what ``kinerja login`` does, minus the prompts.

sync/commands/login.py does this for the command line with its reading of
the password and its printing folded in; the app needs the same steps as
a function it can run in a worker and whose failures it can show beside
the form. Runs in a worker thread; raises sync.link.LinkError (with its
``code``) or ProfileInUse.
"""

from __future__ import annotations

from pathlib import Path

from tui.texts import _


class ProfileInUse(Exception):
    """The profile already holds another server's or person's unsent work."""

    code = "profile"


def sign_in(home: Path, url: str, nip: str, password: str, *, replace_server: bool = False) -> None:
    """Sign in and keep the session; ``replace_server`` when the same server moved
    (the demo's, on a new port each run)."""
    from store import open_store
    from sync.link import Link, Patience
    from sync.local import OUTBOX, RECORDS, get_meta, put_meta
    from sync.session import Session, save_session

    store = open_store(home)
    with store.transaction() as tx:
        previous_url = get_meta(tx, "server_url")
        previous_nip = get_meta(tx, "nip")
        has_records = bool(tx.all(RECORDS))
        has_pending = bool(tx.all(OUTBOX))
    if previous_url and previous_url != url and has_records and not replace_server:
        raise ProfileInUse(
            _("This profile holds the data of {previous}; use another profile folder.").format(
                previous=previous_url
            )
        )
    if previous_nip and previous_nip != nip and has_pending:
        raise ProfileInUse(
            _("Changes of {previous} still wait to be sent; sign in as {previous} first.").format(
                previous=previous_nip
            )
        )
    with Link(url, patience=Patience(attempts=2, total=20.0)) as link:
        link.hello()
        answer = link.open_session(nip, password)
    user = answer.get("user") or {}
    session = Session(
        token=answer["token"],
        expires_at=answer.get("expires_at"),
        nip=str(user.get("nip") or nip),
        name=user.get("name"),
        roles=tuple(user.get("roles") or ()),
    )
    with store.transaction() as tx:
        put_meta(tx, "server_url", url)
        put_meta(tx, "nip", session.nip)
    save_session(home, session)
