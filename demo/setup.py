"""Bring the demo up: the server, its sample year, and two signed-in profiles.

The profiles live under the demo folder (profiles/superior and
profiles/employee), each signed in through the server's real login and
synced once, so the app opens on a full Beranda and the switch key (F8)
shows the same office from the other side.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from client.services import Services, open_services
from demo.office import EMPLOYEE, PASSWORD, SUPERIOR
from demo.sample import sample_writes
from demo.server import SEEDED_MARK, DemoServer, prepare_database, seed, sign_in_all


@dataclass
class Demo:
    data: Path
    server: DemoServer

    @property
    def superior_home(self) -> Path:
        return self.data / "profiles" / "superior"

    @property
    def employee_home(self) -> Path:
        return self.data / "profiles" / "employee"

    def switch(self, current: Services) -> Services:
        return switch_between(self.superior_home, self.employee_home)(current)


def services_for(home: Path) -> Services:
    services = open_services(home)
    if services is None:
        raise RuntimeError(f"the demo profile {home} is not signed in")
    return services


def switch_between(first: Path, second: Path) -> Callable[[Services], Services]:
    """The app's "switch person" key: the Services of the other profile."""

    def switch(current: Services) -> Services:
        return services_for(second if current.home == first else first)

    return switch


def start_demo(data: Path, *, quiet: bool = True) -> Demo:
    """Start the demo server in ``data``, seeding it and its profiles the first time."""
    from client.signin import sign_in
    from store import open_store
    from sync.engine import engine_for_profile

    fresh = not (data / SEEDED_MARK).exists()
    if fresh:
        prepare_database(data)
    server = DemoServer(data, quiet=quiet)
    server.start()
    demo = Demo(data, server)
    try:
        if fresh:
            seed(server.url, sign_in_all(server.url, {w.by for w in sample_writes()}))
        for home, person in ((demo.superior_home, SUPERIOR), (demo.employee_home, EMPLOYEE)):
            # The port is new on every run, so each start signs in again.
            home.mkdir(parents=True, exist_ok=True)
            sign_in(home, server.url, person.nip, PASSWORD, replace_server=True)
            engine = engine_for_profile(open_store(home))
            if engine is not None:
                with engine.link:
                    engine.run_round()
        (data / SEEDED_MARK).touch()
    except BaseException:
        server.stop()
        raise
    return demo
