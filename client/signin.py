"""Signing a profile in from the app: sync.signin's steps, with failures worded for a form.

``sign_in`` runs in a worker thread and raises ``SignInFailed`` with a
message in the person's language (a wrong password, a server that does not
answer, a profile holding another person's work); the demo signs its sample
people in the same way.
"""

from __future__ import annotations

from pathlib import Path

from client.texts import _


class SignInFailed(Exception):
    """Signing in did not succeed; ``str()`` is the text to show beside the form."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


def server_address(text: str) -> str | None:
    """The address without a trailing slash, or None when it can't be a server's."""
    from sync.signin import server_url

    return server_url(text)


def problem_text(error: BaseException) -> str:
    """What a failed sign-in means for the person."""
    if isinstance(error, SignInFailed):
        return str(error)
    code = getattr(error, "code", None)
    if code == "credentials":
        return _("The NIP or password was not accepted.")
    if code == "unreachable":
        return _("The server does not answer. Check the address and the connection.")
    if code == "unsafe_url":
        if getattr(error, "kind", None) == "credentials":
            return _("Give the address without a user name or password in it.")
        return _(
            "http:// to another computer would send your password unencrypted: use the "
            "server's https:// address."
        )
    if code == "protocol":
        if getattr(error, "upgrade", None) == "client":
            return _("The server is newer than this Kinerja: update Kinerja.")
        return _("The server is older than this Kinerja: ask its administrator to update it.")
    if code == "busy":
        return _("Too many failed sign-ins: wait a minute and try again.")
    return _("Signing in failed: {reason}").format(reason=error)


def sign_in(home: Path, url: str, nip: str, password: str, *, replace_server: bool = False) -> None:
    """Sign in and keep the session; ``replace_server`` when the same server moved
    (the demo's, on a new port each run)."""
    from store import StoreError, open_store
    from sync import signin
    from sync.link import LinkError, Patience

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
        raise SignInFailed(text.format(previous=in_use.previous), "profile") from None
    except (LinkError, signin.UnsafeServerUrl) as error:
        raise SignInFailed(problem_text(error), str(error.code)) from None
    except StoreError as error:
        raise SignInFailed(error.message(), "store") from None
