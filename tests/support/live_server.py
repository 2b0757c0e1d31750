"""A real Kinerja server on loopback, for tests of every package.

``LiveServer.start(folder)`` initialises a fresh SQLite database in
``folder`` (or uses ``db_url``) and serves it with uvicorn on a free port of
127.0.0.1, in a background thread (fast) or, with ``subprocess=True``, as
``python -m server.cli serve`` (for tests that kill or restart it hard).

- ``base_url`` ends in ``/api/v1`` (e.g. ``http://127.0.0.1:41234/api/v1``):
  what a client is configured with; ``root_url`` is the same without it.
- ``stop()``, ``restart()`` (same port, same database), ``kill()`` (SIGKILL,
  subprocess only).
- Seeding goes through the server's own code (the import-employees path):
  ``add_employee(nip, name, atasan_nip=None, roles=(), unit=...)``,
  ``set_password(nip, pw)``, ``login(nip, pw) -> token``,
  ``account(nip, name, ...)`` for all three at once, and ``token_for(nip)``
  (a session opened straight in the database, without the slow argon2).
- Requests: ``client(token)`` (an httpx.Client on ``base_url``),
  ``push(token, mutations)``, ``pull_all(token)``, ``epoch()``.
- ``make_nip(n)``: a valid fictional NIP for each n in 1..999.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess as proc
import sys
import threading
import time
import uuid
from collections.abc import Iterable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from server import accounts, db
from server.app import create_app
from server.importer import ImportRefused, Row, import_rows

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 30.0
DEFAULT_PASSWORD = "rahasia-123"


def make_nip(n: int, *, female: bool = False, birth_year: int = 1980) -> str:
    """A valid PNS NIP: born 1 January ``birth_year``, appointed January 2005 (TMT)."""
    if not 1 <= n <= 999:
        raise ValueError("n must be 1..999")
    return f"{birth_year}0101" + "200501" + ("2" if female else "1") + f"{n:03d}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LiveServer:
    def __init__(
        self, folder: Path, db_url: str, *, subprocess: bool = False, token_days: float = 30
    ) -> None:
        self.folder = folder
        self.db_url = db_url
        self.port = _free_port()
        self.root_url = f"http://127.0.0.1:{self.port}"
        self.base_url = f"{self.root_url}/api/v1"
        self.token_days = token_days
        self.uses_subprocess = subprocess
        self.engine = db.make_engine(db_url)
        self._thread: threading.Thread | None = None
        self._uvicorn: uvicorn.Server | None = None
        self._process: proc.Popen[bytes] | None = None
        self.log_path = folder / "server.log"

    @classmethod
    def start(
        cls,
        folder: Path,
        db_url: str | None = None,
        *,
        subprocess: bool = False,
        token_days: float = 30,
    ) -> LiveServer:
        folder.mkdir(parents=True, exist_ok=True)
        url = db_url or f"sqlite:///{folder / 'kinerja.sqlite3'}"
        server = cls(folder, url, subprocess=subprocess, token_days=token_days)
        db.init(server.engine)
        server._serve()
        return server

    # -- running -----------------------------------------------------------
    def _serve(self) -> None:
        if self.uses_subprocess:
            self._spawn()
        else:
            self._run_thread()
        self._wait_until_up()

    def _run_thread(self) -> None:
        app = create_app(self.db_url, token_days=self.token_days, home=self.folder)
        config = uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_level="warning", access_log=False
        )
        self._uvicorn = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._uvicorn.run, name="live-server", daemon=True)
        self._thread.start()

    def _spawn(self) -> None:
        env = dict(
            os.environ,
            KINERJA_SERVER_HOME=str(self.folder),
            KINERJA_TOKEN_DAYS=str(self.token_days),
        )
        command = [
            sys.executable,
            "-m",
            "server.cli",
            "serve",
            "--db",
            self.db_url,
            "--port",
            str(self.port),
        ]
        log = self.log_path.open("ab")
        self._process = proc.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=proc.STDOUT)
        log.close()

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self._process is not None and self._process.poll() is not None:
                raise RuntimeError(
                    f"server exited: {self.log_path.read_text(errors='replace')[-2000:]}"
                )
            try:
                if httpx.get(f"{self.base_url}/hello", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        raise RuntimeError("the live server did not answer in time")

    def stop(self) -> None:
        if self._uvicorn is not None and self._thread is not None:
            self._uvicorn.should_exit = True
            self._thread.join(timeout=10)
            # Close its database files even if a request was cut short.
            self._uvicorn.config.app.state.server.engine.dispose()
            self._uvicorn = self._thread = None
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except proc.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None

    def kill(self) -> None:
        """SIGKILL the server process (subprocess servers only)."""
        if self._process is None:
            raise RuntimeError("kill() needs LiveServer.start(..., subprocess=True)")
        self._process.send_signal(signal.SIGKILL)
        self._process.wait()
        self._process = None

    def restart(self) -> None:
        """Stop, then serve the same database on the same port (the epoch is settled again)."""
        self.stop()
        self._serve()

    def close(self) -> None:
        self.stop()
        self.engine.dispose()

    # -- seeding through the server's own code -------------------------------
    def add_employee(
        self,
        nip: str,
        name: str,
        atasan_nip: str | None = None,
        roles: Iterable[str] = (),
        unit: str = "Sekretariat DPMPTSP",
        *,
        kind: str = "PNS",
        rank: str = "Penata (III/c)",
        position: str = "Analis Kebijakan",
    ) -> dict[str, Any]:
        """Add or update one employee as import-employees does; returns its record."""
        row = Row(
            line=2,
            nip=nip,
            name=name,
            kind=kind,
            rank=rank,
            position=position,
            unit=unit,
            atasan_nip=atasan_nip,
            roles=tuple(roles),
        )
        try:
            import_rows(self.engine, [row])
        except ImportRefused as refused:
            raise ValueError("; ".join(reason for _line, reason in refused.problems)) from None
        return self.record_of("employee", owner=nip)

    def set_password(self, nip: str, password: str = DEFAULT_PASSWORD) -> None:
        with db.writing(self.engine) as conn:
            accounts.set_password(conn, nip, password)

    def login(self, nip: str, password: str = DEFAULT_PASSWORD) -> str:
        answer = httpx.post(
            f"{self.base_url}/session", json={"nip": nip, "password": password}, timeout=30
        )
        answer.raise_for_status()
        return str(answer.json()["token"])

    def token_for(self, nip: str) -> str:
        """A fresh session token for ``nip`` straight from the database (no argon2: fast)."""
        with db.writing(self.engine) as conn:
            return accounts.open_session(conn, nip, timedelta(days=self.token_days), db.now()).token

    def account(
        self,
        nip: str,
        name: str,
        atasan_nip: str | None = None,
        roles: Iterable[str] = (),
        **kw: Any,
    ) -> str:
        """add_employee, set_password and login in one step; returns the token."""
        self.add_employee(nip, name, atasan_nip, roles, **kw)
        self.set_password(nip)
        return self.login(nip)

    def record_of(
        self, collection: str, *, owner: str | None = None, id: str | None = None
    ) -> dict[str, Any]:
        """The server's current version of one record (straight from the database)."""
        from server import recordstore

        with db.reading(self.engine) as conn:
            if id is not None:
                found = recordstore.get(conn, collection, id)
            else:
                found = next(
                    (r for r in recordstore.of_collection(conn, collection) if r["owner"] == owner),
                    None,
                )
        if found is None:
            raise KeyError((collection, owner, id))
        return found

    # -- talking to it ---------------------------------------------------------
    def client(self, token: str | None = None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.base_url, headers=headers, timeout=30)

    def epoch(self) -> str:
        return str(httpx.get(f"{self.base_url}/hello", timeout=10).json()["epoch"])

    def push(
        self,
        token: str,
        mutations: Sequence[dict[str, Any]],
        *,
        client_id: str = "test-client",
        epoch: str | None = None,
    ) -> list[dict[str, Any]]:
        """POST /push; returns the results (raises on a non-2xx answer)."""
        body = {
            "client_id": client_id,
            "epoch": epoch or self.epoch(),
            "mutations": list(mutations),
        }
        with self.client(token) as client:
            answer = client.post("/push", json=body)
        if answer.status_code != 200:
            raise AssertionError(f"push answered {answer.status_code}: {answer.text}")
        return list(answer.json()["results"])

    def pull_all(
        self, token: str, since: int = 0, limit: int = 1000
    ) -> tuple[list[dict[str, Any]], int]:
        """Every change above ``since`` the token's user may read, and the final cursor."""
        changes: list[dict[str, Any]] = []
        with self.client(token) as client:
            while True:
                page = client.get("/changes", params={"since": since, "limit": limit})
                page.raise_for_status()
                body = page.json()
                changes.extend(body["changes"])
                since = body["next"]
                if not body["more"]:
                    return changes, since


def mutation(
    collection: str,
    data: dict[str, Any],
    *,
    owner: str | None,
    id: str | None = None,
    op: str = "upsert",
    base_rev: int | None = None,
    resolves: Sequence[str] = (),
) -> dict[str, Any]:
    """A protocol mutation with a fresh mutation_id (and a fresh record id unless given)."""
    return {
        "mutation_id": str(uuid.uuid4()),
        "collection": collection,
        "id": id or str(uuid.uuid4()),
        "owner": owner,
        "op": op,
        "base_rev": base_rev,
        "data": data,
        "resolves": list(resolves),
    }
