"""What a screen is given: the signed-in person's store, clock and sync button.

Every screen takes one ``Services`` in its constructor and reaches the rest
of the product only through it, so that tests can hand a screen a store in a
temporary folder and a fixed clock, and so that the demo can switch person by
building a new ``Services`` on another profile folder.

This module imports no Textual and no network code: the store is imported
when first used, and the sync engine only by the background round
(client/sync_status.py). What a screen reads comes from a snapshot of the
store (client/records.py), what it writes goes through client/writes.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from domain.i18n import language

if TYPE_CHECKING:
    from store import Store


def local_now() -> datetime:
    """Now, on this computer's clock and in its time zone (shown to people)."""
    return datetime.now().astimezone()


@dataclass(eq=False)
class Services:
    """The signed-in person's profile, as screens see it.

    ``store.records`` is the record API of docs/architecture.md. ``home`` is
    the profile folder (store, token, settings.toml). ``clock`` is fixed in
    tests so that screens and snapshots repeat.
    """

    store: Store
    me: str
    home: Path
    lang: str = field(default_factory=language)
    clock: Callable[[], datetime] = local_now
    # Set by the app once its background sync worker exists; until then (and
    # in screen tests) a request for a sync does nothing.
    sync_requester: Callable[[], None] | None = None

    def now(self) -> datetime:
        return self.clock()

    def request_sync(self) -> None:
        """Ask the background worker for a sync round; never waits for it."""
        if self.sync_requester is not None:
            self.sync_requester()


def open_services(home: Path, *, clock: Callable[[], datetime] = local_now) -> Services | None:
    """The Services of the profile in ``home``, or None before its first sign-in.

    A profile is signed in when it has a session token and a server address;
    without them the app starts on the first-run screen.
    """
    from store import open_store
    from sync.session import load_session

    session = load_session(home)
    if session is None or not session.nip:
        return None
    store = open_store(home)
    if not store.get_meta("server_url"):
        return None
    return Services(store=store, me=session.nip, home=home, clock=clock)


@dataclass(frozen=True)
class Opened:
    """A profile as the app opens it: its Services (None before a sign-in), what its
    person must read first, and ``error``, a one-line reason the store can't be used."""

    services: Services | None
    notices: tuple[str, ...] = ()
    error: str | None = None


def profile_home() -> Path:
    """The profile folder: KINERJA_HOME, else the user data folder."""
    from store.paths import profile_home as home

    return home()


def open_profile(home: Path, *, clock: Callable[[], datetime] = local_now) -> Opened:
    """Open the profile in ``home`` for the app.

    A damaged store file was moved aside by the store, which then opens: the
    app starts and shows why. Other store problems (busy with another
    process, written by a newer Kinerja) come back as ``error``.
    """
    from store.errors import StoreDamaged, StoreError

    try:
        return Opened(open_services(home, clock=clock))
    except StoreDamaged as damaged:
        return Opened(open_services(home, clock=clock), (damaged.message(),))
    except StoreError as error:
        return Opened(None, error=error.message())
