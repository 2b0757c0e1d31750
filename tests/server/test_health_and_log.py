"""GET /api/v1/health and the one log line a request, on ``kinerja-server serve`` as run."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

from tests.server.serving import Served
from tests.support import pg
from tests.support.live_server import make_nip

STAFF = make_nip(71)
PASSWORD = "rahasia-sekali-71"


def _lines(served: Served) -> list[str]:
    return (served.folder / "server.log").read_text().splitlines()


def test_health_says_the_database_answers_at_this_schema(tmp_path: Path) -> None:
    served = Served.start(tmp_path)
    try:
        with served.client() as client:
            answer = client.get("/health")
        assert answer.status_code == 200
        assert answer.json() == {
            "status": "ok",
            "database": "reachable",
            "schema_version": 3,
            "schema_expected": 3,
        }
    finally:
        served.stop()


def test_health_answers_503_when_the_database_is_gone(tmp_path: Path, pg_server: pg.Server) -> None:
    url = pg_server.new_database()
    served = Served.start(tmp_path, db_url=url)
    try:
        with served.client() as client:
            assert client.get("/health").status_code == 200
            name = str(make_url(url).database)
            with psycopg.connect(pg_server.admin_url, autocommit=True) as conn:
                conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
            answer = client.get("/health")
        assert answer.status_code == 503
        assert answer.json()["database"] == "unreachable"
    finally:
        served.stop()


def test_one_json_line_a_request_with_the_nip_never_the_token_or_password(
    tmp_path: Path,
) -> None:
    served = Served.start(tmp_path, "--log-json")
    token = served.account(STAFF, "Staf Log", PASSWORD)
    try:
        with served.client() as client:
            assert client.get("/hello").status_code == 200
            bad = client.post("/session", json={"nip": STAFF, "password": PASSWORD + "x"})
            assert bad.status_code == 401
            pulled = client.get(
                "/changes", params={"since": 0}, headers={"Authorization": f"Bearer {token}"}
            )
            assert pulled.status_code == 200
            assert client.get("/changes").status_code == 401
    finally:
        served.stop()
    text = (served.folder / "server.log").read_text()
    assert token not in text and PASSWORD not in text
    logged = [json.loads(line) for line in _lines(served) if line.startswith("{")]
    requests = [line for line in logged if "path" in line]
    assert [(r["method"], r["path"], r["status"], r["nip"]) for r in requests[-4:]] == [
        ("GET", "/api/v1/hello", 200, None),
        ("POST", "/api/v1/session", 401, None),
        ("GET", "/api/v1/changes", 200, STAFF),
        ("GET", "/api/v1/changes", 401, None),
    ]
    assert all(r["duration_ms"] >= 0 and r["time"].endswith("Z") for r in requests)


def test_plain_lines_by_default(tmp_path: Path) -> None:
    served = Served.start(tmp_path)
    token = served.account(STAFF, "Staf Log")
    try:
        answer = httpx.get(
            f"{served.base_url}/changes", headers={"Authorization": f"Bearer {token}"}, timeout=10
        )
        assert answer.status_code == 200
    finally:
        served.stop()
    line = next(line for line in _lines(served) if " GET /api/v1/changes " in line)
    assert line.endswith(f"nip={STAFF}") and " 200 " in line and "ms " in line
    assert token not in (served.folder / "server.log").read_text()
