"""Fixtures shared by every package's tests (see tests/support/)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import pg
from tests.support.live_server import LiveServer


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    """A real server on loopback (uvicorn thread) over a fresh SQLite database.

    ``live_server.base_url`` ends in /api/v1; see tests/support/live_server.py.
    """
    server = LiveServer.start(tmp_path / "server")
    yield server
    server.close()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[pg.Server]:
    """KINERJA_TEST_PG, or a throwaway cluster; fails (no skip) without PostgreSQL."""
    try:
        server = pg.Server()
    except pg.PostgresMissing as missing:
        pytest.fail(str(missing), pytrace=False)
    yield server
    server.close()


@pytest.fixture(scope="session")
def pg_url(pg_server: pg.Server) -> str:
    """A fresh empty PostgreSQL database for the session (postgresql:// URL)."""
    return pg_server.new_database()


@pytest.fixture
def pg_database(pg_server: pg.Server) -> str:
    """A fresh empty PostgreSQL database for one test."""
    return pg_server.new_database()
