"""Backing up a live server's data and putting it back, as an operator would.

``Backup.take(server)`` copies the database (SQLite: the file through
SQLite's backup API; PostgreSQL: a database made from it as a template) and
the high-water mark file beside it. ``restore(whole=...)`` puts the database
back, with the mark too (the data folder whole) or without it (the database
alone). The server is stopped around both, as an operator's restore does.
"""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

from server import db
from server.epoch import mark_path
from tests.support.live_server import LiveServer


def _sqlite_file(server: LiveServer) -> Path:
    return Path(server.db_url.removeprefix("sqlite:///"))


def _mark(server: LiveServer) -> Path:
    return mark_path(server.db_url, server.folder)


def _copy_database(admin_url: str, source: str, target: str, *, drop_target: bool) -> None:
    with psycopg.connect(admin_url, autocommit=True) as conn:
        if drop_target:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(target))
            )
        conn.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(target), sql.Identifier(source)
            )
        )


@dataclass
class Backup:
    server: LiveServer
    folder: Path
    admin_url: str | None  # PostgreSQL: a superuser URL of the cluster

    @classmethod
    def take(cls, server: LiveServer, folder: Path, admin_url: str | None = None) -> Backup:
        backup = cls(server, folder, admin_url)
        folder.mkdir(parents=True, exist_ok=True)
        server.stop()
        server.engine.dispose()
        if admin_url is None:
            with (
                closing(sqlite3.connect(_sqlite_file(server))) as source,
                closing(sqlite3.connect(folder / "db.sqlite3")) as copy,
            ):
                source.backup(copy)
        else:
            _copy_database(admin_url, backup._name, backup._copy_name, drop_target=False)
        shutil.copyfile(_mark(server), folder / "mark")
        server.restart()
        return backup

    @property
    def _name(self) -> str:
        return str(make_url(db.sqlalchemy_url(self.server.db_url)).database)

    @property
    def _copy_name(self) -> str:
        return f"{self._name}_backup_{self.folder.name}"[:60] or uuid.uuid4().hex

    def restore(self, *, whole: bool) -> None:
        """Put the database back (and the mark file too when ``whole``), then serve it."""
        self.server.stop()
        self.server.engine.dispose()
        if self.admin_url is None:
            database = _sqlite_file(self.server)
            for leftover in (Path(f"{database}-wal"), Path(f"{database}-shm")):
                leftover.unlink(missing_ok=True)
            with (
                closing(sqlite3.connect(self.folder / "db.sqlite3")) as source,
                closing(sqlite3.connect(database)) as target,
            ):
                source.backup(target)
        else:
            _copy_database(self.admin_url, self._copy_name, self._name, drop_target=True)
        if whole:
            shutil.copyfile(self.folder / "mark", _mark(self.server))
        self.server.restart()
