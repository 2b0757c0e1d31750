"""Load on the central server: many clients pushing and pulling at once.

Usage: python bench/server_bench.py [--db sqlite|postgresql|both] [--clients 50]
       [--batches 20] [--per-batch 20]

Each client (a thread with its own httpx connection) pushes ``--batches``
batches of ``--per-batch`` new training records and pulls its feed after
every push. The server runs as a subprocess (``python -m server.cli serve``)
so the clients do not share its GIL. Printed per database:

- mutations per second over the whole run, p50 and p95 push latency;
- errors (any answer that is not 200, any result that is not ``applied``);
- lost changes: pushed records missing from the pushing client's own feed or
  from their PPK's full pull at the end (the admin is everyone's PPK here);
- the ceiling: the same rows (record, history, applied mutation) written
  straight through SQLAlchemy from one process, one transaction per batch,
  and our figure as a ratio of it.

PostgreSQL: ``KINERJA_TEST_PG`` if set, else a throwaway cluster
(tests/support/pg.py).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from server import accounts, db, recordstore  # noqa: E402
from server.importer import Row, import_rows  # noqa: E402
from tests.support import pg  # noqa: E402
from tests.support.live_server import make_nip  # noqa: E402

ADMIN_NIP = make_nip(999)


def training(n: int) -> dict[str, Any]:
    return {
        "title": f"Pelatihan {n}",
        "path": "non_classical",
        "jp": 2,
        "start": "2026-05-01",
        "end": "2026-05-01",
        "organiser": None,
        "certificate": None,
    }


def seed(db_url: str, clients: int) -> dict[str, str]:
    """Employees and admin, and a session for each; returns NIP -> token."""
    engine = db.make_engine(db_url)
    db.init(engine)
    rows = [Row(2, ADMIN_NIP, "Admin BKD", "PNS", "Penata", "Admin", "BKD", None, ("admin",))]
    # The admin is everyone's PPK: their feed (the sync scope) carries every pushed record.
    rows += [
        Row(2, make_nip(n + 1), f"Pegawai {n}", "PNS", "Penata", "Analis", "Bidang", ADMIN_NIP, ())
        for n in range(clients)
    ]
    import_rows(engine, rows)
    with db.writing(engine) as conn:
        tokens = {
            row.nip: accounts.open_session(conn, row.nip, timedelta(days=1), db.now()).token
            for row in rows
        }
    engine.dispose()
    return tokens


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db_url: str, home: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = dict(os.environ, KINERJA_SERVER_HOME=str(home))
    command = [sys.executable, "-m", "server.cli", "serve", "--db", db_url, "--port", str(port)]
    log = (home / "server.log").open("ab")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/api/v1"
    for _ in range(300):
        try:
            if httpx.get(f"{base}/hello", timeout=1).status_code == 200:
                return process, base
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit(f"the server did not start; see {home / 'server.log'}")


class Client(threading.Thread):
    def __init__(
        self, base: str, nip: str, token: str, epoch: str, batches: int, per_batch: int
    ) -> None:
        super().__init__(daemon=True)
        self.base, self.nip, self.token, self.epoch = base, nip, token, epoch
        self.batches, self.per_batch = batches, per_batch
        self.latencies: list[float] = []
        self.errors = 0
        self.pushed: set[str] = set()
        self.pulled: set[str] = set()

    def run(self) -> None:
        headers = {"Authorization": f"Bearer {self.token}"}
        cursor = 0
        with httpx.Client(base_url=self.base, headers=headers, timeout=120) as client:
            for batch in range(self.batches):
                mutations = [
                    {
                        "mutation_id": str(uuid.uuid4()),
                        "collection": "training",
                        "id": str(uuid.uuid4()),
                        "owner": self.nip,
                        "op": "upsert",
                        "base_rev": None,
                        "data": training(batch * self.per_batch + i),
                        "resolves": [],
                    }
                    for i in range(self.per_batch)
                ]
                body = {
                    "client_id": f"bench-{self.nip}",
                    "epoch": self.epoch,
                    "mutations": mutations,
                }
                started = time.perf_counter()
                try:
                    answer = client.post("/push", json=body)
                except httpx.HTTPError:
                    self.errors += 1
                    continue
                self.latencies.append(time.perf_counter() - started)
                if answer.status_code != 200:
                    self.errors += 1
                    continue
                results = answer.json()["results"]
                self.errors += sum(1 for r in results if r["status"] != "applied")
                self.pushed.update(m["id"] for m in mutations)
                cursor = self.pull(client, cursor)

    def pull(self, client: httpx.Client, cursor: int) -> int:
        while True:
            try:
                answer = client.get("/changes", params={"since": cursor, "limit": 1000})
            except httpx.HTTPError:
                self.errors += 1
                return cursor
            if answer.status_code != 200:
                self.errors += 1
                return cursor
            page = answer.json()
            self.pulled.update(c["id"] for c in page["changes"] if c["collection"] == "training")
            cursor = page["next"]
            if not page["more"]:
                return cursor


def full_feed(base: str, token: str) -> set[str]:
    found: set[str] = set()
    cursor = 0
    with httpx.Client(
        base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=120
    ) as client:
        while True:
            page = client.get("/changes", params={"since": cursor, "limit": 1000}).json()
            found.update(c["id"] for c in page["changes"] if c["collection"] == "training")
            cursor = page["next"]
            if not page["more"]:
                return found


def ceiling(db_url: str, clients: int, batches: int, per_batch: int) -> float:
    """Mutations per second writing the same rows straight through SQLAlchemy."""
    engine = db.make_engine(db_url)
    db.init(engine)
    author = recordstore.Author(by=make_nip(1), client_id="ceiling")
    started = time.perf_counter()
    for batch in range(clients * batches):
        with db.writing(engine) as conn:
            writer = recordstore.Writer(conn, author)
            remembered = []
            for i in range(per_batch):
                record = {
                    "collection": "training",
                    "id": str(uuid.uuid4()),
                    "rev": 1,
                    "deleted": False,
                    "owner": make_nip(1),
                    "created_by": make_nip(1),
                    "created_at": db.now().isoformat(),
                    "updated_by": make_nip(1),
                    "updated_at": db.now().isoformat(),
                    "conflicts": [],
                    "data": training(batch * per_batch + i),
                }
                mutation_id = str(uuid.uuid4())
                stored = writer.save(
                    record,
                    existed=False,
                    change=recordstore.change_of(None, record),
                    mutation_id=mutation_id,
                    status="applied",
                    op="upsert",
                )
                result = {
                    "status": "applied",
                    "rev": 1,
                    "seq": stored["seq"],
                    "collection": "training",
                    "id": record["id"],
                }
                remembered.append(
                    {
                        "nip": make_nip(1),
                        "mutation_id": mutation_id,
                        "collection": "training",
                        "record_id": record["id"],
                        "result": result,
                    }
                )
            writer.finish()
            conn.execute(db.mutation_results.insert(), remembered)
    elapsed = time.perf_counter() - started
    engine.dispose()
    return clients * batches * per_batch / elapsed


def run(kind: str, db_url: str, ceiling_url: str, home: Path, args: argparse.Namespace) -> None:
    tokens = seed(db_url, args.clients)
    process, base = start_server(db_url, home)
    try:
        epoch = httpx.get(f"{base}/hello").json()["epoch"]
        clients = [
            Client(base, nip, token, epoch, args.batches, args.per_batch)
            for nip, token in tokens.items()
            if nip != ADMIN_NIP
        ]
        started = time.perf_counter()
        for client in clients:
            client.start()
        for client in clients:
            client.join()
        elapsed = time.perf_counter() - started
        feed = full_feed(base, tokens[ADMIN_NIP])
    finally:
        process.terminate()
        process.wait(timeout=30)
    pushed = set().union(*(c.pushed for c in clients))
    lost = len(pushed - feed) + sum(len(c.pushed - c.pulled) for c in clients)
    latencies = sorted(x for c in clients for x in c.latencies)
    total = args.clients * args.batches * args.per_batch
    ours = len(pushed) / elapsed
    best = ceiling(ceiling_url, args.clients, args.batches, args.per_batch)
    print(
        f"== {kind}: {args.clients} clients x {args.batches} batches x {args.per_batch} mutations ({total})"
    )
    print(f"   throughput      {ours:8.0f} mutations/s  ({elapsed:.1f} s, pushes and pulls)")
    print(
        f"   push latency    p50 {statistics.median(latencies) * 1000:6.0f} ms   p95 {latencies[int(len(latencies) * 0.95) - 1] * 1000:6.0f} ms"
    )
    print(f"   errors          {sum(c.errors for c in clients)}")
    print(f"   lost changes    {lost}")
    print(
        f"   ceiling         {best:8.0f} mutations/s  (same rows, one process, one transaction a batch)"
    )
    print(f"   ratio           {ours / best:8.2f} of the ceiling")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--batches", type=int, default=20)
    parser.add_argument("--per-batch", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kinerja-bench-") as folder:
        home = Path(folder)
        if args.db in ("sqlite", "both"):
            run(
                "SQLite",
                f"sqlite:///{home / 'bench.sqlite3'}",
                f"sqlite:///{home / 'ceiling.sqlite3'}",
                home,
                args,
            )
        if args.db in ("postgresql", "both"):
            server = pg.Server()
            try:
                run("PostgreSQL", server.new_database(), server.new_database(), home, args)
            finally:
                server.close()


if __name__ == "__main__":
    main()
