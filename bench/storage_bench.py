"""Storage against what is accepted: 1,000 stale pushes to one 1 KB record.

Usage: python bench/storage_bench.py [--db sqlite|postgresql|both] [--pushes 1000]
       [--per-batch 50]

One staff member edits a 1 KB training record, then pushes ``--pushes``
stale edits of it (base_rev behind, each with other data) in batches of
``--per-batch``: every one is kept as a conflict. Before protocol 2 the
record kept every conflict and each history row the whole record, so
300 such pushes (0.3 MB) grew a SQLite database by 173 MB and each batch
was slower than the one before (issue 9). Printed per database, beside
their targets:

- bytes stored per byte accepted: the database's growth (SQLite: the file
  after a checkpoint of its WAL; PostgreSQL: pg_database_size) over the
  bytes of the mutations the server took (their JSON): at most 5x;
- the last batch's time against the first's: within 1.5x (and the mean of
  the last three against the first three, steadier on a busy machine).

The server runs as ``python -m server.cli serve`` in a subprocess.
PostgreSQL: ``KINERJA_TEST_PG`` if set, else a throwaway cluster.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
import uuid
from contextlib import closing
from pathlib import Path
from typing import Any

import httpx
import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.server_bench import seed, start_server  # noqa: E402
from tests.support import pg  # noqa: E402
from tests.support.live_server import make_nip  # noqa: E402

STAFF = make_nip(1)
RECORD_BYTES = 1024
TARGET_RATIO = 5.0
TARGET_SLOWDOWN = 1.5


def training(n: int) -> dict[str, Any]:
    """Training data of about 1 KB as JSON, different for each ``n``."""
    data = {
        "title": f"Pelatihan {n:05d} ",
        "path": "classical",
        "jp": 20,
        "start": "2026-03-01",
        "end": "2026-03-03",
        "organiser": "BPSDM Maluku Utara",
        "certificate": None,
    }
    filler = RECORD_BYTES - len(json.dumps(data))
    data["title"] += "".join(chr(ord("a") + (n * 7 + i) % 26) for i in range(filler))
    return data


def stored_bytes(db_url: str) -> int:
    if db_url.startswith("sqlite:///"):
        path = Path(db_url.removeprefix("sqlite:///"))
        with closing(sqlite3.connect(path)) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return path.stat().st_size
    with psycopg.connect(db_url) as conn:
        row = conn.execute("SELECT pg_database_size(current_database())").fetchone()
    assert row is not None
    return int(row[0])


def push(
    client: httpx.Client, epoch: str, mutations: list[dict[str, Any]]
) -> tuple[float, list[dict[str, Any]]]:
    body = {"client_id": "bench-laptop", "epoch": epoch, "mutations": mutations}
    started = time.perf_counter()
    answer = client.post("/push", json=body)
    elapsed = time.perf_counter() - started
    answer.raise_for_status()
    return elapsed, answer.json()["results"]


def mutation(record_id: str, n: int, base_rev: int | None) -> dict[str, Any]:
    return {
        "mutation_id": str(uuid.uuid4()),
        "collection": "training",
        "id": record_id,
        "owner": STAFF,
        "op": "upsert",
        "base_rev": base_rev,
        "data": training(n),
        "resolves": [],
    }


def run(kind: str, db_url: str, home: Path, args: argparse.Namespace) -> None:
    tokens = seed(db_url, 1)
    process, base = start_server(db_url, home)
    record_id = str(uuid.uuid4())
    times: list[float] = []
    accepted = 0
    try:
        epoch = httpx.get(f"{base}/hello").json()["epoch"]
        headers = {"Authorization": f"Bearer {tokens[STAFF]}"}
        with httpx.Client(base_url=base, headers=headers, timeout=300) as client:
            push(client, epoch, [mutation(record_id, 0, None)])
            push(client, epoch, [mutation(record_id, 1, 1)])  # rev 2: every base_rev 1 is stale
            before = stored_bytes(db_url)
            for start in range(0, args.pushes, args.per_batch):
                batch = [
                    mutation(record_id, 2 + n, 1) for n in range(start, start + args.per_batch)
                ]
                elapsed, results = push(client, epoch, batch)
                times.append(elapsed)
                kept = [m for m, r in zip(batch, results, strict=True) if r["status"] == "conflict"]
                assert len(kept) == len(batch), results[0]
                accepted += sum(len(json.dumps(m, separators=(",", ":"))) for m in kept)
    finally:
        process.terminate()
        process.wait(timeout=30)
    grown = stored_bytes(db_url) - before
    ratio = grown / accepted
    first, last = times[0], times[-1]
    head, tail = sum(times[:3]) / 3, sum(times[-3:]) / 3
    print(
        f"== {kind}: {args.pushes} stale pushes to one 1 KB record ({len(times)} batches of {args.per_batch})"
    )
    print(f"   accepted          {accepted:12,d} bytes (the mutations kept as conflicts)")
    print(f"   stored            {grown:12,d} bytes (the database's growth)")
    print(
        f"   stored/accepted   {ratio:12.2f}x   target at most {TARGET_RATIO:.0f}x   {'ok' if ratio <= TARGET_RATIO else 'MISSED'}"
    )
    slow = last / first
    print(
        f"   last/first batch  {slow:12.2f}x   target within {TARGET_SLOWDOWN}x   {'ok' if slow <= TARGET_SLOWDOWN else 'MISSED'}"
        f"   ({first * 1000:.0f} ms, {last * 1000:.0f} ms)"
    )
    print(
        f"   last 3/first 3    {tail / head:12.2f}x   ({head * 1000:.0f} ms, {tail * 1000:.0f} ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--pushes", type=int, default=1000)
    parser.add_argument("--per-batch", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kinerja-storage-") as folder:
        home = Path(folder)
        if args.db in ("sqlite", "both"):
            run("SQLite", f"sqlite:///{home / 'bench.sqlite3'}", home, args)
        if args.db in ("postgresql", "both"):
            server = pg.Server()
            try:
                run("PostgreSQL", server.new_database(), home, args)
            finally:
                server.close()


if __name__ == "__main__":
    main()
