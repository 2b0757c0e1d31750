"""``kinerja-server import-employees`` at province size: does the time grow linearly?

Usage: python bench/import_bench.py [--small 10000] [--large 20000] [--db sqlite|postgresql]
       [--repeat 3]

Imports a CSV of ``--small`` employees into an empty database, then one of
``--large`` into another (the best of ``--repeat`` runs each), and prints both CPU times (SQLite
runs in the process; the machine's other load does not count) and their ratio beside the
target (issue 13: 20,000 employees in under 2x the time of 10,000; a linear
import is ``large/small`` times the small one). The people are those of
bench/province.py (about 40 units with heads, section heads and staff).

PostgreSQL: ``KINERJA_TEST_PG`` if set, else a throwaway cluster (tests/support/pg.py).
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.province import generate  # noqa: E402
from server import db  # noqa: E402
from server.importer import import_csv  # noqa: E402

TARGET = 2.0


def province_csv(employees: int) -> str:
    """The BKD's CSV for a generated province of ``employees`` people."""
    province = generate(employees=employees, units=40)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(("nip", "name", "kind", "rank", "position", "unit", "atasan_nip", "roles"))
    for person in province.people:
        writer.writerow(
            (
                person.nip,
                person.name,
                "PNS",
                "Penata (III/c)",
                person.position,
                f"Unit {person.unit_id[:8]}",
                person.atasan or "",
                ";".join(person.roles),
            )
        )
    return out.getvalue()


def timed_import(db_url: str, source: str) -> float:
    engine = db.make_engine(db_url)
    db.init(engine)
    started = time.process_time()
    report = import_csv(engine, source)
    elapsed = time.process_time() - started
    engine.dispose()
    assert report.created == source.count("\n") - 1, report
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=20_000)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    small_csv, large_csv = province_csv(args.small), province_csv(args.large)
    with tempfile.TemporaryDirectory() as home:
        if args.db == "sqlite":
            urls = (f"sqlite:///{home}/{n}.db" for n in range(2 * args.repeat))
            close = None
        else:
            from tests.support import pg

            server = pg.Server()
            urls = (server.new_database() for _n in range(2 * args.repeat))
            close = server.close
        try:
            # CPU time, the best of a few runs: the machine is shared, and noise only adds time
            small = min(timed_import(next(urls), small_csv) for _n in range(args.repeat))
            large = min(timed_import(next(urls), large_csv) for _n in range(args.repeat))
        finally:
            if close is not None:
                close()
    ratio = large / small
    linear = args.large / args.small
    print(f"import-employees on {args.db}")
    print(f"  {args.small:>7,} employees: {small:6.2f} s CPU")
    print(f"  {args.large:>7,} employees: {large:6.2f} s CPU")
    target = TARGET * linear / 2  # 2x for twice the employees
    verdict = "met" if ratio < target else "MISSED"
    print(f"  ratio {ratio:.2f}x (linear: {linear:.2f}x; target: under {target:.2f}x) {verdict}")


if __name__ == "__main__":
    main()
