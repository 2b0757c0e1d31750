"""Where the server keeps its data, which database it uses, and its high-water mark."""

from __future__ import annotations

from pathlib import Path

from server.config import database_url, server_home, token_days
from server.epoch import HighWaterMark, mark_path


def test_database_url_flag_then_env_then_the_data_folder(tmp_path: Path) -> None:
    env = {"KINERJA_SERVER_HOME": str(tmp_path)}
    assert database_url(None, env) == f"sqlite:///{tmp_path / 'kinerja.sqlite3'}"
    assert database_url(None, {**env, "KINERJA_DB": "postgresql://x/y"}) == "postgresql://x/y"
    assert (
        database_url("sqlite:////tmp/a.db", {**env, "KINERJA_DB": "postgresql://x/y"})
        == "sqlite:////tmp/a.db"
    )
    assert server_home({}).name == "kinerja-server"


def test_token_days_flag_then_env_then_thirty() -> None:
    assert token_days(None, {}) == 30
    assert token_days(None, {"KINERJA_TOKEN_DAYS": "7"}) == 7
    assert token_days(2, {"KINERJA_TOKEN_DAYS": "7"}) == 2


def test_the_mark_sits_beside_sqlite_and_in_the_data_folder_for_postgresql(tmp_path: Path) -> None:
    assert (
        mark_path(f"sqlite:///{tmp_path / 'k.sqlite3'}", tmp_path / "home")
        == tmp_path / "k.sqlite3.seq-mark"
    )
    one = mark_path("postgresql://u:p@db:5432/kinerja", tmp_path)
    assert one.parent == tmp_path and one != mark_path("postgresql://u:p@db:5432/lain", tmp_path)
    # The password is not part of the name: changing it keeps the mark.
    assert one == mark_path("postgresql://u:other@db:5432/kinerja", tmp_path)


def test_another_process_never_lowers_the_mark(tmp_path: Path) -> None:
    mark = HighWaterMark(tmp_path / "m.json")
    mark.note("e1", 10)
    HighWaterMark(mark.path).raise_to("e1", 4)
    assert mark.read() == ("e1", 10)
    HighWaterMark(mark.path).raise_to("e1", 12)
    assert mark.read() == ("e1", 12)
