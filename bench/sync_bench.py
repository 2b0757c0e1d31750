"""Sync benchmark: prints figures beside a baseline measured in the same run.

    python bench/sync_bench.py [--records 10000] [--big-store 50000]

1. The first sync of N records over loopback (time, peak RSS of the syncing
   process) beside the baseline: downloading and parsing the same pages with
   httpx and orjson alone. Target: at most 3x the baseline.
2. A round with nothing to do: time and requests. Target: 2 (hello, one page).
3. A round with 10 changes in a store of 1k records and in one of 50k.
   Target: within 1.5x of each other (cost follows the changes, not the store).

The server runs as its own process (tests/support/live_server.py), so neither
the sync nor the baseline shares an interpreter with it.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import orjson  # noqa: E402

from store import open_store  # noqa: E402
from sync.engine import SyncEngine  # noqa: E402
from sync.link import Link  # noqa: E402
from sync.local import put_meta  # noqa: E402
from sync.session import Session, save_session  # noqa: E402

if TYPE_CHECKING:
    from tests.support.live_server import LiveServer

# a fictional NIP as tests/support/live_server.make_nip(500) builds it; that module
# is imported only by the parent, so the measuring children don't carry the server
NIP = "198001012005011500"
PAGE = 1000


def training(n: int) -> dict[str, Any]:
    return {
        "title": f"Pelatihan teknis nomor {n}",
        "path": "classical",
        "jp": 20 + n % 10,
        "start": "2026-03-02",
        "end": "2026-03-04",
        "organiser": "BKD Provinsi Maluku Utara",
    }


def seed_server(server: LiveServer, token: str, count: int) -> None:
    for start in range(0, count, 500):
        batch = [
            {
                "mutation_id": str(uuid.uuid4()),
                "collection": "training",
                "id": str(uuid.uuid4()),
                "owner": NIP,
                "op": "upsert",
                "base_rev": None,
                "data": training(n),
                "resolves": [],
            }
            for n in range(start, min(count, start + 500))
        ]
        server.push(token, batch)


def profile(home: Path, server: LiveServer, token: str) -> Any:
    store = open_store(home)
    save_session(home, Session(token, None, NIP, None, ()))
    with store.transaction() as tx:
        put_meta(tx, "server_url", server.root_url)
        put_meta(tx, "nip", NIP)
    return store


def run_round(store: Any, server: LiveServer, token: str) -> tuple[float, Any, float]:
    """One round: wall time, its report, and the CPU time this (client) process spent."""
    engine = SyncEngine(store, Link(server.root_url, token), page_limit=PAGE)
    with engine.link:
        began, cpu_began = time.perf_counter(), time.process_time()
        report = engine.run_round()
        elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu_began
    assert report.error is None, report
    return elapsed, report, cpu


def baseline_download(root_url: str, token: str) -> tuple[float, int]:
    """httpx + orjson alone: every page of the same feed, parsed, nothing stored."""
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=root_url + "/api/v1", headers=headers) as client:
        began = time.perf_counter()
        records, since, more = 0, 0, True
        while more:
            answer = client.get("/changes", params={"since": since, "limit": PAGE})
            page = orjson.loads(answer.content)
            records += len(page["changes"])
            since, more = page["next"], page["more"]
        return time.perf_counter() - began, records


def child(home: Path, server: LiveServer, token: str, mode: str) -> dict[str, Any]:
    """Run one measurement in a fresh process, so its peak RSS is its own."""
    command = [sys.executable, __file__, mode, str(home), server.root_url, token]
    answer = subprocess.run(command, capture_output=True, text=True, check=True)
    found: dict[str, Any] = json.loads(answer.stdout)
    return found


def child_main(mode: str, home: str, url: str, token: str) -> None:
    if mode == "--child-first-sync":
        engine = SyncEngine(open_store(Path(home)), Link(url, token), page_limit=PAGE)
        began = time.perf_counter()
        report = engine.run_round()
        seconds, received, error = time.perf_counter() - began, report.received, report.error
    else:
        seconds, received = baseline_download(url, token)
        error = None
    print(
        json.dumps(
            {"seconds": seconds, "received": received, "error": error, "rss_kib": peak_rss_kib()}
        )
    )


def peak_rss_kib() -> int:
    """This process's peak RSS. VmHWM, not ru_maxrss: Linux carries ru_maxrss over
    from the parent through fork and exec, which would report the bench's own size."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def fill_store(store: Any, count: int, epoch: str, cursor: int) -> None:
    """A store that already holds ``count`` synced records (as after a long-ago first sync).

    Its bases are tagged with the epoch as their lifetime (sync/local.py), and
    its cursor has no mark, as a store brought forward from protocol 1: the
    server accepts that and the first round's page gives the mark.
    """
    with store.transaction() as tx:
        for n in range(count):
            record_id = str(uuid.uuid4())
            data = training(n)
            tx.put(
                "records",
                f"training/{record_id}",
                {
                    "collection": "training",
                    "id": record_id,
                    "rev": 1,
                    "seq": 1,
                    "deleted": False,
                    "owner": NIP,
                    "updated_by": NIP,
                    "updated_at": "2026-01-05T08:00:00+09:00",
                    "conflicts": [],
                    "data": data,
                    "base": {"rev": 1, "deleted": False, "data": data, "lifetime": epoch},
                    "pending": None,
                    "rejected": None,
                    "local_conflict": None,
                },
            )
        put_meta(tx, "epoch", epoch)
        put_meta(tx, "cursor", cursor)
        put_meta(tx, "client_id", str(uuid.uuid4()))


ROUNDS = 9


def synced_store(folder: Path, server: LiveServer, token: str, size: int) -> Any:
    store = profile(folder, server, token)
    fill_store(store, size, server.epoch(), server.pull_all(token)[1])
    return store


def ten_changes(store: Any, server: LiveServer, token: str) -> tuple[float, float, int]:
    for n in range(10):
        store.records.edit("training", str(uuid.uuid4()), training(n), owner=NIP, by=NIP)
    elapsed, report, cpu = run_round(store, server, token)
    assert report.applied == 10, report
    return elapsed, cpu, int(report.requests)


def ten_changes_rounds(
    stores: list[Any], server: LiveServer, token: str
) -> list[tuple[float, float, int]]:
    """Median (wall, client CPU) and requests per store, rounds alternating between stores
    so that the machine's load at any moment weighs on both alike."""
    runs: list[list[tuple[float, float, int]]] = [[] for _ in stores]
    for _ in range(ROUNDS):
        for store, found in zip(stores, runs, strict=True):
            found.append(ten_changes(store, server, token))
    return [
        (
            statistics.median(r[0] for r in found),
            statistics.median(r[1] for r in found),
            found[-1][2],
        )
        for found in runs
    ]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--small-store", type=int, default=1_000)
    parser.add_argument("--big-store", type=int, default=50_000)
    args = parser.parse_args()

    from tests.support.live_server import LiveServer

    with tempfile.TemporaryDirectory(prefix="kinerja-bench-") as scratch:
        folder = Path(scratch)
        server = LiveServer.start(folder / "server", subprocess=True)
        try:
            server.add_employee(NIP, "Bench Pegawai")
            server.set_password(NIP)
            token = server.login(NIP)
            seed_server(server, token, args.records)

            child(folder / "warm-up", server, token, "--child-baseline")  # the server's caches
            bases, firsts = [], []
            for attempt in range(3):  # alternating, best of three each: the machine is shared
                bases.append(child(folder / "warm-up", server, token, "--child-baseline"))
                home = folder / f"first-{attempt}"
                profile(home, server, token)
                firsts.append(child(home, server, token, "--child-first-sync"))
            base = min(bases, key=lambda r: r["seconds"])
            first = min(firsts, key=lambda r: r["seconds"])
            assert first["error"] is None and first["received"] == base["received"], (first, base)
            print(f"first sync of {first['received']} records over loopback (pages of {PAGE}):")
            print(
                f"  sync:     {first['seconds']:.2f} s, peak RSS {first['rss_kib'] / 1024:.0f} MiB"
            )
            print(
                f"  baseline: {base['seconds']:.2f} s, peak RSS {base['rss_kib'] / 1024:.0f} MiB "
                "(httpx GET + orjson.loads of the same pages, nothing stored)"
            )
            print(f"  ratio:    {first['seconds'] / base['seconds']:.2f}x (target <= 3x)")

            store = open_store(home)
            idle_seconds, idle, _cpu = run_round(store, server, token)
            print("round with nothing to do:")
            print(f"  {idle_seconds * 1000:.0f} ms, {idle.requests} requests (target: 2)")

            small, big = ten_changes_rounds(
                [
                    synced_store(folder / "small", server, token, args.small_store),
                    synced_store(folder / "big", server, token, args.big_store),
                ],
                server,
                token,
            )
            print(
                "round with 10 changes (median of 9, alternating stores; client CPU: this process alone, not the server):"
            )
            for size, (wall, cpu, requests) in ((args.small_store, small), (args.big_store, big)):
                print(
                    f"  store of {size:>6} records: {wall * 1000:.0f} ms, "
                    f"client CPU {cpu * 1000:.0f} ms, {requests} requests"
                )
            print(
                f"  ratio: {big[0] / small[0]:.2f}x wall, {big[1] / small[1]:.2f}x client CPU "
                "(target <= 1.5x)"
            )
        finally:
            server.close()
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1].startswith("--child-"):
        child_main(*sys.argv[1:5])
        sys.exit(0)
    sys.exit(main())
