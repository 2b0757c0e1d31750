"""Two devices edit the same record offline, against a real server on loopback."""

from __future__ import annotations

from pathlib import Path

import pytest

from sync.choices import resolve, waiting
from tests.support.live_server import LiveServer, make_nip
from tests.sync.devices import Device, training

NIP = make_nip(1)


@pytest.fixture
def pair(live_server: LiveServer, tmp_path: Path) -> tuple[Device, Device, str]:
    """Two devices of one employee, both holding the same synced training record."""
    live_server.add_employee(NIP, "Ani Lestari")
    live_server.set_password(NIP)
    laptop = Device(tmp_path / "laptop", live_server, NIP, live_server.login(NIP))
    office = Device(tmp_path / "office", live_server, NIP, live_server.login(NIP))
    record_id = laptop.create(training())
    laptop.sync()
    office.sync()
    assert office.record(record_id)["data"] == training()
    return laptop, office, record_id


def test_different_fields_merge_without_asking(
    pair: tuple[Device, Device, str], live_server: LiveServer
) -> None:
    laptop, office, record_id = pair
    laptop.edit(record_id, training(title="Diklat PIM IV"))
    office.edit(record_id, training(jp=32))
    assert laptop.sync().applied == 1
    report = office.sync()
    assert (report.merged, report.conflicts) == (1, 0)
    laptop.sync()
    merged = training(title="Diklat PIM IV", jp=32)
    on_server = live_server.record_of("training", id=record_id)
    assert on_server["data"] == merged and on_server["conflicts"] == []
    assert laptop.record(record_id)["data"] == merged == office.record(record_id)["data"]
    assert laptop.outbox() == [] == office.outbox()


def test_same_field_keeps_both_versions_until_a_person_chooses(
    pair: tuple[Device, Device, str], live_server: LiveServer
) -> None:
    laptop, office, record_id = pair
    laptop.edit(record_id, training(jp=24))
    office.edit(record_id, training(jp=40))
    laptop.sync()
    report = office.sync()
    assert report.conflicts == 1 and waiting(office.store).conflicts == 1
    mine = office.record(record_id)
    assert mine["data"]["jp"] == 40  # ours is kept locally
    assert mine["local_conflict"]["data"]["jp"] == 24
    assert mine["local_conflict"]["fields"]["clashes"] == ["jp"]
    # the server keeps it too, for every reader
    on_server = live_server.record_of("training", id=record_id)
    assert on_server["data"]["jp"] == 24 and len(on_server["conflicts"]) == 1
    assert on_server["conflicts"][0]["data"]["jp"] == 40

    resolve(office.store, "training", record_id, training(jp=36))
    office.sync()
    laptop.sync()
    on_server = live_server.record_of("training", id=record_id)
    assert on_server["data"]["jp"] == 36 and on_server["conflicts"] == []
    assert laptop.record(record_id)["data"]["jp"] == 36
    assert waiting(office.store).conflicts == 0


def test_an_edit_against_a_delete_keeps_both(
    pair: tuple[Device, Device, str], live_server: LiveServer
) -> None:
    laptop, office, record_id = pair
    laptop.store.records.delete("training", record_id, by=NIP)
    office.edit(record_id, training(title="Diklat PIM IV"))
    laptop.sync()
    report = office.sync()
    assert report.conflicts == 1
    mine = office.record(record_id)
    assert mine["deleted"] is False and mine["data"]["title"] == "Diklat PIM IV"
    assert mine["local_conflict"]["deleted"] is True
    on_server = live_server.record_of("training", id=record_id)
    assert on_server["deleted"] is True and len(on_server["conflicts"]) == 1
    # the person keeps the record after all: it comes back on the server
    resolve(office.store, "training", record_id, mine["data"])
    office.sync()
    on_server = live_server.record_of("training", id=record_id)
    assert on_server["deleted"] is False and on_server["data"]["title"] == "Diklat PIM IV"
