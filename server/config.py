"""Where the server keeps its data and which database it uses (commands.md)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from platformdirs import user_data_dir

from server.accounts import DEFAULT_TOKEN_DAYS

DB_FILE = "kinerja.sqlite3"


def server_home(environ: Mapping[str, str] | None = None) -> Path:
    """``KINERJA_SERVER_HOME``, else the platformdirs data folder of kinerja-server."""
    env = os.environ if environ is None else environ
    return Path(env.get("KINERJA_SERVER_HOME") or user_data_dir("kinerja-server", appauthor=False))


def database_url(flag: str | None, environ: Mapping[str, str] | None = None) -> str:
    """``--db``, else ``KINERJA_DB``, else SQLite in the server's data folder."""
    env = os.environ if environ is None else environ
    chosen = flag or env.get("KINERJA_DB")
    if chosen:
        return chosen
    return f"sqlite:///{server_home(env) / DB_FILE}"


def token_days(flag: int | None, environ: Mapping[str, str] | None = None) -> float:
    """How long a token lives: ``--token-days``, else ``KINERJA_TOKEN_DAYS``, else 30."""
    env = os.environ if environ is None else environ
    if flag is not None:
        return float(flag)
    return float(env.get("KINERJA_TOKEN_DAYS") or DEFAULT_TOKEN_DAYS)
