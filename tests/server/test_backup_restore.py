"""``kinerja-server backup`` while serving, then ``restore``: every client's work comes back.

On SQLite and PostgreSQL: a backup taken while the server serves, more work
by two real sync clients after it, a restore of the older copy, and each
client's next round puts back what the backup lacked.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.server.test_cli import run
from tests.support import pg
from tests.support.live_server import LiveServer, make_nip
from tests.sync.devices import Device, server_shape, training

STAFF, OTHER = make_nip(91), make_nip(92)
EVIDENCE = b"%PDF-1.4 sertifikat pelatihan\n" * 200


@pytest.fixture(params=["sqlite", "postgresql"])
def live(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LiveServer]:
    if request.param == "sqlite":
        server = LiveServer.start(tmp_path / "server")
    else:
        cluster: pg.Server = request.getfixturevalue("pg_server")
        server = LiveServer.start(tmp_path / "server", cluster.new_database())
    for nip, name in ((STAFF, "Staf Pelayanan"), (OTHER, "Staf Lain")):
        server.add_employee(nip, name)
    yield server
    server.close()


def _cli(live: LiveServer, *args: str) -> tuple[int, str, str]:
    done = run(*args, "--db", live.db_url, env={"KINERJA_SERVER_HOME": str(live.folder)})
    return done.returncode, done.stdout, done.stderr


def _blob(live: LiveServer, token: str, method: str = "GET") -> httpx.Response:
    sha = hashlib.sha256(EVIDENCE).hexdigest()
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/octet-stream"}
    content = EVIDENCE if method == "PUT" else None
    url = f"{live.base_url}/blobs/{sha}"
    return httpx.request(method, url, content=content, headers=headers, timeout=30)


def test_backup_write_more_restore_and_every_client_puts_its_work_back(
    live: LiveServer, tmp_path: Path
) -> None:
    laptop = Device(tmp_path / "laptop", live, STAFF, live.token_for(STAFF))
    other = Device(tmp_path / "other", live, OTHER, live.token_for(OTHER))
    kept = laptop.create(training(title="Sebelum cadangan"))
    laptop.sync()
    assert _blob(live, laptop.token, "PUT").status_code == 201
    copy = tmp_path / "cadangan" / "kinerja.backup"
    copy.parent.mkdir()

    status, out, err = _cli(live, "backup", str(copy))  # while serving
    assert (status, err) == (0, ""), err
    assert str(copy) in out and copy.stat().st_size > 0
    assert oct(os.stat(copy).st_mode & 0o777) == oct(0o600)

    laptop.edit(kept, training(title="Sebelum cadangan", jp=30))
    added = laptop.create(training(title="Sesudah cadangan"))
    theirs = other.create(training(title="Milik orang lain"))
    laptop.sync()
    other.sync()
    epoch = live.epoch()

    live.stop()
    status, _out, err = _cli(live, "restore", str(copy), "--yes")
    assert (status, err) == (0, "")
    live.restart()
    assert live.epoch() != epoch
    assert _blob(live, live.token_for(STAFF)).content == EVIDENCE  # the blobs came back too

    for device in (laptop, other):
        device.token = live.token_for(device.nip)  # tokens made after the backup are gone
        report = device.sync()
        assert report.epoch_changed and report.requeued >= 1
    changes, _cursor = live.pull_all(laptop.token)
    on_server = {c["id"]: c["data"] for c in changes if c["collection"] == "training"}
    assert on_server[kept] == training(title="Sebelum cadangan", jp=30)
    assert on_server[added] == training(title="Sesudah cadangan")
    other_changes, _cursor = live.pull_all(other.token)
    assert theirs in {c["id"] for c in other_changes}
    for device in (laptop, other):
        assert device.outbox() == [] and device.shape() == server_shape(live, device.token)


def test_restore_asks_first_and_refuses_a_file_that_is_no_backup(
    live: LiveServer, tmp_path: Path
) -> None:
    copy = tmp_path / "kinerja.backup"
    assert _cli(live, "backup", str(copy))[0] == 0
    status, _out, err = _cli(live, "restore", str(copy))  # no terminal to answer, no --yes
    assert status == 1 and "--yes" in err and err.count("\n") == 1
    junk = tmp_path / "bukan.backup"
    junk.write_text("bukan cadangan")
    status, _out, err = _cli(live, "restore", str(junk), "--yes")
    assert status == 1 and "kinerja-server backup" in err
