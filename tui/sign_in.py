"""Signing in from the app: sync.signin's steps, with failures worded for the form.

Runs in a worker thread; raises sync.link.LinkError (with its ``code``) or
ProfileInUse, whose text is ready to show beside the form.
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
    from sync import signin
    from sync.link import Patience

    try:
        signin.sign_in(
            open_store(home),
            url,
            nip,
            password,
            patience=Patience(attempts=2, total=20.0),
            replace_server=replace_server,
        )
    except signin.ProfileInUse as in_use:
        if in_use.kind == "server":
            text = _("This profile holds the data of {previous}; use another profile folder.")
        else:
            text = _("Changes of {previous} still wait to be sent; sign in as {previous} first.")
        raise ProfileInUse(text.format(previous=in_use.previous)) from None
