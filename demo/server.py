"""The demo's central server: SQLite in the demo folder, served on loopback.

Set up the way an HR office would with ``kinerja-server``: ``init``, then
``import-employees`` of the office's CSV, then a password for each account;
then the sample people push their year's writes over the real protocol
(demo/sample.py), each with a session of their own, so the server's
permission rules and seq apply to every record (demo/seeding.py).
"""

from __future__ import annotations

import errno
import socket
import threading
import time
from pathlib import Path

from demo.office import PASSWORD, PEOPLE, employees_csv


class PortInUse(OSError):
    """The port asked for (or remembered for the folder) is taken by another program."""

    def __init__(self, port: int) -> None:
        super().__init__(errno.EADDRINUSE, f"port {port} is in use")
        self.port = port


def database_url(data: Path) -> str:
    return f"sqlite:///{data / 'server.db'}"


def create_database(data: Path) -> None:
    """``kinerja-server init`` in the demo folder."""
    from server import db

    engine = db.make_engine(database_url(data))
    try:
        db.init(engine)
    finally:
        engine.dispose()


def import_office(data: Path) -> int:
    """``kinerja-server import-employees`` of the office's CSV; returns how many people."""
    from server import db
    from server.importer import import_csv

    engine = db.make_engine(database_url(data))
    try:
        import_csv(engine, employees_csv())
    finally:
        engine.dispose()
    return len(PEOPLE)


def set_passwords(data: Path) -> None:
    """Give every sample account the demo's password.

    They all share one password, so one argon2 hash serves them all: hashing
    it once per account cost about half a second each, most of a first start.
    """
    from sqlalchemy import insert

    from server import accounts, db

    hashed = accounts.hash_password(PASSWORD)
    engine = db.make_engine(database_url(data))
    try:
        with db.writing(engine) as conn:
            moment = db.now()
            rows = [
                {"nip": person.nip, "password_hash": hashed, "updated_at": moment}
                for person in PEOPLE
            ]
            conn.execute(insert(db.accounts), rows)
    finally:
        engine.dispose()


def bind_port(port: int) -> socket.socket:
    """A socket bound to ``port`` on loopback (0: any free one), handed to the server,
    so that nobody takes the port between choosing and serving it."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # As uvicorn does: a port left in TIME_WAIT by the last run is free again.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(("127.0.0.1", port))
    except OSError as error:
        sock.close()
        if error.errno in (errno.EADDRINUSE, errno.EACCES):
            raise PortInUse(port) from None
        raise
    return sock


class DemoServer:
    """uvicorn serving ``server.app.create_app`` in a thread of this process."""

    def __init__(self, data: Path, sock: socket.socket, *, quiet: bool = True) -> None:
        """Serve ``data`` on ``sock``, a socket from ``bind_port`` (closed on ``stop``)."""
        import uvicorn

        from server.app import create_app

        self._socket = sock
        self.port = int(self._socket.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        app = create_app(database_url(data), home=data)
        config = uvicorn.Config(
            app,
            host="127.0.0.1",
            port=self.port,
            # Over the app's screen a log line would tear it: quiet unless asked.
            log_level="warning" if quiet else "info",
            access_log=not quiet,
            log_config=None if quiet else uvicorn.config.LOGGING_CONFIG,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, args=([self._socket],), name="demo-server", daemon=True
        )

    def start(self, timeout: float = 20.0) -> None:
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self._socket.close()
                raise RuntimeError(f"the demo server did not start on {self.url}")
            time.sleep(0.02)

    def stop(self) -> None:
        self._server.should_exit = True
        if self._thread.is_alive():
            self._thread.join(timeout=10)
        self._socket.close()

    def wait(self) -> None:
        """Until the server stops (Ctrl+C in the main thread stops it)."""
        while self._thread.is_alive():
            self._thread.join(timeout=0.5)
