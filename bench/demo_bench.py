"""The demo's first start and restart, against the way it started before (commit ffd55e5).

Now: one argon2 hash for every sample account, sessions for the seed
opened in the server's database, each author's writes of a step in one push
over a kept connection, and only the first person signed in. Baseline,
measured in the same run over the same sample year: a hash per account, a
password sign-in per author, a new connection and ``hello`` per run of one
author's writes, and two profiles signed in and synced at every start.
Target: the first start at most half the baseline's time (best of the runs,
the least disturbed by other load; medians printed too).

    python bench/demo_bench.py [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET = 0.5


def now_first_start(data: Path) -> Callable[[], None]:
    from demo.setup import start_demo

    demo = start_demo(data)
    return demo.server.stop


def now_restart(data: Path) -> Callable[[], None]:
    return now_first_start(data)  # a seeded folder: the restart path


def _baseline_serve(data: Path, *, fresh: bool) -> Callable[[], None]:
    """The earlier start, rebuilt from today's parts where they did the same thing."""
    from client.signin import sign_in
    from demo import folder
    from demo.ids import Write
    from demo.office import EMPLOYEE, PASSWORD, PEOPLE, SUPERIOR
    from demo.sample import sample_writes
    from demo.seeding import Seeder
    from demo.server import DemoServer, bind_port, create_database, database_url, import_office
    from server import accounts, db
    from store import open_store
    from sync.engine import engine_for_profile
    from sync.link import Link

    data.mkdir(parents=True, exist_ok=True)
    if fresh:
        create_database(data)
        import_office(data)
        engine = db.make_engine(database_url(data))
        with db.writing(engine) as conn:
            for person in PEOPLE:  # one argon2 hash each
                accounts.set_password(conn, person.nip, PASSWORD)
        engine.dispose()
    server = DemoServer(data, bind_port(0))
    server.start()
    if fresh:
        tokens = {}
        for nip in sorted({w.by for w in sample_writes()}):  # one argon2 check each
            with Link(server.url) as link:
                tokens[nip] = str(link.open_session(nip, PASSWORD)["token"])
        with Seeder(server.url, tokens) as admin:
            units = admin.office_units()
            revs = admin.revs
        runs: list[list[Write]] = []
        for write in sample_writes(units=units):
            if runs and runs[-1][0].by == write.by:
                runs[-1].append(write)
            else:
                runs.append([write])
        for run in runs:  # each run of one author over a new connection, after a hello
            with Seeder(server.url, tokens) as one:
                one.revs = revs
                one.push([run])
    for person in (SUPERIOR, EMPLOYEE):  # both profiles, every start
        home = folder.profile_home(data, person.nip)
        home.mkdir(parents=True, exist_ok=True)
        sign_in(home, server.url, person.nip, PASSWORD, replace_server=True)
        engine_ = engine_for_profile(open_store(home))
        if engine_ is not None:
            with engine_.link:
                engine_.run_round()
    folder.mark_seeded(data)
    return server.stop


def timed(start: Callable[[Path], Callable[[], None]], data: Path) -> float:
    began = time.perf_counter()
    stop = start(data)
    took = time.perf_counter() - began
    stop()
    return took


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    figures: dict[str, list[float]] = {k: [] for k in ("now", "then", "now_re", "then_re")}
    with tempfile.TemporaryDirectory() as scratch:
        for n in range(runs):
            ours, theirs = Path(scratch, f"now{n}"), Path(scratch, f"then{n}")
            figures["now"].append(timed(now_first_start, ours))
            figures["then"].append(timed(lambda d: _baseline_serve(d, fresh=True), theirs))
            figures["now_re"].append(timed(now_restart, ours))
            figures["then_re"].append(timed(lambda d: _baseline_serve(d, fresh=False), theirs))
    for label, now, then in (
        ("first start", figures["now"], figures["then"]),
        ("restart", figures["now_re"], figures["then_re"]),
    ):
        ratio = min(now) / min(then)
        print(
            f"{label}: best {min(now):.2f} s (median {statistics.median(now):.2f}), "
            f"baseline best {min(then):.2f} s (median {statistics.median(then):.2f}): "
            f"ratio {ratio:.2f}"
        )
    met = min(figures["now"]) / min(figures["then"]) <= TARGET
    print(f"target: first start at most {TARGET}x the baseline: {'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
