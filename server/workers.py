"""``kinerja-server serve --workers N``: N processes on one PostgreSQL.

uvicorn's own workers, not gunicorn: no second server to install and learn,
the same flags (TLS, trusted proxies, logging) whatever N is, and since
uvicorn 0.30 its supervisor restarts a worker that dies. Each worker is a
fresh process that builds the app through ``app()`` from the environment
this process sets; everything they share lives in the database (the
sequence row, the sign-in brake's counts, the epoch, sessions), or in the
high-water mark file, which each writes while holding the sequence row.

The epoch is settled once, here, before any worker starts: a worker settling
it while another already took a push could see the mark ahead of a
not-yet-committed push and rotate the epoch for nothing.

SQLite has one writer at a time and a file on this machine: more processes
would only wait for each other, so ``--workers`` above 1 is refused there.
"""

from __future__ import annotations

import os

from fastapi import FastAPI
from sqlalchemy.engine import make_url

from server import db
from server.config import server_home
from server.epoch import HighWaterMark, mark_path, settle_epoch
from server.failure import Failure
from server.ops_text import _

DB_VAR = "KINERJA_WORKER_DB"
DAYS_VAR = "KINERJA_WORKER_TOKEN_DAYS"


def check_workers(url: str, workers: int) -> None:
    if workers < 1:
        raise Failure(_("--workers must be 1 or more."))
    if workers > 1 and make_url(db.sqlalchemy_url(url)).get_backend_name() != "postgresql":
        raise Failure(
            _(
                "--workers above 1 needs PostgreSQL: SQLite lets one process write at a time, so more processes would only wait for each other. Serve with --db postgresql://... or without --workers."
            )
        )


def prepare(url: str, token_days: float) -> None:
    """Settle the epoch once and leave the workers what they need in the environment."""
    engine = db.make_engine(url)
    try:
        db.check_schema(engine)
        settle_epoch(engine, HighWaterMark(mark_path(url, server_home())))
    finally:
        engine.dispose()
    os.environ[DB_VAR] = url
    os.environ[DAYS_VAR] = str(token_days)
    os.environ["KINERJA_SERVER_HOME"] = str(server_home())


def app() -> FastAPI:
    """The application of one worker process (uvicorn's ``factory``)."""
    from server.app import create_app

    return create_app(
        os.environ[DB_VAR], token_days=float(os.environ[DAYS_VAR]), home=server_home(), settle=False
    )
