"""Start-up of ``kinerja`` on a store of 2k records, against a minimal Textual app.

Both run in fresh subprocesses, headless, and report the seconds from just
before their spawn to their first interactive screen; peak memory is each
child's own maximum resident set (os.wait4). The baseline, measured in the
same run, is a Textual app with a Header, a DataTable of 50 rows and a
Footer. Targets: kinerja within 1.3x of the baseline in time (best of the
runs, the one least disturbed by other load; medians are printed too) and
1.5x in memory (medians).

    python bench/startup_bench.py [--runs 7] [--records 2000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TIME_TARGET = 1.3
MEMORY_TARGET = 1.5

MINIMAL_APP = """
import os, sys, time
from textual.app import App
from textual.widgets import DataTable, Footer, Header

class Minimal(App):
    BINDINGS = [("ctrl+q", "quit", "Quit")]

    def compose(self):
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("NIP", "Nama", "Jabatan", "Status")
        for n in range(50):
            table.add_row(f"1980010120050110{n:02d}", f"Pegawai {n}", "Analis", "Disetujui")
        self.call_after_refresh(self.ready)

    def ready(self):
        start = float(os.environ["KINERJA_BENCH_T0"])
        print(f"ready {time.time() - start:.4f}", file=sys.stderr, flush=True)
        self.exit()

Minimal().run(headless=True)
"""


@dataclass
class Run:
    seconds: float
    peak_kib: int


def measure(command: list[str], env: dict[str, str]) -> Run:
    env = {**env, "KINERJA_BENCH_T0": repr(time.time())}
    child = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    assert child.stderr is not None
    ready = child.stderr.read()
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    lines = [line for line in ready.splitlines() if line.startswith("ready ")]
    if child.returncode != 0 or not lines:
        raise SystemExit(f"{command} failed ({child.returncode}):\n{ready}")
    return Run(float(lines[0].split()[1]), int(usage.ru_maxrss))  # ru_maxrss: KiB on Linux


def build_profile(home: Path, records: int) -> int:
    """The demo's office and year, padded with realisasi up to ``records`` records."""
    from demo.office import EMPLOYEE, SUPERIOR
    from demo.offline import install_profile, office_records
    from demo.sample import Write, demo_id, item_id, period_id, sample_writes

    base = len(office_records()) + len({(w.collection, w.id) for w in sample_writes()})
    extra = [
        Write(
            EMPLOYEE.nip,
            "progress",
            demo_id("bench-progress", n),
            EMPLOYEE.nip,
            {
                "plan_item_id": item_id("rizal-analysis"),
                "period_id": period_id("quarterly", 1 + n % 4),
                "values": [2, n % 240],
                "note": f"Catatan realisasi harian ke-{n}",
                "evidence": [{"label": f"Bukti {n}", "url": f"https://arsip.example/{n}.pdf"}],
            },
        )
        for n in range(max(0, records - base))
    ]
    store = install_profile(home, SUPERIOR.nip, extra=extra)
    return len(store.all("records"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--build-in", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build_in:
        print(build_profile(args.build_in, args.records))
        return 0

    with tempfile.TemporaryDirectory(prefix="kinerja-bench-") as folder:
        home = Path(folder)
        # Built in a child: the children's peak RSS must not start from this
        # process's size (they are forked from it).
        count = int(
            subprocess.run(
                [sys.executable, __file__, "--records", str(args.records), "--build-in", folder],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        env = {**os.environ, "KINERJA_HOME": str(home)}
        kinerja = [sys.executable, "-m", "tui.cli"]
        minimal = [sys.executable, "-c", MINIMAL_APP]
        measure(kinerja, env), measure(minimal, env)  # warm the file cache for both
        runs = {"kinerja": [], "minimal": []}  # type: dict[str, list[Run]]
        for _ in range(args.runs):  # interleaved, so drift hits both alike
            runs["kinerja"].append(measure(kinerja, env))
            runs["minimal"].append(measure(minimal, env))

    def stats(name: str) -> tuple[float, float, float]:
        """Best and median time (s), median peak RSS (MiB)."""
        times = [r.seconds for r in runs[name]]
        peak = statistics.median(r.peak_kib for r in runs[name]) / 1024
        return min(times), statistics.median(times), peak

    (k_best, k_median, k_mem), (m_best, m_median, m_mem) = stats("kinerja"), stats("minimal")
    print(f"store: {count} records; {args.runs} runs each; Python {sys.version.split()[0]}")
    row = "{:22}{:>9}{:>9}{:>12}"
    print(row.format("", "best", "median", "peak RSS"))
    print(
        row.format("minimal Textual app", f"{m_best:.3f}s", f"{m_median:.3f}s", f"{m_mem:.1f} MiB")
    )
    print(row.format("kinerja (Beranda)", f"{k_best:.3f}s", f"{k_median:.3f}s", f"{k_mem:.1f} MiB"))
    # The best run is the least disturbed by other load on the machine.
    time_ratio, mem_ratio = k_best / m_best, k_mem / m_mem
    median_ratio = k_median / m_median
    print(
        row.format(
            "kinerja / minimal", f"{time_ratio:.2f}x", f"{median_ratio:.2f}x", f"{mem_ratio:.2f}x"
        )
    )
    print(row.format("target", f"{TIME_TARGET}x", "", f"{MEMORY_TARGET}x"))
    verdict = "within" if time_ratio <= TIME_TARGET and mem_ratio <= MEMORY_TARGET else "OUTSIDE"
    print(f"{verdict} the targets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
