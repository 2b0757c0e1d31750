"""Signing a profile in to a central server: one path for `kinerja login` and the app.

The callers differ only in how they ask for the password and how they show
a failure, so the steps live here and the wording stays with them.
"""

from __future__ import annotations

import ipaddress
from typing import Any
from urllib.parse import urlsplit

from store import outbox
from sync.link import Link, Patience
from sync.local import RECORDS, get_meta, put_meta
from sync.session import Session, profile_home, save_session


class ProfileInUse(Exception):
    """The profile already holds another server's data or another person's unsent work.

    ``kind`` is ``"server"`` or ``"person"``; ``previous`` names the server
    address or the NIP already there. Nothing was changed.
    """

    code = "profile"

    def __init__(self, kind: str, previous: str) -> None:
        super().__init__(f"profile in use ({kind}: {previous})")
        self.kind = kind
        self.previous = previous


class UnsafeServerUrl(ValueError):
    """A server address that would give the password away; nothing was sent.

    ``kind`` is ``"credentials"`` (a user or password in the URL: it would
    land in shell history, logs and the profile) or ``"plain_http"`` (http to
    another computer: the password and every record cross the network in
    clear). ``shown`` is the address without its credentials.
    """

    code = "unsafe_url"

    def __init__(self, kind: str, shown: str) -> None:
        super().__init__(f"{kind}: {shown}")
        self.kind = kind
        self.shown = shown


def server_url(text: str) -> str | None:
    """The URL without a trailing slash, or None when it can't be a server's address."""
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return text.strip().rstrip("/")


def is_loopback(host: str | None) -> bool:
    """Whether ``host`` names this computer (nothing it sends leaves the machine)."""
    if not host:
        return False
    if host.lower() == "localhost" or host.lower().endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback


def check_server_url(url: str, *, insecure_http: bool = False) -> None:
    """Refuse credentials in the URL, and http to any host but loopback unless asked for."""
    parts = urlsplit(url)
    if parts.username is not None or parts.password is not None:
        host = parts.hostname or ""
        netloc = f"[{host}]" if ":" in host else host
        if parts.port is not None:
            netloc += f":{parts.port}"
        raise UnsafeServerUrl("credentials", parts._replace(netloc=netloc).geturl())
    if parts.scheme == "http" and not insecure_http and not is_loopback(parts.hostname):
        raise UnsafeServerUrl("plain_http", url)


def check_profile(store: Any, url: str, nip: str, *, replace_server: bool = False) -> None:
    """Refuse to mix two servers' records, or to strand another person's pending changes."""
    with store.transaction() as tx:
        previous_url = get_meta(tx, "server_url")
        previous_nip = get_meta(tx, "nip")
        has_records = bool(tx.all(RECORDS))
        has_pending = bool(outbox.unsynced(tx))
    if previous_url and previous_url != url and has_records and not replace_server:
        raise ProfileInUse("server", str(previous_url))
    if previous_nip and previous_nip != nip and has_pending:
        raise ProfileInUse("person", str(previous_nip))


def sign_in(
    store: Any,
    url: str,
    nip: str,
    password: str,
    *,
    patience: Patience | None = None,
    replace_server: bool = False,
    insecure_http: bool = False,
    on_behalf_of: str | None = None,
) -> Session:
    """Check the address and the profile, open a session and keep it.

    Raises UnsafeServerUrl, ProfileInUse or a LinkError (ProtocolMismatch for
    a server of another protocol). ``replace_server`` accepts a new address
    for the same server (the demo's runs on a new port each time);
    ``insecure_http`` allows http to another computer. ``on_behalf_of`` is
    the address of the person signing in through a service in front of the
    server (``kinerja-server web``), sent as X-Forwarded-For: a server that
    believes that service counts failed sign-ins per person's address, not
    every browser's together as the service's.
    """
    check_server_url(url, insecure_http=insecure_http)
    check_profile(store, url, nip, replace_server=replace_server)
    headers = {"X-Forwarded-For": on_behalf_of} if on_behalf_of else None
    with Link(url, patience=patience or Patience(attempts=3, total=60.0), headers=headers) as link:
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
    save_session(profile_home(store), session)
    return session
