"""The sign-in token, kept in the profile folder, readable by the user alone.

The token is a password-equivalent for the server, so its file is created
with mode 0600 from the start (never written wider and narrowed after) and
replaced atomically, so a crash never leaves half a token behind.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

if TYPE_CHECKING:
    from sync.link import Link, Patience

SESSION_FILE = "session.json"


@dataclass(frozen=True)
class Session:
    token: str
    expires_at: str | None
    nip: str
    name: str | None
    roles: tuple[str, ...]


def session_path(home: Path) -> Path:
    return Path(home) / SESSION_FILE


def save_session(home: Path, session: Session) -> Path:
    path = session_path(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = orjson.dumps(
        {
            "token": session.token,
            "expires_at": session.expires_at,
            "user": {"nip": session.nip, "name": session.name, "roles": list(session.roles)},
        }
    )
    # mkstemp creates the file 0600 before a byte of the token is in it
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".session-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def load_session(home: Path) -> Session | None:
    """The saved session, or None when there is none or it can't be read."""
    try:
        raw = orjson.loads(session_path(home).read_bytes())
        user = raw.get("user") or {}
        return Session(
            token=str(raw["token"]),
            expires_at=raw.get("expires_at"),
            nip=str(user.get("nip", "")),
            name=user.get("name"),
            roles=tuple(user.get("roles") or ()),
        )
    except (OSError, orjson.JSONDecodeError, KeyError, TypeError, AttributeError):
        return None


def forget_session(home: Path) -> bool:
    """Delete the token file; True when there was one."""
    try:
        session_path(home).unlink()
    except FileNotFoundError:
        return False
    return True


def profile_home(store: Any) -> Path:
    """The profile folder of an open store: the token lives beside the store's files."""
    return Path(store.home)


def link_for_profile(store: Any, *, patience: Patience | None = None) -> Link | None:
    """A link to this profile's server with its token, or None when not signed in."""
    from sync.link import Link, Patience  # httpx: only once a round or a fetch needs it

    session = load_session(profile_home(store))
    server_url = store.get("meta", "server_url")
    if session is None or not server_url:
        return None
    return Link(str(server_url), session.token, patience=patience or Patience.from_env())
