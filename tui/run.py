"""``kinerja`` without a subcommand: open the app on the current profile.

KINERJA_BENCH_T0 (a time.time() value) is for bench/startup_bench.py and
the import test: the app then runs headless, prints the seconds from that
instant to its first interactive screen (and whether httpx or the server
code were loaded by then), and exits.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.services import Services


def open_profile(home: Path) -> tuple[Services | None, list[str]]:
    """The profile's Services (None before a sign-in) and what its person must read.

    A damaged store file was moved aside by the store, which then opens: the
    app starts and shows why. Other store problems (busy with another
    process, written by a newer Kinerja) raise ``StoreError``.
    """
    from store.errors import StoreDamaged
    from tui.services import open_services

    try:
        return open_services(home), []
    except StoreDamaged as damaged:
        return open_services(home), [damaged.message()]


def open_app() -> int:
    from store import StoreError
    from store.paths import profile_home
    from tui.app import KinerjaApp
    from tui.texts import _

    home = profile_home()
    try:
        services, notices = open_profile(home)
    except StoreError as error:
        print(_("kinerja: error: {reason}").format(reason=error), file=sys.stderr)
        return 2
    bench_t0 = os.environ.get("KINERJA_BENCH_T0")
    app = KinerjaApp(home, services, notices=notices)
    if bench_t0:
        start = float(bench_t0)

        def report_and_exit() -> None:
            # What must wait for the first sync (tests/tui/test_shell_sync.py).
            httpx, server = "httpx" in sys.modules, "server" in sys.modules
            ready = f"ready {time.time() - start:.4f} httpx={httpx} server={server}"
            print(ready, file=sys.stderr, flush=True)
            app.exit()

        app.on_first_screen = report_and_exit
        app.run(headless=True)
        return 0
    result = app.run()
    if result == "demo" and app.return_code == 0:
        from tui.demo_command import run_default

        return run_default()
    return app.return_code or 0
