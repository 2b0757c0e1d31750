"""Several devices and a server end up holding the same records, whatever happened."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from sync.choices import Waiting, resolve, waiting
from tests.support.live_server import LiveServer, make_nip
from tests.sync.devices import Device, server_shape, training

NIP = make_nip(21)


def settle(devices: list[Device]) -> None:
    """What people do at the end of the day: choose a version of every conflict, sync."""
    for _ in range(3):
        for device in devices:
            for key, record in device.store.all("records").items():
                if record.get("local_conflict"):
                    collection, record_id = key.split("/", 1)
                    chosen = None if record.get("deleted") else record["data"]
                    resolve(device.store, collection, record_id, chosen)
            device.sync()
    for device in devices:
        device.sync()


def test_three_devices_converge_with_the_server(live_server: LiveServer, tmp_path: Path) -> None:
    live_server.add_employee(NIP, "Citra Dewi")
    live_server.set_password(NIP)
    devices = [
        Device(tmp_path / f"d{n}", live_server, NIP, live_server.login(NIP)) for n in range(3)
    ]
    chance = random.Random(20260427)
    for _round in range(6):
        for device in devices:
            live = [r["id"] for r in device.store.records.list("training")]
            for _action in range(chance.randint(1, 3)):
                roll = chance.random()
                if not live or roll < 0.3:
                    live.append(device.create(training(title=f"Diklat {chance.randint(1, 99)}")))
                elif roll < 0.6:
                    record_id = chance.choice(live)
                    device.edit(
                        record_id, {**device.record(record_id)["data"], "jp": chance.randint(1, 60)}
                    )
                elif roll < 0.9:
                    record_id = chance.choice(live)
                    data = device.record(record_id)["data"]
                    device.edit(record_id, {**data, "title": f"Diklat {chance.randint(100, 199)}"})
                else:
                    record_id = live.pop(chance.randrange(len(live)))
                    device.store.records.delete("training", record_id, by=NIP)
        for device in chance.sample(devices, k=len(devices)):
            device.sync()
    settle(devices)
    expected = server_shape(live_server, devices[0].token)
    assert any(collection == "training" for collection, *_ in expected)
    for device in devices:
        assert device.outbox() == []
        assert device.shape() == expected


SQLITE_PARTS = ("", "-wal", "-shm")


def copy_database(server: LiveServer, to: Path) -> None:
    """The SQLite file with its write-ahead log, as a backup tool copies a stopped server."""
    server.stop()
    server.engine.dispose()
    to.mkdir()
    for part in SQLITE_PARTS:
        source = server.folder / f"kinerja.sqlite3{part}"
        if source.exists():
            shutil.copy(source, to / source.name)


def put_back(backup: Path, server: LiveServer) -> None:
    server.stop()
    server.engine.dispose()
    for part in SQLITE_PARTS:
        target = server.folder / f"kinerja.sqlite3{part}"
        target.unlink(missing_ok=True)
        if (backup / target.name).exists():
            shutil.copy(backup / target.name, target)


def test_a_server_restored_from_an_older_copy_gets_everything_back(
    live_server: LiveServer, tmp_path: Path
) -> None:
    live_server.add_employee(NIP, "Citra Dewi")
    live_server.set_password(NIP)
    laptop = Device(tmp_path / "laptop", live_server, NIP, live_server.login(NIP))
    kept, removed = (
        laptop.create(training(title="Sebelum cadangan")),
        laptop.create(training(title="Akan dihapus")),
    )
    laptop.sync()
    backup = tmp_path / "backup"
    copy_database(live_server, backup)
    live_server.restart()
    old_epoch = live_server.epoch()

    # work done after the backup, which the restore will wipe from the server
    office = Device(tmp_path / "office", live_server, NIP, live_server.login(NIP))
    laptop.edit(kept, training(title="Sesudah cadangan"))
    laptop.store.records.delete("training", removed, by=NIP)
    added = laptop.create(training(title="Baru sesudah cadangan"))
    laptop.sync()
    office.sync()
    office.edit(kept, training(title="Sesudah cadangan", jp=45))  # offline during the outage

    put_back(backup, live_server)
    live_server.restart()
    assert live_server.epoch() != old_epoch

    report = laptop.sync()
    assert report.epoch_changed and report.requeued == 3
    # office signed in after the backup was made: the restored server forgot that token
    assert office.engine().run_round().error == "auth"
    office.sign_in_again()
    office.sync()
    laptop.sync()
    server = {
        r["id"]: r for r in live_server.pull_all(laptop.token)[0] if r["collection"] == "training"
    }
    assert server[kept]["data"] == training(title="Sesudah cadangan", jp=45)
    assert server[removed]["deleted"] is True
    assert server[added]["data"] == training(title="Baru sesudah cadangan")
    expected = server_shape(live_server, laptop.token)
    assert laptop.shape() == expected == office.shape()
    assert laptop.outbox() == [] == office.outbox()


def test_after_a_restore_each_record_comes_back_from_a_device_allowed_to_write_it(
    live_server: LiveServer, tmp_path: Path
) -> None:
    ppk_nip, staff_nip = make_nip(30), make_nip(31)
    live_server.add_employee(ppk_nip, "Rahman Hasan")
    live_server.add_employee(staff_nip, "Sari Wulandari", atasan_nip=ppk_nip)
    for nip in (ppk_nip, staff_nip):
        live_server.set_password(nip)
    ppk = Device(tmp_path / "ppk", live_server, ppk_nip, live_server.login(ppk_nip))
    staff = Device(tmp_path / "staff", live_server, staff_nip, live_server.login(staff_nip))
    ppk.sync()
    staff.sync()
    backup = tmp_path / "backup"
    copy_database(live_server, backup)
    live_server.restart()

    feedback = ppk.create(
        {"text": "Laporan bulanan tepat waktu; pertahankan."}, "feedback", owner=staff_nip
    )
    ppk.sync()
    course = staff.create(training())
    staff.sync()
    assert staff.record(feedback, "feedback")["base"] is not None

    put_back(backup, live_server)
    live_server.restart()
    # the staff device can't write its PPK's umpan balik: it keeps it, quietly, and
    # puts back only its own training
    report = staff.sync()
    assert (report.requeued, report.applied, report.rejected) == (2, 1, 0)
    assert waiting(staff.store) == Waiting(pending=0, conflicts=0, rejected=0)
    assert staff.record(feedback, "feedback")["data"]["text"].startswith("Laporan bulanan")
    ppk.sync()
    staff.sync()
    server = {(r["collection"], r["id"]) for r in live_server.pull_all(ppk.token)[0]}
    assert {("feedback", feedback), ("training", course)} <= server
    assert staff.shape() == server_shape(live_server, staff.token)
