"""One save from each of Rencana, Realisasi, Umpan balik and Evaluasi: store reads and UI time.

For each screen, on a profile of 2,000 records, ``--runs`` saves are timed
(bench/save_driver.py): the store reads from the key press until the save
is done and the screen redrawn, and the CPU time of the UI thread (the
event loop's) over that span, Textual's redraw and Pilot's key dispatch
included. The same driver runs in this checkout and, in the same run, in a
temporary ``git worktree`` of the baseline commit (038c486, before issue
10's client core), each in its own subprocess. A "floor" row measures a key
that only moves the cursor: what Textual alone costs the UI thread. Then
bench/startup_bench.py checks that start-up stays within its targets.
Targets: at most 5 store reads per save; p95 UI time under 30 ms.

    python bench/save_bench.py [--runs 15] [--base 038c486] [--startup-runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DRIVER = ROOT / "bench" / "save_driver.py"
BASELINE = "038c486"
READS_TARGET = 5
P95_TARGET_MS = 30.0


def run_driver(tree: Path, runs: int) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(tree), "KINERJA_LANG": "id"}
    done = subprocess.run(
        [sys.executable, str(DRIVER), "--runs", str(runs)],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"the driver failed in {tree}:\n{done.stderr[-3000:]}")
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--base", default=BASELINE)
    parser.add_argument("--startup-runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kinerja-base-") as folder:
        base_tree = Path(folder) / "tree"
        subprocess.run(
            ["git", "worktree", "add", "--detach", "-q", str(base_tree), args.base],
            cwd=ROOT,
            check=True,
        )
        try:
            base = run_driver(base_tree, args.runs)
            now = run_driver(ROOT, args.runs)
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(base_tree)], cwd=ROOT, check=False
            )
    print(f"store: {now['records']} records; {args.runs} saves per screen; base {args.base}")
    row = "{:22}{:>12}{:>8}{:>8}{:>14}{:>14}{:>10}"
    print(row.format("", "reads", "", "", "UI ms median", "UI ms p95", "p95 now/"))
    print(
        row.format(
            "screen",
            f"{args.base}",
            "now",
            "target",
            f"{args.base} / now",
            f"{args.base} / now",
            "base",
        )
    )
    met = True
    for screen, figures in now["screens"].items():
        old = base["screens"][screen]
        reads_old, reads_now = max(old["reads"]), max(figures["reads"])
        med_old, med_now = statistics.median(old["ui_ms"]), statistics.median(figures["ui_ms"])
        p95_old, p95_now = p95(old["ui_ms"]), p95(figures["ui_ms"])
        floor = screen.startswith("floor")
        if not floor:
            met = met and reads_now <= READS_TARGET and p95_now < P95_TARGET_MS
        print(
            row.format(
                screen,
                reads_old,
                reads_now,
                "" if floor else f"<={READS_TARGET}",
                f"{med_old:.0f} / {med_now:.0f}",
                f"{p95_old:.0f} / {p95_now:.0f}",
                f"{p95_now / p95_old:.2f}x",
            )
        )
    print(f"targets: reads <= {READS_TARGET} per save, UI p95 < {P95_TARGET_MS:.0f} ms")
    print("within the targets" if met else "OUTSIDE the targets (see the floor row)")
    print()
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "startup_bench.py"),
            "--runs",
            str(args.startup_runs),
        ],
        cwd=ROOT,
        check=False,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
