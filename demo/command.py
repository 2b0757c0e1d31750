"""``kinerja demo``: the whole product on sample data, on this machine alone.

Starts a central server on loopback with SQLite in a fresh folder (a
temporary one, removed afterwards, or ``--data DIR`` to keep it and reuse
it next time, on the same port), fills it with the sample year of DPMPTSP
Provinsi Maluku Utara (demo/), telling each step as it goes, signs in as a
Kepala Bidang and opens the app; F8 offers every sample person to switch to,
each with their own profile folder under the demo's data folder.
``--no-tui`` leaves the server running and prints its address and the
sample accounts until Ctrl+C. On leaving, it says whether the folder is kept.
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
    from demo.setup import Demo, DemoPortInUse

HELP = "open the app on sample data, with a demo server on this machine"


def port_number(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = 0
    if not 0 < port < 65536:
        raise argparse.ArgumentTypeError(_("a port is a number from 1 to 65535"))
    return port


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data",
        metavar="DIR",
        type=Path,
        help=_("keep the demo's server and profiles in DIR (reused when run again)"),
    )
    parser.add_argument(
        "--port",
        metavar="PORT",
        type=port_number,
        help=_(
            "serve the demo on this port (default: the one the --data folder had, else a free one)"
        ),
    )
    parser.add_argument(
        "--no-tui",
        action="store_true",
        help=_("only run the server: print its address and the sample accounts, until Ctrl+C"),
    )


def run(args: argparse.Namespace) -> int:
    kept = args.data is not None
    with ExitStack() as cleanup:
        if kept:
            data = args.data.expanduser().resolve()
        else:
            made = tempfile.TemporaryDirectory(prefix="kinerja-demo-", ignore_cleanup_errors=True)
            data = Path(cleanup.enter_context(made))
        demo = prepare(data, args)
        if demo is None:
            return 2
        cleanup.callback(demo.server.stop)
        if args.no_tui:
            # Ctrl+C may come as soon as the last line is out: inside, so it only stops.
            with suppress(KeyboardInterrupt):
                print_accounts(demo.server.url, data)
                demo.server.wait()
            code = 0
        else:
            code = open_demo_app(demo)
    # Said once the server stopped and a temporary folder is gone.
    print(farewell(data, demo.server.url, kept=kept), file=sys.stderr, flush=True)
    return code


def prepare(data: Path, args: argparse.Namespace) -> Demo | None:
    """Start the demo, each step on the terminal; None (after saying why) when it can't."""
    from demo.setup import DemoPortInUse, start_demo
    from demo.steps import Steps

    steps = Steps(sys.stderr)
    steps.say(_("Preparing the demo in {folder}…").format(folder=data))
    try:
        demo = start_demo(data, port=args.port, quiet=not args.no_tui, steps=steps)
    except KeyboardInterrupt:
        return None
    except DemoPortInUse as taken:
        print(_("kinerja demo: error: {reason}").format(reason=port_advice(taken)), file=sys.stderr)
        return None
    except Exception as error:  # a failed start is one line, not a stack trace
        print(_("kinerja demo: error: {reason}").format(reason=error), file=sys.stderr)
        return None
    steps.say(_("The demo is ready: {url}").format(url=demo.server.url))
    return demo


def port_advice(taken: DemoPortInUse) -> str:
    """What to do when the port is taken: the folder's own port can't silently move,
    since every profile signed in there can reach only that address."""
    if taken.remembered:
        return _(
            "port {port}, where this demo folder's server runs, is in use: is this demo "
            "still open in another window? Close it, or whatever uses the port, and start "
            "again; or move the demo with --port PORT (its people then sign in again at "
            "the new address, and their unsent changes go there)."
        ).format(port=taken.port)
    return _(
        "port {port} is in use by another program: choose another with --port PORT, or "
        "leave --port out to take a free one."
    ).format(port=taken.port)


def farewell(data: Path, url: str, *, kept: bool) -> str:
    if kept:
        return _(
            "The demo's data is kept in {folder}; `kinerja demo --data {folder}` opens it "
            "again at {url}."
        ).format(folder=data, url=url)
    return _(
        "The demo's temporary folder {folder} was removed: nothing of this demo is kept. "
        "`kinerja demo --data DIR` keeps a demo for next time."
    ).format(folder=data)


def run_default() -> int:
    """The demo as chosen on the first-run screen: a temporary folder, the app."""
    return run(argparse.Namespace(data=None, port=None, no_tui=False))


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
    from demo.people import services_for
    from tui.app import KinerjaApp

    app = KinerjaApp(demo.first_home, services_for(demo.first_home), switch_profiles=demo.people())
    app.run()
    return app.return_code or 0
