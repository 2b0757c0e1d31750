"""What every handler shares: the server's state and the caller's token.

``Server`` holds the engine, the token lifetime, the high-water mark and the
organisation cache; ``bearer_token`` is the dependency that reads the token
(checked later, in each handler's own transaction, by ``Server.nip_of``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Connection, Engine

from domain.org import Organisation
from server import db
from server.acting import Starts
from server.blobs import Sweeper
from server.caller import Facts, facts
from server.epoch import HighWaterMark
from server.errors import ApiError
from server.messages import _
from server.org import OrgCache
from server.requestlog import note_nip

# The epoch changes only when the server starts on a restored database (server.epoch),
# and a push or pull checks it against the database itself: hello may be a second late.
EPOCH_FRESH_S = 1.0

_bearer = HTTPBearer(auto_error=False, description="the token of POST /session")


class Server:
    """What the handlers share: the engine, the token lifetime, the high-water mark."""

    def __init__(self, engine: Engine, token_lifetime: timedelta, mark: HighWaterMark) -> None:
        self.engine = engine
        self.token_lifetime = token_lifetime
        self.mark = mark
        self.orgs = OrgCache()
        self.sweeper = Sweeper()
        self.acting_starts = Starts()
        self._epoch: tuple[str | None, float] = (None, -EPOCH_FRESH_S)

    def recent_epoch(self) -> str | None:
        """The epoch if read within ``EPOCH_FRESH_S``, else None (``read_epoch`` then)."""
        epoch, read_at = self._epoch
        return epoch if time.monotonic() - read_at < EPOCH_FRESH_S else None

    def read_epoch(self) -> str | None:
        """The epoch as the database holds it now, kept for ``recent_epoch``."""
        with db.one_statement(self.engine) as conn:
            epoch = db.get_meta(conn, "epoch")
        self._epoch = (epoch, time.monotonic())
        return epoch

    def caller(self, conn: Connection, token: str) -> Caller:
        """Who signed in with ``token`` and where the server stands, in the request's
        own transaction and one query (``server.caller``); 401 for a dead token."""
        found = facts(conn, token, db.now())
        org = self.orgs.get(conn, found.org_version)
        if found.nip is None or not org.is_active(found.nip):
            raise unauthorized()
        note_nip(found.nip)
        return Caller(found.nip, org, found.epoch, found.top, found.top_mark)

    def up_to_date(self, conn: Connection, token: str, since: int, mark: str) -> Facts | None:
        """The facts of a caller with nothing to pull, from one statement: a live token
        of an active person, at the newest seq with its mark, the cached organisation
        current and no acting assignment due to start. None otherwise: the caller
        then goes the whole way, in a transaction (``caller``)."""
        found = facts(conn, token, db.now())
        if found.nip is None or since != found.top or mark != found.top_mark:
            return None
        org = self.orgs.peek(found.org_version)
        if org is None or not org.is_active(found.nip) or self.acting_starts.due(org):
            return None
        note_nip(found.nip)
        return found

    def nip_of(self, conn: Connection, token: str) -> str:
        """The NIP signed in with ``token``, checked in the request's own transaction."""
        return self.caller(conn, token).nip


@dataclass(frozen=True)
class Caller:
    nip: str
    org: Organisation  # shared: copy it before changing
    epoch: str
    top: int  # the newest seq in this transaction's snapshot
    top_mark: str  # its mark


def _unauthorized() -> ApiError:
    return ApiError(
        401,
        "unauthorized",
        _("Sign in first: the token is missing, expired or revoked."),
        {"WWW-Authenticate": "Bearer"},
    )


def unauthorized() -> ApiError:
    return ApiError(
        401,
        "unauthorized",
        _("Sign in first: the token is missing, expired or revoked."),
        {"WWW-Authenticate": "Bearer"},
    )


async def bearer_token(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> str:
    """The token of the Authorization header; async and without I/O (checked by ``nip_of``)."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise unauthorized()
    return credentials.credentials
