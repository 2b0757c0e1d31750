"""The token file: private from its first byte, replaced atomically."""

from __future__ import annotations

import stat
from pathlib import Path

from sync.session import Session, forget_session, load_session, save_session, session_path

SESSION = Session("tok-1", "2026-12-01T00:00:00+00:00", "199001012015011001", "Ani", ("admin",))


def test_saved_token_is_readable_by_the_user_alone(tmp_path: Path) -> None:
    path = save_session(tmp_path, SESSION)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_session(tmp_path) == SESSION


def test_replacing_keeps_the_mode_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    save_session(tmp_path, SESSION)
    save_session(tmp_path, Session("tok-2", None, SESSION.nip, None, ()))
    assert [p.name for p in tmp_path.iterdir()] == ["session.json"]
    assert stat.S_IMODE(session_path(tmp_path).stat().st_mode) == 0o600
    loaded = load_session(tmp_path)
    assert loaded is not None and loaded.token == "tok-2"


def test_forget_and_garbage(tmp_path: Path) -> None:
    assert load_session(tmp_path) is None
    save_session(tmp_path, SESSION)
    assert forget_session(tmp_path) is True
    assert forget_session(tmp_path) is False
    session_path(tmp_path).write_text("{not json")
    assert load_session(tmp_path) is None
