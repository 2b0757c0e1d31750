"""The organisation shared by server and client: atasan, activity, acting officials."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from domain.org import Organisation
from domain.permissions import (
    ATASAN_PPK,
    PPK,
    SUBORDINATE,
    Actor,
    WriteAttempt,
    can_read,
    check_write,
    relations,
)
from tests.domain.samples import ADMIN, STAFF, STRANGER, valid
from tests.domain.samples import ATASAN_PPK as BOSS
from tests.domain.samples import PPK as SUPERIOR


def employee(nip: str, atasan: str | None, *, active: bool = True, **extra: Any) -> dict[str, Any]:
    data = valid("employee", nip=nip, atasan_nip=atasan, active=active, **extra)
    return {
        "collection": "employee",
        "id": f"e-{nip}",
        "owner": nip,
        "deleted": False,
        "data": data,
    }


def acting(nip: str, for_nip: str, start: str, end: str, record_id: str = "a1") -> dict[str, Any]:
    data = valid("acting", nip=nip, for_nip=for_nip, start=start, end=end)
    return {"collection": "acting", "id": record_id, "owner": None, "deleted": False, "data": data}


def office() -> Organisation:
    return Organisation(
        [
            employee(STAFF, SUPERIOR),
            employee(SUPERIOR, BOSS),
            employee(BOSS, None),
            employee(STRANGER, ADMIN),
            employee(ADMIN, None, roles=["admin"]),
            acting(STRANGER, SUPERIOR, "2026-07-01", "2026-07-14"),
        ]
    )


DURING = date(2026, 7, 14)
AFTER = date(2026, 7, 15)


def test_the_acting_official_is_ppk_on_the_acting_days_only() -> None:
    org = office()
    assert PPK in relations(Actor(STRANGER), STAFF, org.on(DURING))
    assert PPK not in relations(Actor(STRANGER), STAFF, org.on(AFTER))
    assert PPK not in relations(Actor(STRANGER), STAFF, org.on(date(2026, 6, 30)))
    # the holder keeps their rights
    assert PPK in relations(Actor(SUPERIOR), STAFF, org.on(DURING))


def test_standing_in_for_a_ppk_makes_one_atasan_ppk_of_their_staffs_staff() -> None:
    org = office()
    org.apply(employee("199502022020122006", STAFF))
    rels = relations(Actor(STRANGER), "199502022020122006", org.on(DURING))
    assert ATASAN_PPK in rels


def test_acting_days_are_counted_on_sofifis_calendar() -> None:
    org = office()
    # 14 July 20:00 UTC is already 15 July in Sofifi (WIT, UTC+9): the assignment has ended.
    late = datetime(2026, 7, 14, 20, 0, tzinfo=UTC)
    assert org.on(late).day == AFTER
    assert PPK not in relations(Actor(STRANGER), STAFF, org.on(late))


def test_nobody_gains_rights_over_their_own_records_by_acting() -> None:
    org = office()
    org.apply(acting(STAFF, SUPERIOR, "2026-07-01", "2026-07-31", "a2"))
    assert relations(Actor(STAFF), STAFF, org.on(DURING)) == {"owner"}


def test_an_ended_or_deleted_acting_record_gives_nothing() -> None:
    org = office()
    gone = dict(acting(STRANGER, SUPERIOR, "2026-07-01", "2026-07-14"), deleted=True)
    org.apply(gone)
    assert org.stands_in_for(STRANGER, DURING) == frozenset()
    assert org.on(DURING).team_of(STRANGER) == []


def test_the_acting_official_approves_during_the_dates_and_not_after() -> None:
    org = office()
    before = valid("plan", status="submitted")
    attempt = WriteAttempt(
        "plan", STAFF, "upsert", before, dict(before, status="approved"), now=datetime.now(UTC)
    )
    assert check_write(Actor(STRANGER), attempt, org.on(DURING)) is None
    denial = check_write(Actor(STRANGER), attempt, org.on(AFTER))
    assert denial is not None and denial.code == "forbidden"


def test_team_and_scope_follow_acting() -> None:
    org = office()
    day = org.on(DURING)
    assert day.team_of(STRANGER) == [STAFF]
    assert day.scope_of(STRANGER) == {STRANGER, STAFF}
    assert org.on(AFTER).scope_of(STRANGER) == {STRANGER}
    assert day.scope_of(BOSS) == {BOSS, SUPERIOR, STAFF}


def test_an_inactive_employee_holds_no_roles() -> None:
    org = office()
    org.apply(employee(ADMIN, None, active=False, roles=["admin"]))
    assert org.roles_of(ADMIN) == frozenset()
    assert not org.is_active(ADMIN)


def test_nobody_is_their_own_atasan() -> None:
    org = Organisation([employee(STAFF, STAFF)])
    assert org.atasan_of(STAFF) is None


@pytest.mark.parametrize(
    ("nip", "atasan", "cycle"),
    [
        (BOSS, STAFF, True),  # STAFF -> SUPERIOR -> BOSS
        (BOSS, SUPERIOR, True),
        (SUPERIOR, BOSS, False),
        (STAFF, STRANGER, False),
        (STAFF, None, False),
        (STAFF, STAFF, True),
    ],
)
def test_a_cycle_in_the_atasan_chain_is_found(nip: str, atasan: str | None, cycle: bool) -> None:
    assert office().makes_cycle(nip, atasan) is cycle


def test_subordinates_read_their_atasans_plan_once_submitted() -> None:
    day = office().on(DURING)
    me = Actor(STAFF)
    assert SUBORDINATE in relations(me, SUPERIOR, day)
    for status, shown in (("draft", False), ("returned", False), ("submitted", True)):
        for collection in ("plan", "plan_item"):
            assert can_read(me, collection, SUPERIOR, day, plan_status=status) is shown
    assert can_read(me, "plan", SUPERIOR, day, plan_status="approved")
    assert not can_read(me, "plan", SUPERIOR, day)  # the status unknown: not shown
    # only the RHK and the plan: their realisasi and evaluations stay private
    for collection in ("progress", "evaluation", "feedback", "training"):
        assert not can_read(me, collection, SUPERIOR, day, plan_status="approved")


def test_the_ppk_may_not_acknowledge_feedback_the_owner_may() -> None:
    day = office().on(DURING)
    before = valid("feedback", acknowledged_at=None)
    after = dict(before, acknowledged_at="2026-07-10T09:00:00+09:00")
    attempt = WriteAttempt("feedback", STAFF, "upsert", before, after, now=datetime.now(UTC))
    denial = check_write(Actor(SUPERIOR), attempt, day)
    assert denial is not None and denial.reason == "feedback_acknowledge_owner"
    assert check_write(Actor(STAFF), attempt, day) is None
