"""A server brought back from any backup: the devices notice at their next round and put
back everything it lacks, on SQLite and PostgreSQL (issue 9, point 4).

Three restores: the data folder whole (database and high-water mark: the
epoch stays, only the pull's mark can tell), the database alone (the epoch
rotates), and the folder whole followed by another person's writes before
the device comes back (the server hands out the device's seqs anew).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server.restoring import Backup
from tests.support import pg
from tests.support.live_server import LiveServer, make_nip
from tests.sync.devices import Device, server_shape, training

STAFF, OTHER = make_nip(61), make_nip(62)


@pytest.fixture(params=["sqlite", "postgresql"])
def served(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[tuple[LiveServer, str | None]]:
    if request.param == "sqlite":
        live, admin_url = LiveServer.start(tmp_path / "server"), None
    else:
        cluster: pg.Server = request.getfixturevalue("pg_server")
        live = LiveServer.start(tmp_path / "server", cluster.new_database())
        admin_url = cluster.admin_url
    for nip, name in ((STAFF, "Staf Pelayanan"), (OTHER, "Staf Lain")):
        live.add_employee(nip, name)
    yield live, admin_url
    live.close()


def trainings_on_server(live: LiveServer, token: str) -> dict[str, dict[str, object]]:
    changes, _ = live.pull_all(token)
    return {c["id"]: c for c in changes if c["collection"] == "training"}


@pytest.mark.parametrize("restore", ["folder_whole", "database_alone", "then_written"])
def test_the_next_round_puts_back_what_the_restore_lost(
    served: tuple[LiveServer, str | None], restore: str, tmp_path: Path
) -> None:
    live, admin_url = served
    laptop = Device(tmp_path / "laptop", live, STAFF, live.token_for(STAFF))
    kept = laptop.create(training(title="Sebelum cadangan"))
    laptop.sync()
    backup = Backup.take(live, tmp_path / "backup", admin_url)
    epoch = live.epoch()

    laptop.edit(kept, training(title="Sebelum cadangan", jp=30))  # both lost by the restore
    added = laptop.create(training(title="Sesudah cadangan"))
    laptop.sync()
    assert laptop.outbox() == []

    backup.restore(whole=restore != "database_alone")
    assert (live.epoch() == epoch) == (restore != "database_alone")
    laptop.token = live.token_for(STAFF)  # a token made after the backup is gone with it
    if restore == "then_written":
        other = Device(tmp_path / "other", live, OTHER, live.token_for(OTHER))
        for n in range(4):
            other.create(training(title=f"Milik orang lain {n}"))
        other.sync()

    report = laptop.sync()

    assert report.epoch_changed and report.requeued >= 1
    server = trainings_on_server(live, laptop.token)
    assert server[kept]["data"] == training(title="Sebelum cadangan", jp=30)
    assert server[added]["data"] == training(title="Sesudah cadangan")
    again = laptop.sync()  # once, not a storm: the marks hold again
    assert (again.epoch_changed, again.requeued, again.sent) == (False, 0, 0)
    assert again.requests == 2
    assert laptop.outbox() == [] and laptop.shape() == server_shape(live, laptop.token)
