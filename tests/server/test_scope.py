"""What a client holds: /changes carries what its user works on; /records the rest they may read.

And acting officials (Plt/Plh): while an assignment runs, the official has
the holder's rights and pulls what the holder's PPK work needs, including
what was written before the assignment began.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from domain.deadlines import office_date
from server import db
from tests.server import samples
from tests.server.office import ADMIN, KEPALA, PPK, STAFF, STRANGER, Office, code
from tests.support.live_server import LiveServer, make_nip

STAFF_OF_STAFF = make_nip(6)


@pytest.fixture(params=["sqlite", "postgresql"])
def office(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Office]:
    url = None if request.param == "sqlite" else str(request.getfixturevalue("pg_database"))
    server = LiveServer.start(tmp_path / "server", url)
    world = Office(server)
    server.add_employee(STAFF_OF_STAFF, "Staf Magang", atasan_nip=STAFF)
    world.tokens[STAFF_OF_STAFF] = server.token_for(STAFF_OF_STAFF)
    yield world
    server.close()


def _ids(records: list[dict[str, Any]]) -> set[str]:
    return {record["id"] for record in records}


def fetch(office: Office, nip: str, owner: str, collection: str | None = None) -> set[str]:
    params = {"owner": owner} | ({"collection": collection} if collection else {})
    with office.server.client(office.tokens[nip]) as client:
        answer = client.get("/records", params=params)
    assert answer.status_code == 200, answer.text
    return _ids(answer.json()["records"])


def test_the_feed_carries_ones_work_and_the_instansi_not_everyone(office: Office) -> None:
    plan = office.plan("submitted", items=1)
    training = office.write(STAFF, "training", samples.training(), owner=STAFF)
    feedback = office.write(PPK, "feedback", samples.feedback(), owner=STAFF)
    foreign = office.write(STRANGER, "training", samples.training(), owner=STRANGER)
    staffs = {plan["id"], *plan["items"], training["id"], feedback["id"]}
    feeds = {nip: _ids(office.server.pull_all(token)[0]) for nip, token in office.tokens.items()}
    assert staffs <= feeds[STAFF] and staffs <= feeds[PPK]
    # The atasan PPK works on the plan, not on the training or the feedback.
    assert {plan["id"], *plan["items"]} <= feeds[KEPALA]
    assert not {training["id"], feedback["id"]} & feeds[KEPALA]
    # The admin syncs what an HR officer works on; the employees, units, periods all.
    assert not (staffs | {foreign["id"]}) & feeds[ADMIN]
    assert not staffs & feeds[STRANGER] and foreign["id"] in feeds[STRANGER]
    everyone = office.server.record_of("employee", owner=STAFF)["id"]
    assert all(everyone in feed and office.period_id in feed for feed in feeds.values())
    # Nor does STAFF's own subordinate pull STAFF's plan: that is fetched when opened.
    assert plan["id"] not in feeds[STAFF_OF_STAFF]


def test_records_on_demand_follow_the_permission_table(office: Office) -> None:
    plan = office.plan("draft", items=1)
    training = office.write(STAFF, "training", samples.training(), owner=STAFF)
    assert fetch(office, ADMIN, STAFF) >= {plan["id"], *plan["items"], training["id"]}
    assert fetch(office, ADMIN, STAFF, "training") == {training["id"]}
    assert fetch(office, STRANGER, STAFF) == {
        office.server.record_of("employee", owner=STAFF)["id"]
    }
    # A subordinate reads the atasan's SKP and its RHK once submitted, not the draft.
    assert not {plan["id"], *plan["items"]} & fetch(office, STAFF_OF_STAFF, STAFF)
    office.write(
        STAFF, "plan", samples.plan(office.period_id, PPK, status="submitted"),
        owner=STAFF, id=plan["id"], base_rev=plan["rev"],
    )  # fmt: skip
    assert fetch(office, STAFF_OF_STAFF, STAFF) >= {plan["id"], *plan["items"]}
    assert training["id"] not in fetch(office, STAFF_OF_STAFF, STAFF)
    deleted = office.write(STAFF, "training", samples.training(title="Batal"), owner=STAFF)
    office.write(STAFF, "training", {}, owner=STAFF, id=deleted["id"], op="delete", base_rev=1)
    assert deleted["id"] not in fetch(office, ADMIN, STAFF)
    with office.server.client(office.tokens[ADMIN]) as client:
        for params in ({}, {"owner": "bukan-nip"}, {"owner": STAFF, "collection": "gaji"}):
            assert client.get("/records", params=params).status_code == 400, params


def _wit_date(days: float = 0) -> str:
    return office_date(db.now() + timedelta(days=days)).isoformat()


def acting(nip: str, for_nip: str, start: str, end: str) -> dict[str, Any]:
    return {
        "nip": nip,
        "for_nip": for_nip,
        "kind": "plt",
        "start": start,
        "end": end,
        "decree": None,
    }


def test_an_acting_official_pulls_the_holders_team_when_the_assignment_starts(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = office.plan("submitted", items=1)
    training = office.write(STAFF, "training", samples.training(), owner=STAFF)
    staffs = {plan["id"], *plan["items"], training["id"]}
    office.write(
        ADMIN, "acting", acting(STRANGER, PPK, _wit_date(1), _wit_date(10)), owner=STRANGER
    )
    token = office.tokens[STRANGER]
    before, cursor = office.server.pull_all(token)
    assert not staffs & _ids(before)
    approve = samples.plan(office.period_id, PPK, status="approved")
    kw = {"owner": STAFF, "id": plan["id"], "base_rev": plan["rev"]}
    assert code(office.push(STRANGER, "plan", approve, **kw)) == "forbidden"  # not yet

    real_now = db.now
    monkeypatch.setattr(db, "now", lambda: real_now() + timedelta(days=1))  # the start day
    changes, later = office.server.pull_all(token, since=cursor)
    assert staffs <= _ids(changes)
    # A lost answer: the same pull brings them again; past that page they do not come again.
    assert staffs <= _ids(office.server.pull_all(token, since=cursor)[0])
    assert not staffs & _ids(office.server.pull_all(token, since=later)[0])
    assert code(office.push(STRANGER, "plan", approve, **kw)) == "applied"
    # The second line too: the acting official is atasan PPK of the holder's staff's staff.
    intern = office.write(
        STAFF_OF_STAFF, "plan", samples.plan(office.period_id, STAFF), owner=STAFF_OF_STAFF
    )
    assert intern["id"] in _ids(office.server.pull_all(token, since=later)[0])

    monkeypatch.setattr(db, "now", lambda: real_now() + timedelta(days=11))  # after the end
    returned = dict(approve, status="returned", return_note="Perbaiki target.")
    kw["base_rev"] = plan["rev"] + 1
    # Approved: immutable for everyone but its PPK, whom STRANGER no longer stands in for.
    assert code(office.push(STRANGER, "plan", returned, **kw)) == "immutable"
    assert code(office.push(PPK, "plan", returned, **kw)) == "applied"  # the holder keeps theirs


def test_an_assignment_written_while_it_runs_widens_the_feed_at_once(office: Office) -> None:
    feedback = office.write(PPK, "feedback", samples.feedback(), owner=STAFF)
    token = office.tokens[KEPALA]
    _before, cursor = office.server.pull_all(token)
    # KEPALA stands in for PPK: now PPK of STAFF, KEPALA reads the feedback (PPK's) too.
    office.write(ADMIN, "acting", acting(KEPALA, PPK, _wit_date(0), _wit_date(3)), owner=KEPALA)
    assert feedback["id"] in _ids(office.server.pull_all(token, since=cursor)[0])
