"""A database put back from an older copy presents a new epoch; a plain restart does not."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import httpx
from sqlalchemy import delete

from server import db
from tests.server import samples
from tests.support.live_server import LiveServer, make_nip, mutation

STAFF = make_nip(1)


def _db_file(server: LiveServer) -> Path:
    return Path(server.db_url.removeprefix("sqlite:///"))


def _copy(source: Path, target: Path) -> None:
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def test_restart_keeps_the_epoch(live_server: LiveServer) -> None:
    before = live_server.epoch()
    live_server.restart()
    assert live_server.epoch() == before


def test_restoring_an_older_copy_rotates_the_epoch(live_server: LiveServer, tmp_path: Path) -> None:
    live_server.add_employee(STAFF, "Staf Pelayanan")
    token = live_server.token_for(STAFF)
    live_server.push(token, [mutation("training", samples.training(), owner=STAFF)])
    backup = tmp_path / "cadangan.sqlite3"
    _copy(_db_file(live_server), backup)
    old_epoch = live_server.epoch()
    live_server.push(
        token, [mutation("training", samples.training(title="Sesudah cadangan"), owner=STAFF)]
    )

    live_server.stop()
    live_server.engine.dispose()
    database = _db_file(live_server)
    for leftover in (Path(f"{database}-wal"), Path(f"{database}-shm")):
        leftover.unlink(missing_ok=True)
    _copy(backup, database)
    live_server.restart()

    new_epoch = live_server.epoch()
    assert new_epoch != old_epoch
    body = {"client_id": "laptop-1", "epoch": old_epoch, "mutations": []}
    with live_server.client(token) as client:
        assert client.post("/push", json=body).status_code == 409
        assert client.get("/changes").json()["epoch"] == new_epoch
    # And it stays the new one across a plain restart.
    live_server.restart()
    assert live_server.epoch() == new_epoch


def test_serve_logs_one_line_a_request_and_survives_a_kill(tmp_path: Path) -> None:
    server = LiveServer.start(tmp_path / "server", subprocess=True)
    try:
        epoch = server.epoch()
        for since in range(3):
            answer = httpx.get(f"{server.base_url}/changes", params={"since": since})
            assert answer.status_code == 401
        server.kill()
        server.restart()
        assert server.epoch() == epoch
        log = server.log_path.read_text()
        lines = [line for line in log.splitlines() if "/api/v1/changes" in line]
        assert len(lines) == 3 and all("401" in line for line in lines)
    finally:
        server.close()


def test_postgresql_behind_its_mark_rotates_the_epoch(tmp_path: Path, pg_database: str) -> None:
    server = LiveServer.start(tmp_path / "server", pg_database)
    try:
        server.add_employee(STAFF, "Staf Pelayanan")
        server.push(
            server.token_for(STAFF), [mutation("training", samples.training(), owner=STAFF)]
        )
        old_epoch = server.epoch()
        server.stop()
        # What a restore of an older dump looks like to the server: the sequence is behind.
        with db.writing(server.engine) as conn:
            conn.execute(delete(db.records).where(db.records.c.collection == "training"))
            db.store_sequence(conn, db.current_seq(conn) - 1)
        server.restart()
        assert server.epoch() != old_epoch
    finally:
        server.close()
