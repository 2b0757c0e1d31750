"""Passwords and sessions (the brake on guessing is ``server.throttle``).

Passwords are hashed with argon2 (argon2-cffi). A token is 256 random bits
(``secrets.token_urlsafe(32)``) handed to the client once; the server keeps
only its SHA-256, so a copy of the database opens no session. Setting a
password, or ``kinerja-server revoke``, ends every session of that person.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, insert, select, update

from server import db

DEFAULT_TOKEN_DAYS = 30

_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified against when the NIP has no account, so both cases cost the same."""
    return _hasher.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def set_password(conn: Connection, nip: str, password: str) -> None:
    """Set the password of ``nip`` and end their sessions: whoever held one must sign in anew."""
    hashed = hash_password(password)
    exists = conn.execute(select(db.accounts.c.nip).where(db.accounts.c.nip == nip)).first()
    if exists:
        conn.execute(
            update(db.accounts)
            .where(db.accounts.c.nip == nip)
            .values(password_hash=hashed, updated_at=db.now())
        )
    else:
        conn.execute(insert(db.accounts).values(nip=nip, password_hash=hashed, updated_at=db.now()))
    revoke_all(conn, nip, db.now())


def password_hash_of(conn: Connection, nip: str) -> str | None:
    found = conn.execute(
        select(db.accounts.c.password_hash).where(db.accounts.c.nip == nip)
    ).scalar_one_or_none()
    return None if found is None else str(found)


def password_matches(stored: str | None, password: str) -> bool:
    """Checked outside any transaction: argon2 is slow on purpose."""
    try:
        return _hasher.verify(stored or _dummy_hash(), password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True)
class Session:
    token: str
    nip: str
    expires_at: datetime


def open_session(conn: Connection, nip: str, lifetime: timedelta, moment: datetime) -> Session:
    token = secrets.token_urlsafe(32)
    expires_at = moment + lifetime
    conn.execute(
        insert(db.tokens).values(
            token_hash=token_hash(token), nip=nip, created_at=moment, expires_at=expires_at
        )
    )
    return Session(token=token, nip=nip, expires_at=expires_at)


def revoke_all(conn: Connection, nip: str, moment: datetime) -> int:
    """End every live session of ``nip`` (a lost laptop, a new password); returns how many."""
    result = conn.execute(
        update(db.tokens)
        .where(db.tokens.c.nip == nip, db.tokens.c.revoked_at.is_(None))
        .values(revoked_at=moment)
    )
    return int(result.rowcount or 0)


def revoke(conn: Connection, token: str, moment: datetime) -> None:
    conn.execute(
        update(db.tokens)
        .where(db.tokens.c.token_hash == token_hash(token), db.tokens.c.revoked_at.is_(None))
        .values(revoked_at=moment)
    )
