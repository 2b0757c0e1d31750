"""The server's clock decides: created_*, updated_*, a conflict's at, finalised_at, filed_at, decided_at."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from server import db
from tests.server import samples
from tests.server.office import ADMIN, KEPALA, PPK, STAFF, Office, code
from tests.support.live_server import LiveServer


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    server = LiveServer.start(Path(tmp_path_factory.mktemp("clock")))
    yield Office(server)
    server.close()


def _close_to_now(text: str) -> bool:
    return abs(datetime.fromisoformat(text) - db.now()) < timedelta(minutes=1)


def test_a_ppk_cannot_close_the_objection_window_with_an_old_finalised_at(office: Office) -> None:
    plan = office.plan("approved")
    backdated = samples.evaluation(office.period_id, plan["id"], final_days_ago=30)
    evaluation = office.write(PPK, "evaluation", backdated, owner=STAFF)
    stored = office.server.record_of("evaluation", id=evaluation["id"])["data"]
    assert stored["finalised_at"] != backdated["finalised_at"]
    assert _close_to_now(stored["finalised_at"])
    # The employee, who saw the evaluation today, may still object.
    objection = office.push(STAFF, "objection", samples.objection(evaluation["id"]), owner=STAFF)
    assert code(objection) == "applied"


def test_finalised_at_stays_when_the_atasan_ppk_changes_the_evaluation(office: Office) -> None:
    plan = office.plan("approved")
    final = samples.evaluation(office.period_id, plan["id"], final_days_ago=0)
    evaluation = office.write(PPK, "evaluation", final, owner=STAFF)
    first = office.server.record_of("evaluation", id=evaluation["id"])["data"]["finalised_at"]
    office.write(STAFF, "objection", samples.objection(evaluation["id"]), owner=STAFF)
    changed = dict(final, result_rating="above", finalised_at=samples.instant(-5))
    kw = {"owner": STAFF, "id": evaluation["id"], "base_rev": 1}
    assert code(office.push(KEPALA, "evaluation", changed, **kw)) == "applied"
    assert (
        office.server.record_of("evaluation", id=evaluation["id"])["data"]["finalised_at"] == first
    )


def test_a_draft_evaluation_has_no_finalised_at(office: Office) -> None:
    plan = office.plan("approved")
    draft = dict(samples.evaluation(office.period_id, plan["id"]), finalised_at=samples.instant(9))
    evaluation = office.write(PPK, "evaluation", draft, owner=STAFF)
    assert (
        office.server.record_of("evaluation", id=evaluation["id"])["data"]["finalised_at"] is None
    )


def test_filed_at_and_decided_at_come_from_the_server_and_stay(office: Office) -> None:
    plan = office.plan("approved")
    final = samples.evaluation(office.period_id, plan["id"], final_days_ago=0)
    evaluation = office.write(PPK, "evaluation", final, owner=STAFF)
    claimed = dict(samples.objection(evaluation["id"]), filed_at=samples.instant(20))
    objection = office.write(STAFF, "objection", claimed, owner=STAFF)
    filed = office.server.record_of("objection", id=objection["id"])["data"]["filed_at"]
    assert _close_to_now(filed) and filed != claimed["filed_at"]
    # An edit of the reason, claiming another filing time, keeps the first.
    edited = dict(claimed, reason="Alasan yang diperjelas.", filed_at=samples.instant(-3))
    kw = {"owner": STAFF, "id": objection["id"]}
    assert code(office.push(STAFF, "objection", edited, base_rev=1, **kw)) == "applied"
    stored = office.server.record_of("objection", id=objection["id"])["data"]
    assert stored["filed_at"] == filed
    decision = dict(samples.decision(KEPALA), decided_at="2001-01-01T00:00:00+00:00")
    decided = dict(stored, decision=decision)
    assert code(office.push(KEPALA, "objection", decided, base_rev=2, **kw)) == "applied"
    stored = office.server.record_of("objection", id=objection["id"])["data"]
    assert _close_to_now(stored["decision"]["decided_at"]) and stored["filed_at"] == filed


def test_who_made_and_changed_a_record_and_when_are_the_servers(office: Office) -> None:
    made = office.write(STAFF, "training", samples.training(), owner=STAFF)
    record = office.server.record_of("training", id=made["id"])
    assert record["created_by"] == record["updated_by"] == STAFF
    assert _close_to_now(record["created_at"]) and record["created_at"] == record["updated_at"]
    office.write(
        ADMIN,
        "training",
        samples.training(jp=9),
        owner=STAFF,
        id=made["id"],
        base_rev=1,
    )
    later = office.server.record_of("training", id=made["id"])
    assert (later["created_by"], later["created_at"]) == (STAFF, record["created_at"])
    assert later["updated_by"] != STAFF and later["updated_at"] >= record["updated_at"]
    # The feed carries them, and a conflict's ``at`` is the server's too.
    stale = office.push(
        STAFF, "training", samples.training(jp=3), owner=STAFF, id=made["id"], base_rev=1
    )
    assert stale["status"] == "conflict"
    assert stale["current"]["created_by"] == STAFF
    assert _close_to_now(stale["current"]["conflicts"][0]["at"])
    changes, _next = office.server.pull_all(office.tokens[STAFF])
    pulled = next(c for c in changes if c["id"] == made["id"])
    assert pulled["created_by"] == STAFF and pulled["created_at"] == record["created_at"]


def test_the_window_is_judged_on_the_servers_day_of_the_first_push(office: Office) -> None:
    plan = office.plan("approved")
    final = samples.evaluation(office.period_id, plan["id"], final_days_ago=0)
    evaluation = office.write(PPK, "evaluation", final, owner=STAFF)
    office.finalised_days_ago(evaluation["id"], 15)
    # A client claiming it filed on day 2 is judged by today, the day it arrives.
    claimed = dict(samples.objection(evaluation["id"]), filed_at=samples.instant(13))
    assert code(office.push(STAFF, "objection", claimed, owner=STAFF)) == "forbidden"
