"""How long realisasi from a service log of 50,000 requests takes, beside reading it.

    python -m bench.servicelog_bench [--requests N] [--runs N]

Ours: the whole path a person waits for after choosing a file: the preview
(guessing delimiter, columns and date formats), reading and checking every
row, the working days of each request on Sofifi's calendar, the median and
90th percentile, and the proposed values. The same-run baseline is Python's
csv module merely reading the same file into rows. Target (issue 14): under
2 s for 50,000 requests on this machine. Best of ``--runs``.
"""

from __future__ import annotations

import argparse
import csv
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from bench.servicelog_data import write_log
from client.servicelog.log import preview
from client.servicelog.realisasi import realisasi_from_log

INDICATORS = [
    {"aspect": "quantity", "indicator": "Permohonan selesai", "target": 12000, "unit": "berkas"},
    {
        "aspect": "time",
        "indicator": "Rata-rata waktu penyelesaian",
        "target": 3,
        "unit": "hari kerja",
    },
]


def best(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "layanan.csv"
        write_log(path, args.requests)

        def baseline() -> None:
            with path.open(newline="", encoding="utf-8") as source:
                for _row in csv.reader(source):
                    pass

        def ours() -> None:
            spec = preview(path).spec()
            assert spec is not None
            proposal = realisasi_from_log(
                path, spec, INDICATORS, date(2026, 1, 1), date(2026, 12, 31)
            )
            assert proposal.summary.completed > 0

        base = best(args.runs, baseline)
        mine = best(args.runs, ours)
    print(f"requests: {args.requests:,}")
    print(f"csv module reading the file (baseline): {base * 1000:8.1f} ms")
    print(f"realisasi from the log (ours):          {mine * 1000:8.1f} ms")
    print(
        f"ratio ours/baseline: {mine / base:.1f}x; target under 2000 ms: "
        f"{'met' if mine < 2 else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
