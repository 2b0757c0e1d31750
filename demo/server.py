"""The demo's central server: SQLite in the demo folder, served on loopback.

Set up the way an HR office would with ``kinerja-server``: ``init``, then
``import-employees`` of the office's CSV, then ``set-password`` for each
account; then the sample people push their year's writes over the real
protocol (demo/sample.py), each signed in as themselves, so the
server's permission rules and seq apply to every record.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from demo.office import PASSWORD, PEOPLE, employees_csv
from demo.sample import Write, sample_writes

SEEDED_MARK = "seeded"  # a file in the demo folder once the sample year is in


def database_url(data: Path) -> str:
    return f"sqlite:///{data / 'server.db'}"


def prepare_database(data: Path) -> str:
    """Create the schema, import the office and set passwords; returns the db URL."""
    from server import accounts, db
    from server.importer import import_csv

    data.mkdir(parents=True, exist_ok=True)
    discard_unfinished(data)
    url = database_url(data)
    engine = db.make_engine(url)
    try:
        db.init(engine)
        import_csv(engine, employees_csv())
        with db.writing(engine) as conn:
            for person in PEOPLE:
                accounts.set_password(conn, person.nip, PASSWORD)
    finally:
        engine.dispose()
    return url


def discard_unfinished(data: Path) -> None:
    """Remove what an interrupted first start left, so seeding starts clean.

    Seeding pushes the sample year as new records; over a half-seeded
    database every push would meet its own earlier copy as a conflict.
    Only the demo's own files are touched, whatever else ``--data`` holds.
    """
    import shutil

    for leftover in data.glob("server.db*"):
        leftover.unlink()
    shutil.rmtree(data / "profiles", ignore_errors=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class DemoServer:
    """uvicorn serving ``server.app.create_app`` in a thread of this process."""

    def __init__(self, data: Path, port: int = 0, *, quiet: bool = True) -> None:
        import uvicorn

        from server.app import create_app

        self.port = port or free_port()
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
        self._thread = threading.Thread(target=self._server.run, name="demo-server", daemon=True)

    def start(self, timeout: float = 20.0) -> None:
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the demo server did not start on {self.url}")
            time.sleep(0.05)

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)

    def wait(self) -> None:
        """Until the server stops (Ctrl+C in the main thread stops it)."""
        while self._thread.is_alive():
            self._thread.join(timeout=0.5)


class SeedRefused(RuntimeError):
    pass


def sign_in_all(url: str, nips: Iterable[str]) -> dict[str, str]:
    """A token for each author, each signed in over the server's own sign-in
    (``POST /session`` with the demo password), as a person's client would."""
    from sync.link import Link

    tokens: dict[str, str] = {}
    for nip in sorted(set(nips)):
        with Link(url) as link:
            tokens[nip] = str(link.open_session(nip, PASSWORD)["token"])
    return tokens


def _batches(writes: Iterable[Write]) -> list[list[Write]]:
    """Runs of one author's writes, each record at most once in a run."""
    batches: list[list[Write]] = []
    for write in writes:
        last = batches[-1] if batches else None
        if (
            last is not None
            and last[0].by == write.by
            and all((w.collection, w.id) != (write.collection, write.id) for w in last)
        ):
            last.append(write)
        else:
            batches.append([write])
    return batches


def seed(url: str, tokens: dict[str, str], writes: Iterable[Write] | None = None) -> int:
    """Push the sample writes over the protocol, each as its author; returns how many."""
    import uuid

    import orjson

    from sync.link import Link

    revs: dict[tuple[str, str], int] = {}
    applied = 0
    for batch in _batches(sample_writes() if writes is None else writes):
        with Link(url, tokens[batch[0].by]) as link:
            mutations: list[dict[str, Any]] = [
                {
                    "mutation_id": str(uuid.uuid4()),
                    "collection": w.collection,
                    "id": w.id,
                    "owner": w.owner,
                    "op": "upsert",
                    "base_rev": revs.get((w.collection, w.id)),
                    "data": w.data,
                    "resolves": [],
                }
                for w in batch
            ]
            body = {
                "client_id": "kinerja-demo-seed",
                "epoch": link.hello()["epoch"],
                "mutations": mutations,
            }
            results: list[dict[str, Any]] = link.push(orjson.dumps(body))["results"]
        for write, result in zip(batch, results, strict=True):
            if result["status"] != "applied":
                raise SeedRefused(f"{write.by} {write.collection}/{write.id}: {result}")
            revs[(write.collection, write.id)] = int(result["rev"])
            applied += 1
    return applied
