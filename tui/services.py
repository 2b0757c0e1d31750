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

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from domain.i18n import language

if TYPE_CHECKING:
    from domain.permissions import Actor
    from store import Store


def local_now() -> datetime:
    """Now, on this computer's clock and in its time zone (shown to people)."""
    return datetime.now().astimezone()


class LocalOrg:
    """The organisation as the local employee records describe it.

    Satisfies ``domain.permissions.Org``: who is whose atasan, and who holds
    which roles. Built fresh by ``Services.org()`` so that it never goes
    stale after a sync brings new employee records.
    """

    def __init__(self, employees: Iterable[Mapping[str, Any]]) -> None:
        self._atasan: dict[str, str | None] = {}
        self._roles: dict[str, tuple[str, ...]] = {}
        for record in employees:
            data = record.get("data") or {}
            nip = data.get("nip") or record.get("owner")
            if not nip:
                continue
            self._atasan[nip] = data.get("atasan_nip")
            self._roles[nip] = tuple(data.get("roles") or ())

    def atasan_of(self, nip: str) -> str | None:
        return self._atasan.get(nip)

    def roles_of(self, nip: str) -> tuple[str, ...]:
        return self._roles.get(nip, ())

    def subordinates_of(self, nip: str) -> list[str]:
        """The NIPs whose atasan (and so PPK) is ``nip``, in NIP order."""
        return sorted(sub for sub, atasan in self._atasan.items() if atasan == nip)


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

    def org(self) -> LocalOrg:
        return LocalOrg(self.store.records.list("employee"))

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
