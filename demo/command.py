"""``kinerja demo``: the whole product on sample data, on this machine alone.

Starts a central server on loopback with SQLite in a fresh folder (a
temporary one, removed afterwards, or ``--data DIR`` to keep it and reuse
it next time), fills it with the sample year of DPMPTSP Provinsi Maluku
Utara (demo/), signs in as a Kepala Bidang and opens the app; F8
switches to one of her staff and back, each with their own profile folder
under the demo's data folder. ``--no-tui`` leaves the server running and
prints its address and the sample accounts until Ctrl+C.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from contextlib import ExitStack, suppress
from pathlib import Path
from typing import TYPE_CHECKING

from demo.texts import _

if TYPE_CHECKING:
    from demo.setup import Demo

HELP = "open the app on sample data, with a demo server on this machine"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data",
        metavar="DIR",
        type=Path,
        help=_("keep the demo's server and profiles in DIR (reused when run again)"),
    )
    parser.add_argument(
        "--no-tui",
        action="store_true",
        help=_("only run the server: print its address and the sample accounts, until Ctrl+C"),
    )


def run(args: argparse.Namespace) -> int:
    with ExitStack() as cleanup:
        if args.data is None:
            data = Path(cleanup.enter_context(tempfile.TemporaryDirectory(prefix="kinerja-demo-")))
        else:
            data = args.data.expanduser().resolve()
        print(_("Preparing the demo in {folder}…").format(folder=data), file=sys.stderr, flush=True)
        try:
            from demo.setup import start_demo

            demo = start_demo(data, quiet=not args.no_tui)
        except KeyboardInterrupt:
            return 130
        except Exception as error:  # a failed start is one line, not a stack trace
            reason = _("kinerja demo: error: {reason}").format(reason=error)
            print(reason, file=sys.stderr, flush=True)
            return 2
        cleanup.callback(demo.server.stop)
        if args.no_tui:
            print_accounts(demo.server.url, data)
            with suppress(KeyboardInterrupt):
                demo.server.wait()
            return 0
        return open_demo_app(demo)
    return 0


def run_default() -> int:
    """The demo as chosen on the first-run screen: a temporary folder, the app."""
    return run(argparse.Namespace(data=None, no_tui=False))


def print_accounts(url: str, data: Path) -> None:
    from demo.office import PASSWORD, PEOPLE

    print(_("Kinerja demo server: {url}").format(url=url))
    print(_("Data folder: {folder}").format(folder=data))
    print(_("Sample accounts (password {password} for all):").format(password=PASSWORD))
    for person in PEOPLE:
        print(f"  {person.nip}  {person.name} — {person.position}")
    print(_("Sign in with: kinerja login {url} --nip NIP").format(url=url))
    print(_("Stop the server with Ctrl+C."), flush=True)


def open_demo_app(demo: Demo) -> int:
    from demo.setup import services_for
    from tui.app import KinerjaApp

    services = services_for(demo.superior_home)
    app = KinerjaApp(demo.superior_home, services, switch_profiles=demo.switch)
    app.run()
    return app.return_code or 0
