"""``kinerja-server serve`` as an operator runs it, with the flags a test names.

``Served.start(folder, *flags)`` runs ``init`` then ``serve`` in a subprocess
on a free port of 127.0.0.1 (the umask, TLS and proxy settings are the
command's own, not the in-process test server's) and waits for ``hello``;
``https=True`` with the CA file to trust. ``db_url`` serves another database
than the folder's SQLite file (PostgreSQL, for ``--workers``); ``account``
adds an employee and opens a session straight in the database (no argon2).
"""

from __future__ import annotations

import os
import socket
import ssl
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import httpx

from server import accounts, db
from server.importer import Row, import_rows
from tests.support.live_server import ROOT


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Served:
    def __init__(
        self,
        folder: Path,
        process: subprocess.Popen[bytes],
        base_url: str,
        verify: ssl.SSLContext | bool,
        db_url: str,
    ) -> None:
        self.folder = folder
        self.process = process
        self.base_url = base_url
        self.verify = verify
        self.db_url = db_url

    @classmethod
    def start(
        cls, folder: Path, *flags: str, cafile: Path | None = None, db_url: str | None = None
    ) -> Served:
        port = _free_port()
        env = {**os.environ, "KINERJA_SERVER_HOME": str(folder)}
        env.pop("FORWARDED_ALLOW_IPS", None)
        db_url = db_url or f"sqlite:///{folder / 'kinerja.sqlite3'}"
        command = [sys.executable, "-m", "server.cli"]
        subprocess.run(
            [*command, "init", "--db", db_url], cwd=ROOT, env=env, check=True, capture_output=True
        )
        log = (folder / "server.log").open("ab")
        process = subprocess.Popen(
            [*command, "serve", "--db", db_url, "--port", str(port), *flags],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        log.close()
        scheme = "https" if cafile else "http"
        verify: ssl.SSLContext | bool = (
            ssl.create_default_context(cafile=cafile) if cafile else True
        )
        served = cls(folder, process, f"{scheme}://127.0.0.1:{port}/api/v1", verify, db_url)
        served._wait()
        return served

    def _wait(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError((self.folder / "server.log").read_text(errors="replace"))
            try:
                if (
                    httpx.get(f"{self.base_url}/hello", verify=self.verify, timeout=1).status_code
                    == 200
                ):
                    return
            except httpx.HTTPError:
                time.sleep(0.05)
        raise RuntimeError("kinerja-server serve did not answer in time")

    def account(
        self, nip: str, name: str, password: str | None = None, atasan_nip: str | None = None
    ) -> str:
        """Add an employee (as import-employees does), optionally a password; a session token."""
        engine = db.make_engine(self.db_url)
        try:
            row = Row(
                2, nip, name, "PNS", "Penata (III/c)", "Analis", "Sekretariat", atasan_nip, ()
            )
            import_rows(engine, [row])
            with db.writing(engine) as conn:
                if password is not None:
                    accounts.set_password(conn, nip, password)
                return accounts.open_session(conn, nip, timedelta(days=1), db.now()).token
        finally:
            engine.dispose()

    def client(self, **headers: str) -> httpx.Client:
        return httpx.Client(base_url=self.base_url, verify=self.verify, headers=headers, timeout=30)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
