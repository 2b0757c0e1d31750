"""``kinerja-server init`` brings a protocol 1 database forward without losing a record.

The fixture (tests/server/fixtures/protocol1) was written by the protocol 1
release itself; on PostgreSQL the same rows are loaded through schema 1
before ``init`` upgrades them.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, insert, inspect, select

from server import db, migrations, schema_v1
from tests.server.test_cli import run
from tests.support.live_server import LiveServer, mutation

FIXTURE = Path(__file__).parent / "fixtures" / "protocol1"
FACTS = json.loads((FIXTURE / "facts.json").read_text())
STAFF, PPK = FACTS["nips"]["staff"], FACTS["nips"]["ppk"]
# Every table of schema 1 that keeps rows across the step (the rest are replaced).
KEPT = ("meta", "sequence", "records", "history", "accounts", "tokens", "backfill")


def _rows(engine: Engine, table_name: str) -> list[dict[str, Any]]:
    table = schema_v1.metadata.tables[table_name]
    with db.reading(engine) as conn:
        rows = conn.execute(select(table).order_by(*table.primary_key.columns)).all()
    return [dict(row._mapping) for row in rows]


def _fixture_engine() -> Engine:
    return db.make_engine(f"sqlite:///{FIXTURE / 'kinerja.sqlite3'}")


def _old_content() -> dict[str, list[dict[str, Any]]]:
    engine = _fixture_engine()
    try:
        return {name: _rows(engine, name) for name in schema_v1.metadata.tables}
    finally:
        engine.dispose()


def _sqlite_copy(folder: Path) -> str:
    folder.mkdir(parents=True)
    shutil.copyfile(FIXTURE / "kinerja.sqlite3", folder / "kinerja.sqlite3")
    shutil.copyfile(FIXTURE / "kinerja.sqlite3.seq-mark", folder / "kinerja.sqlite3.seq-mark")
    return f"sqlite:///{folder / 'kinerja.sqlite3'}"


def _postgresql_copy(url: str, old: dict[str, list[dict[str, Any]]]) -> None:
    """Schema 1 made by its own step, then the fixture's rows put in as they were."""
    engine = db.make_engine(url)
    try:
        assert migrations.upgrade(engine, target=1) == (0, 1)
        with db.writing(engine) as conn:
            for table in schema_v1.metadata.sorted_tables:
                if table.name in ("schema_version", "sequence", "meta"):
                    conn.execute(table.delete())
                if old[table.name]:
                    conn.execute(insert(table), old[table.name])
            if conn.dialect.name == "postgresql":
                for name in ("history", "login_failures"):
                    conn.exec_driver_sql(
                        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'),"
                        f" (SELECT COALESCE(MAX(id), 1) FROM {name}))"
                    )
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def migrated(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, dict[str, Any]]:
    """The fixture upgraded by ``kinerja-server init``: its URL and the rows it held before."""
    old = _old_content()
    if request.param == "sqlite":
        url = _sqlite_copy(tmp_path / "server")
    else:
        url = str(request.getfixturevalue("pg_database"))
        _postgresql_copy(url, old)
    result = run("init", "--db", url, env={"KINERJA_SERVER_HOME": str(tmp_path / "server")})
    assert result.returncode == 0 and "versi 3 (sebelumnya 1)" in result.stdout, result
    return url, old


def test_every_record_comes_through_with_who_made_it(migrated: tuple[str, Any]) -> None:
    url, old = migrated
    engine = db.make_engine(url)
    with db.reading(engine) as conn:
        now = {(r.collection, r.id): r._mapping for r in conn.execute(select(db.records))}
        history = conn.execute(select(db.history).order_by(db.history.c.seq)).all()
    engine.dispose()
    assert set(now) == {(r["collection"], r["id"]) for r in old["records"]}
    for before in old["records"]:
        after = now[(before["collection"], before["id"])]
        for column in ("rev", "seq", "deleted", "owner", "updated_by", "updated_at", "conflicts"):
            assert after[column] == before[column], (before["collection"], column)
        if before["collection"] == "follow_up":
            assert after["data"] == {**before["data"], "steps": []}
        else:
            assert after["data"] == before["data"]
        assert after["created_at"] is not None
    plan = now[("plan", FACTS["ids"]["plan"])]
    assert plan["created_by"] == STAFF and plan["created_at"] < plan["updated_at"]
    assert all(now[key]["created_by"] is None for key in now if key[0] in ("employee", "unit"))
    # The audit trail is whole, and every seq has its stamp for the marks.
    assert [(r.seq, r.before, r.after) for r in history] == [
        (r["seq"], r["before"], r["after"]) for r in sorted(old["history"], key=lambda r: r["seq"])
    ]
    assert [r.seq for r in history] == list(range(1, FACTS["seq"] + 1))
    assert len({r.stamp for r in history}) == len(history)
    assert all(len(r.stamp) == 16 and r.change is None for r in history)


def test_the_schema_is_the_one_the_code_declares(migrated: tuple[str, Any]) -> None:
    url, _old = migrated
    engine = db.make_engine(url)
    found = inspect(engine)
    tables = set(found.get_table_names())
    assert tables == set(db.metadata.tables)
    for table in db.metadata.sorted_tables:
        assert {c["name"] for c in found.get_columns(table.name)} == set(table.columns.keys())
        indexes = {i["name"] for i in found.get_indexes(table.name)}
        assert {i.name for i in table.indexes} <= indexes, table.name
    # Schema 3: the feed's (owner, seq) index took the place of the one by owner.
    assert "records_owner" not in {i["name"] for i in found.get_indexes("records")}
    engine.dispose()
    assert len(migrations.STEPS) == db.SCHEMA_VERSION


def test_the_old_sessions_epoch_and_first_results_still_hold(
    migrated: tuple[str, Any], tmp_path: Path
) -> None:
    url, old = migrated
    server = LiveServer.start(tmp_path / "server", url)
    try:
        assert server.epoch() == FACTS["epoch"]  # no needless pull from 0 for every client
        staff = FACTS["tokens"]["staff"]
        changes, cursor = server.pull_all(staff)
        assert cursor == FACTS["seq"]
        assert FACTS["ids"]["plan"] in {c["id"] for c in changes}
        with server.client(FACTS["tokens"]["revoked"]) as client:
            assert client.get("/changes").status_code == 401
        # The conflicts STAFF pushed under protocol 1 are still STAFF's duplicates.
        record = server.record_of("training", id=FACTS["ids"]["training_in_conflict"])
        stale = [
            dict(
                mutation("training", c["data"], owner=STAFF, id=record["id"], base_rev=1),
                mutation_id=c["mutation_id"],
            )
            for c in record["conflicts"]
        ]
        assert [c["mutation_id"] for c in stale] == FACTS["conflict_mutation_ids"]
        assert {r["status"] for r in server.push(staff, stale)} == {"duplicate"}
        assert server.login(PPK, FACTS["password"])
    finally:
        server.close()
    assert len(old["applied_mutations"]) > 0
