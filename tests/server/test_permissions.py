"""The permission table of protocol.md through the server, each row once each way.

The org: KEPALA is the atasan of PPK, who is the atasan (PPK) of STAFF; so
KEPALA is STAFF's atasan PPK. STRANGER stands in no relation to STAFF, and
ADMIN is the admin kinerja. The exhaustive rules are tested in tests/domain;
here each row is shown enforced on push and on pull.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from domain.permissions import PUBLIC
from server import db
from tests.server import office as office_world
from tests.server import samples
from tests.server.office import ADMIN, KEPALA, PPK, STAFF, STRANGER
from tests.server.office import code as _code
from tests.support.live_server import LiveServer


class Office(office_world.Office):
    def readers(self, record_id: str) -> set[str]:
        """Who among the five may read the record (``GET /records``).

        And, checked on the way, who finds it in their feed: the same people
        but the admin, who syncs only what they work on (they head nobody here),
        except for the records everyone reads.
        """
        owner, public = self._owner_of(record_id)
        readers, carried = set(), set()
        for nip, token in self.tokens.items():
            changes, _next = self.server.pull_all(token)
            if any(change["id"] == record_id for change in changes):
                carried.add(nip)
            if owner is not None:
                with self.server.client(token) as client:
                    found = client.get("/records", params={"owner": owner}).json()["records"]
                if any(record["id"] == record_id for record in found):
                    readers.add(nip)
        if public:
            return carried
        assert carried == readers - {ADMIN}, (carried, readers)
        return readers

    def _owner_of(self, record_id: str) -> tuple[str | None, bool]:
        with db.reading(self.server.engine) as conn:
            row = conn.execute(
                select(db.records.c.owner, db.records.c.collection).where(
                    db.records.c.id == record_id
                )
            ).one()
        return row.owner, row.collection in PUBLIC or row.owner is None


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    server = LiveServer.start(Path(tmp_path_factory.mktemp("office")))
    yield Office(server)
    server.close()


LINE = {STAFF, PPK, KEPALA, ADMIN}  # owner, PPK, atasan PPK, admin


def test_employee_unit_period_written_by_admin_read_by_everyone(office: Office) -> None:
    unit = {"name": "Bidang Perizinan", "parent_id": None, "head_nip": None, "ratings": {}}
    made = office.write(ADMIN, "unit", unit, owner=None)
    assert _code(office.push(STAFF, "unit", unit, owner=None)) == "forbidden"
    assert _code(office.push(PPK, "period", samples.period(), owner=None)) == "forbidden"
    assert office.readers(made["id"]) == {KEPALA, PPK, STAFF, STRANGER, ADMIN}
    assert office.readers(office.period_id) == {KEPALA, PPK, STAFF, STRANGER, ADMIN}


def test_plan_owner_drafts_ppk_approves_others_may_not(office: Office) -> None:
    assert (
        _code(office.push(STRANGER, "plan", samples.plan(office.period_id, PPK), owner=STAFF))
        == "forbidden"
    )
    plan = office.plan("submitted")
    # The owner may not approve their own plan; the PPK may.
    approved = samples.plan(office.period_id, PPK, status="approved")
    assert (
        _code(office.push(STAFF, "plan", approved, owner=STAFF, id=plan["id"], base_rev=2))
        == "forbidden"
    )
    assert (
        _code(office.push(PPK, "plan", approved, owner=STAFF, id=plan["id"], base_rev=2))
        == "applied"
    )
    # Approved: immutable for the owner.
    draft = samples.plan(office.period_id, PPK, status="draft")
    assert (
        _code(office.push(STAFF, "plan", draft, owner=STAFF, id=plan["id"], base_rev=3))
        == "immutable"
    )
    assert office.readers(plan["id"]) == LINE


def test_plan_item_by_the_owner_while_draft_immutable_once_approved(office: Office) -> None:
    plan = office.plan("draft")
    item = office.write(STAFF, "plan_item", samples.plan_item(plan["id"]), owner=STAFF)
    assert (
        _code(office.push(PPK, "plan_item", samples.plan_item(plan["id"]), owner=STAFF))
        == "forbidden"
    )
    approved = office.plan("approved")
    late = office.push(STAFF, "plan_item", samples.plan_item(approved["id"]), owner=STAFF)
    assert _code(late) == "immutable"
    assert office.readers(item["id"]) == LINE


def test_progress_by_the_owner_only_once_the_plan_is_approved(office: Office) -> None:
    draft = office.plan("draft")
    draft_item = office.write(STAFF, "plan_item", samples.plan_item(draft["id"]), owner=STAFF)
    early = office.push(
        STAFF, "progress", samples.progress(draft_item["id"], office.period_id), owner=STAFF
    )
    assert _code(early) == "forbidden"
    plan = office.plan("draft")
    item = office.write(STAFF, "plan_item", samples.plan_item(plan["id"]), owner=STAFF)
    office.write(
        STAFF,
        "plan",
        samples.plan(office.period_id, PPK, status="submitted"),
        owner=STAFF,
        id=plan["id"],
        base_rev=1,
    )
    office.write(
        PPK,
        "plan",
        samples.plan(office.period_id, PPK, status="approved"),
        owner=STAFF,
        id=plan["id"],
        base_rev=2,
    )
    made = office.write(
        STAFF, "progress", samples.progress(item["id"], office.period_id), owner=STAFF
    )
    assert (
        _code(
            office.push(
                PPK, "progress", samples.progress(item["id"], office.period_id), owner=STAFF
            )
        )
        == "forbidden"
    )
    assert office.readers(made["id"]) == LINE


def test_feedback_by_the_ppk_the_owner_only_acknowledges(office: Office) -> None:
    made = office.write(PPK, "feedback", samples.feedback(), owner=STAFF)
    assert _code(office.push(STAFF, "feedback", samples.feedback(), owner=STAFF)) == "forbidden"
    assert _code(office.push(KEPALA, "feedback", samples.feedback(), owner=STAFF)) == "forbidden"
    acknowledged = dict(samples.feedback(), acknowledged_at=samples.instant())
    assert (
        _code(office.push(STAFF, "feedback", acknowledged, owner=STAFF, id=made["id"], base_rev=1))
        == "applied"
    )
    assert office.readers(made["id"]) == {STAFF, PPK, ADMIN}


def test_evaluation_by_the_ppk_until_final(office: Office) -> None:
    plan = office.plan("approved")
    assert (
        _code(
            office.push(
                STAFF, "evaluation", samples.evaluation(office.period_id, plan["id"]), owner=STAFF
            )
        )
        == "forbidden"
    )
    made = office.write(
        PPK,
        "evaluation",
        samples.evaluation(office.period_id, plan["id"], final_days_ago=0),
        owner=STAFF,
    )
    again = samples.evaluation(office.period_id, plan["id"])
    assert (
        _code(office.push(PPK, "evaluation", again, owner=STAFF, id=made["id"], base_rev=1))
        == "immutable"
    )
    assert office.readers(made["id"]) == LINE


def test_objection_by_the_owner_within_14_days_decided_by_the_atasan_ppk(office: Office) -> None:
    recent, old = (
        office.write(
            PPK,
            "evaluation",
            samples.evaluation(office.period_id, office.plan("approved")["id"], final_days_ago=0),
            owner=STAFF,
        )
        for _ in range(2)
    )
    office.finalised_days_ago(old["id"], 20)
    assert (
        _code(office.push(STAFF, "objection", samples.objection(old["id"]), owner=STAFF))
        == "forbidden"
    )
    assert (
        _code(office.push(PPK, "objection", samples.objection(recent["id"]), owner=STAFF))
        == "forbidden"
    )
    made = office.write(STAFF, "objection", samples.objection(recent["id"]), owner=STAFF)
    decided = dict(samples.objection(recent["id"]), decision=samples.decision(PPK))
    assert (
        _code(office.push(PPK, "objection", decided, owner=STAFF, id=made["id"], base_rev=1))
        == "forbidden"
    )
    current = office.server.record_of("objection", id=made["id"])["data"]
    decided = dict(current, decision=samples.decision(KEPALA))
    assert (
        _code(office.push(KEPALA, "objection", decided, owner=STAFF, id=made["id"], base_rev=1))
        == "applied"
    )
    assert office.readers(made["id"]) == LINE


def test_training_by_the_owner_or_admin(office: Office) -> None:
    made = office.write(STAFF, "training", samples.training(), owner=STAFF)
    office.write(ADMIN, "training", samples.training(title="Latsar CPNS"), owner=STAFF)
    assert _code(office.push(PPK, "training", samples.training(), owner=STAFF)) == "forbidden"
    assert office.readers(made["id"]) == {STAFF, PPK, ADMIN}


def test_follow_up_by_the_ppk_or_admin(office: Office) -> None:
    made = office.write(PPK, "follow_up", samples.follow_up(), owner=STAFF)
    office.write(ADMIN, "follow_up", samples.follow_up(), owner=STAFF)
    assert _code(office.push(STAFF, "follow_up", samples.follow_up(), owner=STAFF)) == "forbidden"
    assert office.readers(made["id"]) == LINE


def test_the_atasan_ppk_changes_an_evaluation_only_while_an_objection_awaits(
    office: Office,
) -> None:
    plan = office.plan("approved")
    final = samples.evaluation(office.period_id, plan["id"], final_days_ago=1)
    evaluation = office.write(PPK, "evaluation", final, owner=STAFF)
    changed = dict(final, result_rating="above", predikat="good")
    kw = {"owner": STAFF, "id": evaluation["id"], "base_rev": 1}
    assert _code(office.push(KEPALA, "evaluation", changed, **kw)) == "forbidden"
    office.write(STAFF, "objection", samples.objection(evaluation["id"]), owner=STAFF)
    assert _code(office.push(KEPALA, "evaluation", changed, **kw)) == "applied"
