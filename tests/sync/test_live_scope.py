"""A client holds only what its user works on, and its scope follows the organisation.

A new subordinate or an acting assignment brings records (the server's
backfill); a move away or an ended assignment lets them go on the client,
except records with an edit of ours still waiting.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sync import engine as engine_module
from tests.server import samples
from tests.server.office import ADMIN, KEPALA, PPK, STAFF, STRANGER, Office
from tests.server.test_scope import _wit_date, acting
from tests.support.live_server import LiveServer
from tests.sync.devices import Device


@pytest.fixture(params=["sqlite", "postgresql"])
def office(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Office]:
    url = None if request.param == "sqlite" else str(request.getfixturevalue("pg_database"))
    server = LiveServer.start(tmp_path / "server", url)
    yield Office(server)
    server.close()


def device(office: Office, nip: str, home: Path) -> Device:
    return Device(home, office.server, nip, office.tokens[nip])


def held(device: Device, collection: str) -> set[str]:
    return {r["id"] for r in device.store.records.list(collection, include_deleted=True)}


def test_a_client_holds_its_scope_and_lets_a_moved_subordinate_go(
    office: Office, tmp_path: Path
) -> None:
    training = office.write(STAFF, "training", samples.training(), owner=STAFF)["id"]
    stranger_own = office.write(STRANGER, "training", samples.training(), owner=STRANGER)["id"]
    ppk, stranger = device(office, PPK, tmp_path / "ppk"), device(office, STRANGER, tmp_path / "s")
    ppk.sync(), stranger.sync()
    assert held(ppk, "training") == {training}
    assert held(stranger, "training") == {stranger_own}
    assert len(held(ppk, "employee")) == 5  # the instansi's people are everyone's

    office.server.add_employee(STAFF, "Staf Pelayanan", atasan_nip=STRANGER)  # moved
    assert ppk.sync().let_go >= 1
    assert held(ppk, "training") == set()
    stranger.sync()
    assert held(stranger, "training") == {stranger_own, training}


def test_a_new_profiles_first_round_keeps_all_it_was_sent_without_a_walk(
    office: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    training = office.write(STAFF, "training", samples.training(), owner=STAFF)["id"]
    walks: list[object] = []
    monkeypatch.setattr(engine_module, "let_go", lambda tx, today: walks.append(today) or 0)
    ppk = device(office, PPK, tmp_path / "ppk")
    report = ppk.sync()
    assert (report.let_go, walks) == (0, [])  # everything came judged by the server
    assert held(ppk, "training") == {training}
    office.server.add_employee(STAFF, "Staf Pelayanan", atasan_nip=STRANGER)
    ppk.sync()  # held before this round: the move is walked
    assert len(walks) == 1


def test_an_edit_waiting_keeps_its_record_after_the_move(office: Office, tmp_path: Path) -> None:
    feedback = office.write(PPK, "feedback", samples.feedback(), owner=STAFF)
    ppk = device(office, PPK, tmp_path / "ppk")
    ppk.sync()
    office.server.add_employee(STAFF, "Staf Pelayanan", atasan_nip=STRANGER)
    ppk.edit(feedback["id"], samples.feedback("Tingkatkan lagi."), collection="feedback")
    report = ppk.engine().run_round()
    assert report.rejected == 1  # no longer STAFF's PPK: the server refuses it
    kept = ppk.store.records.get("feedback", feedback["id"])
    assert kept is not None and kept.get("rejected")


def test_an_acting_assignment_brings_the_team_and_its_end_lets_it_go(
    office: Office, tmp_path: Path
) -> None:
    training = office.write(STAFF, "training", samples.training(), owner=STAFF)["id"]
    kepala = device(office, KEPALA, tmp_path / "kepala")
    kepala.sync()
    assert training not in held(kepala, "training")  # the atasan PPK does not read training
    assignment = acting(KEPALA, PPK, _wit_date(0), _wit_date(3))
    made = office.write(ADMIN, "acting", assignment, owner=KEPALA)
    kepala.sync()
    assert training in held(kepala, "training")  # standing in for STAFF's PPK
    ended = dict(assignment, start=_wit_date(-2), end=_wit_date(-1))
    office.write(ADMIN, "acting", ended, owner=KEPALA, id=made["id"], base_rev=made["rev"])
    assert kepala.sync().let_go >= 1
    assert training not in held(kepala, "training")
