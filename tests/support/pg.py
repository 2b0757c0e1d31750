"""A throwaway PostgreSQL for the tests and the benchmark.

With ``KINERJA_TEST_PG`` set (CI: a superuser URL of a running server, see
.ci/run) each test session creates fresh databases in it and drops them
after. Otherwise a private cluster is started from the installed binaries
(``initdb``/``pg_ctl`` of the newest /usr/lib/postgresql/*/bin) in a temporary
folder on a free port; as root it runs as the ``postgres`` user (runuser),
since PostgreSQL refuses to run as root. Without PostgreSQL installed this
raises ``PostgresMissing``, which fails the tests with the fix to apply.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import psycopg
from psycopg import sql

PG_ROOT = Path("/usr/lib/postgresql")


class PostgresMissing(RuntimeError):
    pass


def _binaries() -> Path:
    versions = sorted(
        (p for p in PG_ROOT.glob("*/bin") if (p / "initdb").exists()),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    if not versions:
        raise PostgresMissing(
            "PostgreSQL is not installed: the server tests need it. Run `apt-get install postgresql` "
            "(or set KINERJA_TEST_PG to a superuser URL of a running server)."
        )
    return versions[-1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    """A private PostgreSQL cluster in a temporary folder, trusting local connections."""

    def __init__(self) -> None:
        self.bin = _binaries()
        self.folder = Path(tempfile.mkdtemp(prefix="kinerja-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *command: str) -> None:
        prefix: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
            prefix = ["runuser", "-u", "postgres", "--"]
        subprocess.run([*prefix, *command], check=True, capture_output=True, cwd=self.folder)

    def start(self) -> Cluster:
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
        )
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.folder / "log"),
            "-w",
            "start",
        )
        return self

    def stop(self) -> None:
        try:
            self._run(
                str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"
            )
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


class Server:
    """Where throwaway databases are made: ``KINERJA_TEST_PG`` or a private cluster."""

    def __init__(self) -> None:
        given = os.environ.get("KINERJA_TEST_PG")
        self.cluster = None if given else Cluster().start()
        self.admin_url = given or self.cluster.url  # type: ignore[union-attr]
        self._made: list[str] = []

    def new_database(self) -> str:
        """A fresh empty database; returns its postgresql:// URL."""
        name = f"kinerja_test_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        self._made.append(name)
        base, _sep, _old = self.admin_url.rpartition("/")
        return f"{base}/{name}"

    def close(self) -> None:
        try:
            with psycopg.connect(self.admin_url, autocommit=True) as conn:
                for name in self._made:
                    conn.execute(
                        sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                            sql.Identifier(name)
                        )
                    )
        finally:
            if self.cluster is not None:
                self.cluster.stop()
