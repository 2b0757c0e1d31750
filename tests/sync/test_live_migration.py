"""The protocol 1 fixture (store and server, as 038c486 left them) syncs with protocol 2.

The server database is brought forward by ``kinerja-server init`` (server/),
the store by schema 2 (store/migrations.py). The store holds a cursor and no
mark: the first round must just go on from it, with no resync storm.
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import orjson
import pytest

from sync.choices import waiting
from sync.local import put_meta
from tests.store.helpers import open_even_if_damaged
from tests.support.live_server import LiveServer
from tests.sync.devices import Device

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "store_protocol1"
FACTS: dict[str, Any] = orjson.loads((FIXTURE / "facts.json").read_bytes())
SENT_RECORD = "00000000-0000-4000-8000-000000000003"  # its mutation sent, the answer never came
FEEDBACK_ID = "00000000-0000-4000-8000-000000000009"  # the PPK's umpan balik, pulled


@pytest.fixture
def old_server(tmp_path: Path) -> Any:
    folder = tmp_path / "server"
    folder.mkdir()
    database = folder / "kinerja.sqlite3"
    with closing(sqlite3.connect(database)) as conn:
        conn.executescript((FIXTURE / "server.sql").read_text(encoding="utf-8"))
    live = LiveServer.start(folder, f"sqlite:///{database}")  # init migrates it
    yield live
    live.close()


@pytest.fixture
def laptop(tmp_path: Path, old_server: LiveServer) -> Device:
    home = tmp_path / "laptop"
    shutil.copytree(FIXTURE / "profile", home)
    device = Device(home, old_server, FACTS["staff_nip"], old_server.token_for(FACTS["staff_nip"]))
    with device.store.transaction() as tx:
        put_meta(tx, "server_url", old_server.root_url)
    return device


def test_the_first_round_goes_on_from_the_old_cursor(
    laptop: Device, old_server: LiveServer
) -> None:
    assert old_server.epoch() == FACTS["epoch"]  # the migration keeps the epoch
    before = set(laptop.store.all("records"))
    report = laptop.engine().run_round()
    assert report.error is None, report
    assert not report.epoch_changed and report.requeued == 0
    assert report.sent == 4 and report.applied == 4  # the sent one, its follower, new, delete
    assert set(laptop.store.all("records")) == before
    assert laptop.outbox() == []
    left = waiting(laptop.store)
    assert (left.conflicts, left.rejected) == (1, 1)  # still there for the person
    server = old_server.record_of("training", id=SENT_RECORD)
    assert server["data"]["jp"] == 36  # the follower's edit, after the sent one
    deleted = old_server.record_of("training", id=FACTS["deleted"])
    assert deleted["deleted"] is True
    again = laptop.sync()
    assert (again.sent, again.received, again.requeued, again.requests) == (0, 0, 0, 2)
    assert laptop.store.get_meta("mark")  # from now on the marks check each pull


def test_a_damaged_page_of_the_old_journal_comes_back_from_the_server(
    laptop: Device, tmp_path: Path
) -> None:
    journal = laptop.home / "store.journal"
    # a fresh copy of the fixture, with the pull page that brought the PPK's umpan balik damaged
    shutil.copy(FIXTURE / "profile" / "store.journal", journal)
    (laptop.home / "store.json").write_bytes((FIXTURE / "profile" / "store.json").read_bytes())
    lines = journal.read_bytes().split(b"\n")
    lines[16] = lines[16][:-4] + b"xxxx"
    journal.write_bytes(b"\n".join(lines))

    store, damage = open_even_if_damaged(laptop.home)
    assert damage is not None and store.records.get("feedback", FEEDBACK_ID) is None
    laptop.store = store
    laptop.sync()
    back = store.records.get("feedback", FEEDBACK_ID)
    assert back is not None and back["data"]["text"].startswith("Laporan bulanan")
    assert set(store.all("records")) == set(FACTS["records"])
