"""How long one durable save takes as the store grows, beside TinyDB's default storage.

    python -m bench.store_bench [--samples N]

One save is what the app does for a person's edit: ``store.records.edit`` of
an existing record, which writes the record and its outbox mutation in one
durable transaction. The same-run baseline is TinyDB's default JSONStorage
(no caching middleware) updating one document of a table that many records
big: it reads and rewrites the whole JSON file, with an fsync, per write. The
baseline does one write per save (the record only), which favours it: doing
the app's two writes would double its time.

Targets (the issue): at 10k records ours costs at most 1/5 of TinyDB's; at
50k, at most 3x our own 1k figure. Medians, as the occasional compaction of
our store is a rare, amortised cost; the table shows how many saves each
median was taken over.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB

from store import open_store

SIZES = (1_000, 10_000, 50_000)
OWNER = "199001012020121001"
# TinyDB rewrites the whole file per save, so its big stores get fewer samples.
TINYDB_SAMPLES = {1_000: 40, 10_000: 15, 50_000: 5}


def record(n: int) -> dict[str, Any]:
    """A realisasi record of the size the app saves (about 700 bytes of JSON)."""
    return {
        "collection": "progress",
        "id": f"00000000-0000-4000-8000-{n:012d}",
        "rev": 2,
        "seq": 1000 + n,
        "deleted": False,
        "owner": OWNER,
        "updated_by": OWNER,
        "updated_at": "2026-11-27T09:15:00+09:00",
        "conflicts": [],
        "data": progress_data(n, 0),
        "base": {"rev": 2, "deleted": False, "data": progress_data(n, 0)},
        "pending": None,
        "rejected": None,
        "local_conflict": None,
    }


def progress_data(n: int, version: int) -> dict[str, Any]:
    return {
        "plan_item_id": f"10000000-0000-4000-8000-{n % 500:012d}",
        "period_id": "20000000-0000-4000-8000-000000000011",
        "values": [n % 120, version],
        "note": f"Berkas permohonan diselesaikan tepat waktu, revisi {version}",
        "evidence": [{"label": "Laporan bulanan", "url": f"https://arsip.example/{n}"}],
    }


def median_ms(timings: list[float]) -> float:
    return statistics.median(timings) * 1000


def time_save(save: Callable[[int], None], sample: int, size: int) -> float:
    n = (sample * 7919) % size  # spread over the store, each record once
    start = time.perf_counter()
    save(n)
    return time.perf_counter() - start


def our_store(folder: Path, size: int) -> tuple[Callable[[int], None], float]:
    """A store of ``size`` records and its save; also how long opening it took (ms)."""
    db = open_store(folder)
    with db.transaction() as tx:  # bulk load: one commit, then one compaction
        for n in range(size):
            item = record(n)
            tx.put("records", f"progress/{item['id']}", item)
    start = time.perf_counter()
    db = open_store(folder)
    open_ms = (time.perf_counter() - start) * 1000

    def save(n: int) -> None:
        db.records.edit("progress", record(n)["id"], progress_data(n, 1), by=OWNER)

    return save, open_ms


def ours(folders: dict[int, Path], samples: int) -> dict[int, tuple[float, float]]:
    """(median save ms, open ms) per size.

    The saves go round-robin over the sizes, so that the shared disk's
    fsync latency, which drifts by 10x on a busy machine, weighs on every
    size alike and the 50k/1k ratio compares stores, not moments.
    """
    stores = {size: our_store(folder, size) for size, folder in folders.items()}
    timings: dict[int, list[float]] = {size: [] for size in folders}
    for sample in range(samples):
        for size, (save, _) in stores.items():
            timings[size].append(time_save(save, sample, size))
    return {size: (median_ms(timings[size]), stores[size][1]) for size in folders}


def tinydb(folder: Path, size: int, samples: int) -> float:
    path = folder / "tinydb.json"
    table = {str(n + 1): record(n) for n in range(size)}
    path.write_text(json.dumps({"records": table}))
    db = TinyDB(path)  # the default: JSONStorage, read and rewritten per operation
    records = db.table("records")

    def save(n: int) -> None:
        updated = record(n)
        updated["data"] = progress_data(n, 1)
        records.update(updated, doc_ids=[n + 1])

    try:
        return median_ms([time_save(save, sample, size) for sample in range(samples)])
    finally:
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=300, help="saves timed into our store")
    args = parser.parse_args()

    with contextlib.ExitStack() as folders:
        ours_dirs = {
            size: Path(folders.enter_context(tempfile.TemporaryDirectory())) for size in SIZES
        }
        our_figures = ours(ours_dirs, args.samples)
        snapshot_sizes = {
            size: (ours_dirs[size] / "store.json").stat().st_size / 1e6 for size in SIZES
        }
    rows = []
    for size in SIZES:
        with tempfile.TemporaryDirectory() as tdb_dir:
            their_ms = tinydb(Path(tdb_dir), size, TINYDB_SAMPLES[size])
        our_ms, open_ms = our_figures[size]
        rows.append((size, our_ms, their_ms, open_ms, snapshot_sizes[size]))

    print(f"One durable save (record + outbox mutation), median ms; orjson {orjson.__version__}")
    print(
        f"{'records':>8} {'ours':>9} {'n':>4} {'TinyDB':>9} {'n':>4} {'ours/TinyDB':>12}"
        f" {'open ms':>8} {'snapshot MB':>12}"
    )
    for size, our_ms, their_ms, open_ms, snapshot_mb in rows:
        print(
            f"{size:>8} {our_ms:>9.3f} {args.samples:>4} {their_ms:>9.2f}"
            f" {TINYDB_SAMPLES[size]:>4} {our_ms / their_ms:>12.4f} {open_ms:>8.0f}"
            f" {snapshot_mb:>12.1f}"
        )
    figures = {size: (our_ms, their_ms) for size, our_ms, their_ms, *_ in rows}
    ratio_10k = figures[10_000][0] / figures[10_000][1]
    growth = figures[50_000][0] / figures[1_000][0]
    print()
    print(
        f"target 10k: ours <= 1/5 of TinyDB: {ratio_10k:.4f} <= 0.2 -> {_verdict(ratio_10k <= 0.2)}"
    )
    print(f"target 50k: ours <= 3x ours at 1k: {growth:.2f}x <= 3 -> {_verdict(growth <= 3)}")


def _verdict(met: bool) -> str:
    return "met" if met else "NOT met"


if __name__ == "__main__":
    main()
