"""What an idle round costs the database: one statement, and no ping of a connection in use;
a pooled PostgreSQL connection that died while it rested is replaced before a request uses it."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from sqlalchemy import event

from server import context
from server import engine as engine_module
from tests.support.live_server import LiveServer, make_nip

STAFF = make_nip(1)


def _end_the_servers_sessions(url: str) -> int:
    """What a database restart does to the server's pooled connections."""
    with psycopg.connect(url, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchall()
    return len(rows)


def test_a_connection_ended_while_it_rested_costs_no_request(
    pg_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "PING_AFTER_IDLE_S", 0.0)
    server = LiveServer.start(tmp_path, db_url=pg_database)
    try:
        server.add_employee(STAFF, "Staf")
        token = server.token_for(STAFF)
        with server.client(token) as client:
            assert client.get("/changes").status_code == 200
            assert _end_the_servers_sessions(pg_database) >= 1
            for _ in range(3):
                assert client.get("/changes").status_code == 200
                assert client.get("/hello").status_code == 200
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/server.sqlite3"
    return str(request.getfixturevalue("pg_database"))


def test_an_idle_round_is_one_statement(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """hello from the epoch read a moment ago, and a pull by a client already at the
    newest change in one query: no BEGIN, no COMMIT (idle rounds are most of a
    province's load)."""
    monkeypatch.setattr(context, "EPOCH_FRESH_S", 3600.0)  # no clock in the test
    server = LiveServer.start(tmp_path / "home", db_url=db_url)
    try:
        server.add_employee(STAFF, "Staf")
        token = server.token_for(STAFF)
        engine = server._uvicorn.config.app.state.server.engine  # type: ignore[union-attr]
        with server.client(token) as client:
            first = client.get("/changes").json()
            assert client.get("/hello").json()["epoch"] == first["epoch"]
            sent: list[str] = []
            listener = lambda *args: sent.append(args[2])  # noqa: E731
            event.listen(engine, "before_cursor_execute", listener)
            commits: list[object] = []
            committed = commits.append
            event.listen(engine, "commit", committed)
            try:
                assert client.get("/hello").status_code == 200
                params = {"since": first["next"], "mark": first["mark"]}
                idle = client.get("/changes", params=params).json()
            finally:
                event.remove(engine, "before_cursor_execute", listener)
                event.remove(engine, "commit", committed)
        assert idle == {"epoch": first["epoch"], "changes": [], "next": first["next"],
                        "more": False, "mark": first["mark"]}  # fmt: skip
        assert len(sent) == 1, sent
        assert not any(statement.startswith(("BEGIN", "COMMIT")) for statement in sent)
        assert commits == []
    finally:
        server.stop()
