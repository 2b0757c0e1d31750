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


def open_app() -> int:
    from client.services import open_profile, profile_home
    from tui.app import KinerjaApp
    from tui.texts import _

    home = profile_home()
    opened = open_profile(home)
    if opened.error is not None:
        print(_("kinerja: error: {reason}").format(reason=opened.error), file=sys.stderr)
        return 2
    bench_t0 = os.environ.get("KINERJA_BENCH_T0")
    app = KinerjaApp(home, opened.services, notices=list(opened.notices))
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
        from tui.cli import run_demo

        return run_demo()
    return app.return_code or 0
