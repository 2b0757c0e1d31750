"""The January rush: a province's server under idle rounds, pushes and a full pull.

Usage: python bench/rush_bench.py [--quick] [--employees 10000] [--seconds 8]

On province data (bench/province.py: 10,000 people, ~300,000 records),
loaded straight into SQLite and PostgreSQL (bench/rush_data.py), with the
server as a subprocess (``kinerja-server serve``) and the clients as
asyncio tasks in this process, each with its own connection:

- idle rounds (hello and an empty pull, the round of a client with nothing
  to send) at 50, 100 and 200 clients, closed loop for ``--seconds``, on
  SQLite, PostgreSQL and an anchor: a minimal FastAPI app answering the same
  two requests from memory, in the same run; rounds/s and p95, and ours as
  a ratio of the anchor's;
- 50 clients pushing batches of new training records, 1 and 2 workers on
  PostgreSQL: mutations/s, p95, errors and lost changes, the ratio of the
  two, and the ratio to direct SQL writes of the same rows
  (bench/server_bench.py's ceiling);
- a full pull of the HR admin's feed against a direct SQL read of the same rows;
- ``kinerja-server backup`` of each database: seconds and megabytes.

Targets are printed beside the figures. ``--quick``: 1,000 people, 20 and
40 clients, 3 s runs (a smoke test, not a measurement).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.province import Province, generate  # noqa: E402
from bench.rush_data import load, mark_of, sessions  # noqa: E402
from bench.server_bench import ceiling, free_port, training  # noqa: E402
from tests.support import pg  # noqa: E402

TARGETS = {
    "idle": "rounds/s >= 0.7x the anchor's; p95 at 50 clients < 0.4 s",
    "push": "2 workers >= 1.6x the mutations/s of 1; 0 errors, 0 lost",
    "pull": "full pull of the HR admin within 3x a direct SQL read",
}
PER_BATCH = 5


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * 0.95) - 1)] if ordered else float("nan")


# -- the anchor: the same two answers from memory ---------------------------------
def anchor_app() -> Any:
    from fastapi import FastAPI, Header

    epoch = uuid.uuid4().hex
    app = FastAPI()

    @app.get("/api/v1/hello")
    async def hello() -> dict[str, Any]:
        return {"protocol": 2, "epoch": epoch, "server_time": time.strftime("%Y-%m-%dT%H:%M:%SZ")}

    @app.get("/api/v1/changes")
    async def changes(
        since: int = 0, mark: str = "", authorization: str = Header("")
    ) -> dict[str, Any]:
        return {"epoch": epoch, "changes": [], "next": since, "more": False, "mark": mark}

    return app


# -- servers ----------------------------------------------------------------------
class Served:
    def __init__(self, command: list[str], home: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/api/v1"
        env = dict(os.environ, KINERJA_SERVER_HOME=str(home))
        log = (home / "server.log").open("ab")
        self.process = subprocess.Popen(
            [*command, "--port", str(self.port)], cwd=ROOT, env=env, stdout=log, stderr=log
        )
        for _ in range(600):
            try:
                if httpx.get(f"{self.base}/hello", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        self.stop()
        raise SystemExit(f"the server did not start; see {home / 'server.log'}")

    @classmethod
    def ours(cls, db_url: str, home: Path, workers: int = 1) -> Served:
        command = [sys.executable, "-m", "server.cli", "serve", "--db", db_url]
        return cls([*command, "--workers", str(workers)], home)

    @classmethod
    def anchor(cls, home: Path) -> Served:
        command = [sys.executable, "-m", "uvicorn", "--factory", "bench.rush_bench:anchor_app"]
        return cls([*command, "--log-level", "warning", "--no-access-log"], home)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


# -- idle rounds --------------------------------------------------------------------
async def _idle_client(
    base: str,
    token: str,
    since: int,
    mark: str,
    until: float,
    times: list[float],
    errors: list[int],
) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=60) as client:
        while time.perf_counter() < until:
            started = time.perf_counter()
            hello = await client.get("/hello")
            page = await client.get("/changes", params={"since": since, "mark": mark})
            if hello.status_code != 200 or page.status_code != 200:
                errors.append(1)
                continue
            body = page.json()
            since, mark = body["next"], body["mark"]
            times.append(time.perf_counter() - started)


def idle(
    base: str, tokens: list[str], top: int, mark: str, seconds: float
) -> tuple[float, float, int]:
    times: list[float] = []
    errors: list[int] = []

    async def all_clients() -> None:
        until = time.perf_counter() + seconds
        await asyncio.gather(
            *(_idle_client(base, t, top, mark, until, times, errors) for t in tokens)
        )

    started = time.perf_counter()
    asyncio.run(all_clients())
    return len(times) / (time.perf_counter() - started), p95(times), len(errors)


# -- pushes -------------------------------------------------------------------------
async def _pusher(
    base: str,
    nip: str,
    token: str,
    until: float,
    times: list[float],
    pushed: dict[str, str],
    errors: list[int],
) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=120) as client:
        epoch = (await client.get("/hello")).json()["epoch"]
        n = 0
        while time.perf_counter() < until:
            batch = []
            for _ in range(PER_BATCH):
                n += 1
                batch.append({
                    "mutation_id": str(uuid.uuid4()), "collection": "training",
                    "id": str(uuid.uuid4()), "owner": nip, "op": "upsert", "base_rev": None,
                    "data": training(n), "resolves": [],
                })  # fmt: skip
            started = time.perf_counter()
            answer = await client.post(
                "/push", json={"client_id": f"rush-{nip}", "epoch": epoch, "mutations": batch}
            )
            times.append(time.perf_counter() - started)
            if answer.status_code != 200:
                errors.append(1)
                continue
            for result in answer.json()["results"]:
                if result["status"] != "applied":
                    errors.append(1)
            pushed.update({m["id"]: nip for m in batch})


def push(
    base: str, tokens: dict[str, str], seconds: float
) -> tuple[float, float, int, dict[str, str]]:
    times: list[float] = []
    errors: list[int] = []
    pushed: dict[str, str] = {}

    async def all_clients() -> None:
        until = time.perf_counter() + seconds
        await asyncio.gather(
            *(_pusher(base, nip, t, until, times, pushed, errors) for nip, t in tokens.items())
        )

    started = time.perf_counter()
    asyncio.run(all_clients())
    return len(pushed) / (time.perf_counter() - started), p95(times), len(errors), pushed


def full_pull(base: str, token: str) -> tuple[float, set[str]]:
    seen: set[str] = set()
    since = 0
    started = time.perf_counter()
    with httpx.Client(
        base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=300
    ) as client:
        while True:
            page = client.get("/changes", params={"since": since, "limit": 1000})
            page.raise_for_status()
            body = page.json()
            seen.update(change["id"] for change in body["changes"])
            since = body["next"]
            if not body["more"]:
                return time.perf_counter() - started, seen


_ROWS = (
    "SELECT collection, id, rev, seq, deleted, owner, created_by, created_at, updated_by,"
    " updated_at, conflicts, data FROM records WHERE owner IS NULL OR owner = {admin}"
    " OR collection IN ('employee', 'unit', 'period', 'acting') ORDER BY seq"
)


def sql_read(db_url: str, admin: str) -> tuple[float, int]:
    """The admin's feed rows with their JSON decoded, straight from the database: the floor."""
    started = time.perf_counter()
    if db_url.startswith("sqlite"):
        conn = sqlite3.connect(db_url.removeprefix("sqlite:///"))
        query = _ROWS.format(admin="?")
        rows = [
            (*r[:-2], json.loads(r[-2]), json.loads(r[-1])) for r in conn.execute(query, (admin,))
        ]
        conn.close()
    else:
        with psycopg.connect(db_url) as pg_conn:
            rows = pg_conn.execute(_ROWS.format(admin="%s"), (admin,)).fetchall()
    return time.perf_counter() - started, len(rows)


def stored(db_url: str, ids: list[str]) -> int:
    """How many of these training records the database holds."""
    with psycopg.connect(db_url) as conn:
        query = "SELECT count(*) FROM records WHERE collection = 'training' AND id = ANY(%s)"
        return int(conn.execute(query, (ids,)).fetchone()[0])  # type: ignore[index]


def backup_figures(db_url: str, home: Path) -> tuple[float, float]:
    target = home / f"rush-{uuid.uuid4().hex[:6]}.backup"
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "server.cli", "backup", "--db", db_url, str(target)],
        cwd=ROOT, check=True, capture_output=True, env=dict(os.environ, KINERJA_SERVER_HOME=str(home)),
    )  # fmt: skip
    seconds = time.perf_counter() - started
    size = target.stat().st_size / 1e6
    target.unlink()
    return seconds, size


# -- the run --------------------------------------------------------------------------
def _clients(province: Province, count: int) -> list[str]:
    people = [p.nip for p in province.people if p.nip != province.admin]
    step = max(1, len(people) // count)
    return people[::step][:count]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--employees", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=8.0)
    args = parser.parse_args()
    employees = 1_000 if args.quick else args.employees
    counts = (20, 40) if args.quick else (50, 100, 200)
    seconds = 3.0 if args.quick else args.seconds
    province = generate(employees=employees, units=8 if args.quick else 40)
    print(f"province: {len(province.people)} people, {len(province.records)} records")
    cluster = pg.Server()
    with tempfile.TemporaryDirectory(prefix="kinerja-rush-") as folder:
        home = Path(folder)
        urls = {
            "SQLite": f"sqlite:///{home / 'rush.sqlite3'}",
            "PostgreSQL": cluster.new_database(),
        }
        try:
            _run(province, urls, home, counts, seconds, cluster)
        finally:
            cluster.close()


def _run(
    province: Province,
    urls: dict[str, str],
    home: Path,
    counts: tuple[int, ...],
    seconds: float,
    cluster: pg.Server,
) -> None:
    most = max(counts)
    nips = _clients(province, most)
    for kind, url in urls.items():
        started = time.perf_counter()
        top = load(url, province)
        print(f"loaded into {kind} in {time.perf_counter() - started:.1f} s")
    tokens = {kind: sessions(url, [*nips, province.admin]) for kind, url in urls.items()}
    marks = {kind: mark_of(url, top) for kind, url in urls.items()}

    print(f"\n== idle rounds ({seconds:.0f} s closed loop each)   target: {TARGETS['idle']}")
    print(f"{'clients':>8} {'anchor':>22} " + " ".join(f"{k:>34}" for k in urls))
    for count in counts:
        anchor = Served.anchor(home)
        try:
            a_rate, a_p95, _e = idle(anchor.base, ["x"] * count, top, "", seconds)
        finally:
            anchor.stop()
        cells = []
        for kind, url in urls.items():
            served = Served.ours(url, home)
            try:
                rate, p, errors = idle(
                    served.base, [tokens[kind][n] for n in nips[:count]], top, marks[kind], seconds
                )
            finally:
                served.stop()
            cells.append(f"{rate:6.0f}/s p95 {p:5.2f} s {rate / a_rate:4.2f}x err {errors}")
        print(
            f"{count:>8} {a_rate:8.0f}/s p95 {a_p95:5.2f} s " + " ".join(f"{c:>34}" for c in cells)
        )

    pushers = dict(list({n: tokens["PostgreSQL"][n] for n in nips}.items())[:50])
    print(
        f"\n== 50 clients pushing batches of {PER_BATCH} on PostgreSQL ({seconds:.0f} s)   target: {TARGETS['push']}"
    )
    rates = {}
    for workers in (1, 2):
        served = Served.ours(urls["PostgreSQL"], home, workers)
        try:
            rate, p, errors, pushed = push(served.base, pushers, seconds)
        finally:
            served.stop()
        lost = len(pushed) - stored(urls["PostgreSQL"], list(pushed))
        rates[workers] = rate
        print(
            f"   {workers} worker(s): {rate:7.0f} mutations/s  p95 {p:5.2f} s  errors {errors}  lost {lost}"
        )
    best = ceiling(cluster.new_database(), 10, 20, PER_BATCH)
    print(
        f"   2 workers / 1: {rates[2] / rates[1]:.2f}x   direct SQL writes: {best:.0f} mutations/s, ours {rates[1] / best:.2f}x / {rates[2] / best:.2f}x of it"
    )

    print(f"\n== full pull of the HR admin   target: {TARGETS['pull']}")
    for kind, url in urls.items():
        served = Served.ours(url, home)
        try:
            took, seen = full_pull(served.base, tokens[kind][province.admin])
        finally:
            served.stop()
        floor, rows = sql_read(url)
        print(
            f"   {kind:<10} API {took:6.1f} s for {len(seen)} records; SQL {floor:5.1f} s for {rows} rows; {took / floor:5.1f}x"
        )

    print("\n== kinerja-server backup")
    for kind, url in urls.items():
        took, size = backup_figures(url, home)
        print(f"   {kind:<10} {took:6.1f} s  {size:7.1f} MB")


if __name__ == "__main__":
    main()
