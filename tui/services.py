"""What a screen is given: the signed-in person's store, clock and sync button.

Every screen takes one ``Services`` in its constructor and reaches the rest
of the product only through it, so that tests can hand a screen a store in a
temporary folder and a fixed clock, and so that the demo can switch person by
building a new ``Services`` on another profile folder.

This module imports no Textual and no network code: the permission and store
modules are imported when first used, and the sync engine only by the
background worker (tui/sync_worker.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from domain.i18n import language

if TYPE_CHECKING:
    from domain.org import OrgOnDay
    from domain.permissions import Actor
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

    def org(self) -> OrgOnDay:
        """The organisation today, from the local employee and acting records."""
        from domain.org import Organisation

        records = self.store.records.list("employee") + self.store.records.list("acting")
        return Organisation(records).on(self.now())

    def actor(self) -> Actor:
        from domain.permissions import Actor

        return Actor(nip=self.me, roles=frozenset(self.org().roles_of(self.me)))

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
