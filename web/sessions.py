"""Browser sessions: a random id in a cookie, the person it stands for in memory.

Kept in the process only: a restart asks everyone to sign in again, which
costs a password, not work (the profiles and their tokens stay on disk).
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

COOKIE = "kinerja_web"
# a working day; an app left open longer keeps running, a new page asks again
LIFETIME_S = 10 * 3600.0


@dataclass(frozen=True)
class BrowserSession:
    nip: str
    name: str | None
    home: Path
    expires: float


class Sessions:
    def __init__(
        self, lifetime_s: float = LIFETIME_S, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._lifetime = lifetime_s
        self._clock = clock
        self._by_id: dict[str, BrowserSession] = {}

    def open(self, nip: str, name: str | None, home: Path) -> str:
        """A new session id (256 random bits) for a person just signed in."""
        self._forget_expired()
        session_id = secrets.token_urlsafe(32)
        self._by_id[session_id] = BrowserSession(nip, name, home, self._clock() + self._lifetime)
        return session_id

    def find(self, session_id: str | None) -> BrowserSession | None:
        if not session_id:
            return None
        session = self._by_id.get(session_id)
        if session is None or session.expires <= self._clock():
            self._by_id.pop(session_id, None)
            return None
        return session

    def close(self, session_id: str | None) -> None:
        if session_id:
            self._by_id.pop(session_id, None)

    def _forget_expired(self) -> None:
        now = self._clock()
        for session_id in [k for k, s in self._by_id.items() if s.expires <= now]:
            del self._by_id[session_id]
