"""Bring the demo up: its server, the sample year the first time, the first profile.

The first start in a folder makes the server's database, imports the
office, sets the passwords, serves, writes the sample year over the
protocol, and signs the first person in (her profile synced once, so the
app opens on a full Beranda); each step is told as it runs (demo/steps.py).
A restart only serves the folder again, on the port it had, and signs in
again only a profile whose session ended. Every other person is signed in
the first time F8 opens them (demo/people.py).
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from client.services import open_services
from demo import folder
from demo.office import PASSWORD, PEOPLE
from demo.people import FIRST, DemoPeople
from demo.server import (
    DemoServer,
    PortInUse,
    bind_port,
    create_database,
    import_office,
    set_passwords,
)
from demo.steps import Steps
from demo.texts import _

FRESH_STEPS, RESTART_STEPS = 6, 2
# A session this close to its end is renewed at start rather than let lapse mid-demo.
SESSION_MARGIN = timedelta(days=1)


class DemoPortInUse(Exception):
    """The demo's port is taken; ``remembered`` when it is the folder's own, not asked for."""

    def __init__(self, port: int, *, remembered: bool) -> None:
        super().__init__(port)
        self.port = port
        self.remembered = remembered


@dataclass
class Demo:
    data: Path
    server: DemoServer

    @property
    def first_home(self) -> Path:
        return folder.profile_home(self.data, FIRST.nip)

    def people(self) -> DemoPeople:
        """The F8 hook: every sample person, signed in when first opened."""
        homes = {person.nip: folder.profile_home(self.data, person.nip) for person in PEOPLE}
        return DemoPeople(homes, self.prepare)

    def prepare(self, home: Path, nip: str) -> None:
        ensure_signed_in(home, self.server.url, nip)


def switch_between(*homes: Path) -> DemoPeople:
    """F8 over profiles that are already signed in (the shell's tests)."""
    from sync.session import load_session

    found = {session.nip: home for home in homes if (session := load_session(home))}
    return DemoPeople(found)


def session_ends_soon(home: Path, now: datetime) -> bool:
    from sync.session import load_session

    session = load_session(home)
    if session is None:
        return True
    if not session.expires_at:
        return False
    try:
        expires = datetime.fromisoformat(session.expires_at)
    except ValueError:
        return True
    if expires.tzinfo is None:
        expires = expires.replace(tzinfo=UTC)
    return expires - now < SESSION_MARGIN


def ensure_signed_in(home: Path, url: str, nip: str) -> bool:
    """Sign ``nip``'s profile in at ``url`` unless it already is; True when it signed in.

    A new sign-in is followed by one sync round, so the person's Beranda
    opens full rather than filling in a moment later.
    """
    from client.signin import sign_in
    from store import open_store
    from sync.engine import engine_for_profile

    home.mkdir(parents=True, exist_ok=True)
    services = open_services(home)
    if (
        services is not None
        and services.store.get_meta("server_url") == url
        and not session_ends_soon(home, datetime.now(UTC))
    ):
        return False
    # replace_server: the same demo server, at a new port when --port moved it.
    sign_in(home, url, nip, PASSWORD, replace_server=True)
    engine = engine_for_profile(open_store(home))
    if engine is not None:
        with engine.link:
            engine.run_round()
    return True


def claim_port(data: Path, port: int | None) -> socket.socket:
    """The socket to serve on: ``port``, else the port the folder had, else a free one."""
    remembered = folder.remembered_port(data)
    chosen = port if port is not None else remembered
    try:
        return bind_port(chosen or 0)
    except PortInUse as taken:
        raise DemoPortInUse(taken.port, remembered=port is None) from None


def prepare_and_serve(
    data: Path, sock: socket.socket, steps: Steps, *, fresh: bool, quiet: bool
) -> DemoServer:
    """The first start's database, office and passwords; then the server, on ``sock``."""
    if fresh:
        steps.plan(FRESH_STEPS)
        folder.discard_unfinished(data)
        with steps.step(_("Creating the server's database")):
            create_database(data)
        with steps.step(_("Importing the office")) as step:
            step.result(_("{count} people").format(count=import_office(data)))
        with steps.step(_("Setting the sample accounts' password")):
            set_passwords(data)
    else:
        steps.plan(RESTART_STEPS)
        folder.move_earlier_profiles(data)
    with steps.step(_("Starting the server")) as step:
        server = DemoServer(data, sock, quiet=quiet)
        server.start()
        folder.remember_port(data, server.port)
        step.result(server.url)
    return server


def start_demo(
    data: Path, *, port: int | None = None, quiet: bool = True, steps: Steps | None = None
) -> Demo:
    """Start the demo server in ``data``, seeding it and the first profile the first time."""
    steps = steps if steps is not None else Steps(None)
    data.mkdir(parents=True, exist_ok=True)
    fresh = not folder.is_seeded(data)
    # The port first: a taken one is said before anything is made.
    sock = claim_port(data, port)
    try:
        server = prepare_and_serve(data, sock, steps, fresh=fresh, quiet=quiet)
    except BaseException:
        sock.close()
        raise
    demo = Demo(data, server)
    try:
        if fresh:
            from demo.seeding import seed_year

            with steps.step(_("Writing the sample year")) as step:
                written = seed_year(data, server.url, progress=step.count)
                step.result(_("{count} changes").format(count=written))
        with steps.step(_("Signing in {name}").format(name=FIRST.name)) as step:
            signed = ensure_signed_in(demo.first_home, server.url, FIRST.nip)
            step.result(_("signed in") if signed else _("still signed in"))
        folder.mark_seeded(data)
    except BaseException:
        server.stop()
        raise
    return demo
