"""domain.references: what a record may point at, allowed and refused, with a lookup of records."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pytest

from domain.org import Organisation
from domain.references import Change, blobs_named, reference_issues
from tests.domain.samples import (
    ADMIN,
    ATASAN_PPK,
    EVALUATION_ID,
    ITEM_ID,
    PERIOD_ID,
    PLAN_ID,
    PPK,
    STAFF,
    STRANGER,
    valid,
)
from tests.domain.test_org import employee

OTHER_PLAN, DRAFT_PLAN, SECOND_PERIOD = "plan-of-stranger", "draft-plan", "period-2"


class Held:
    """A lookup over a list of records, as a store or the server holds them."""

    def __init__(self, records: Iterable[dict[str, Any]]) -> None:
        self.records = {(r["collection"], r["id"]): r for r in records}

    def get(self, collection: str, record_id: str) -> Mapping[str, Any] | None:
        return self.records.get((collection, record_id))

    def owned_by(self, collection: str, owner: str) -> list[Mapping[str, Any]]:
        return [r for (c, _i), r in self.records.items() if c == collection and r["owner"] == owner]

    def add(self, collection: str, record_id: str, owner: str | None, **data: Any) -> None:
        self.records[(collection, record_id)] = {
            "collection": collection,
            "id": record_id,
            "owner": owner,
            "deleted": False,
            "data": valid(collection, **data),
        }


def office() -> tuple[Held, Organisation]:
    held = Held([])
    held.add("period", PERIOD_ID, None)
    held.add("period", SECOND_PERIOD, None)
    held.add("plan", PLAN_ID, STAFF, status="approved")
    held.add("plan", DRAFT_PLAN, STAFF, status="draft")
    held.add("plan", OTHER_PLAN, STRANGER, status="approved")
    held.add("plan_item", ITEM_ID, STAFF)
    held.add("evaluation", EVALUATION_ID, STAFF, status="draft")
    org = Organisation(
        [
            employee(STAFF, PPK),
            employee(PPK, ATASAN_PPK),
            employee(ATASAN_PPK, None),
            employee(STRANGER, ADMIN),
            employee(ADMIN, None, roles=["admin"]),
        ]
    )
    return held, org


def issues(
    collection: str,
    after: dict[str, Any] | None,
    before: dict[str, Any] | None = None,
    *,
    owner: str | None = STAFF,
    record_id: str = "new-record",
    held: Held | None = None,
) -> list[tuple[str, str]]:
    lookup, org = office()
    found = reference_issues(
        Change(collection, record_id, owner, before, after), held or lookup, org
    )
    for issue in found:
        assert issue.message("id") and issue.message("en")
    return [(i.field, i.code) for i in found]


CASES: list[tuple[str, str, dict[str, Any], list[tuple[str, str]]]] = [
    # name, collection, data changes, issues
    ("plan on an existing period", "plan", {}, []),
    ("plan on no period", "plan", {"period_id": "nope"}, [("period_id", "reference_missing")]),
    ("RHK of one's own plan", "plan_item", {}, []),
    (
        "RHK of another's plan",
        "plan_item",
        {"plan_id": OTHER_PLAN},
        [("plan_id", "reference_other_owner")],
    ),
    ("RHK of a random plan", "plan_item", {"plan_id": "x"}, [("plan_id", "reference_missing")]),
    ("realisasi, one value per indicator", "progress", {"values": [1]}, []),
    (
        "realisasi, three values for one",
        "progress",
        {"values": [1, 2, 3]},
        [("values", "values_count")],
    ),
    (
        "realisasi of a missing RHK",
        "progress",
        {"plan_item_id": "x"},
        [("plan_item_id", "reference_missing")],
    ),
    ("feedback on any period", "feedback", {"period_id": SECOND_PERIOD}, []),
    (
        "final on an approved plan, another period",
        "evaluation",
        {"status": "final", "period_id": SECOND_PERIOD},
        [],
    ),
    (
        "evaluation of a random plan",
        "evaluation",
        {"plan_id": "x"},
        [("plan_id", "reference_missing")],
    ),
    (
        "evaluation of a foreign plan",
        "evaluation",
        {"plan_id": OTHER_PLAN},
        [("plan_id", "reference_other_owner")],
    ),
    (
        "a second evaluation of one plan and period",
        "evaluation",
        {"status": "draft"},
        [("period_id", "evaluation_exists")],
    ),
    (
        "a second period's evaluation",
        "evaluation",
        {"period_id": SECOND_PERIOD, "status": "draft"},
        [],
    ),
    (
        "final on a draft plan",
        "evaluation",
        {"plan_id": DRAFT_PLAN, "status": "final"},
        [("status", "final_needs_approved")],
    ),
    ("objection to one's evaluation", "objection", {}, []),
    (
        "objection to a missing evaluation",
        "objection",
        {"evaluation_id": "x"},
        [("evaluation_id", "reference_missing")],
    ),
    ("follow-up of no evaluation", "follow_up", {"evaluation_id": None}, []),
    (
        "follow-up of a missing evaluation",
        "follow_up",
        {"evaluation_id": "x"},
        [("evaluation_id", "reference_missing")],
    ),
    ("training names nothing", "training", {}, []),
]


@pytest.mark.parametrize(
    ("name", "collection", "changes", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_references_of_a_new_record(
    name: str, collection: str, changes: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    assert issues(collection, valid(collection, **changes)) == expected


@pytest.mark.parametrize(
    ("collection", "field", "other"),
    [
        ("plan_item", "plan_id", DRAFT_PLAN),
        ("progress", "plan_item_id", "another-item"),
        ("evaluation", "plan_id", DRAFT_PLAN),
        ("objection", "evaluation_id", "another-evaluation"),
    ],
)
def test_a_fixed_reference_never_changes(collection: str, field: str, other: str) -> None:
    stored = valid(collection)
    assert issues(collection, dict(stored), stored, record_id="r") == []
    # The attack of the issue: re-pointing an RHK of an approved SKP to one's own draft.
    assert issues(collection, dict(stored, **{field: other}), stored, record_id="r") == [
        (field, "reference_changed")
    ]


def test_a_reference_is_checked_when_set_not_at_every_edit() -> None:
    held, _org = office()
    stored = valid("feedback", plan_item_id="since-deleted")
    acknowledged = dict(stored, acknowledged_at="2026-03-01T08:00:00+09:00")
    assert issues("feedback", acknowledged, stored, held=held) == []
    assert issues("feedback", valid("feedback", plan_item_id="since-deleted"), held=held) == [
        ("plan_item_id", "reference_missing")
    ]


def test_a_deleted_record_is_no_reference_and_a_delete_names_nothing() -> None:
    held, _org = office()
    held.records[("plan", DRAFT_PLAN)]["deleted"] = True
    assert issues("plan_item", valid("plan_item", plan_id=DRAFT_PLAN), held=held) == [
        ("plan_id", "reference_missing")
    ]
    assert issues("plan_item", None, valid("plan_item", plan_id=DRAFT_PLAN), held=held) == []


def test_a_plan_holds_at_most_fifty_rhk() -> None:
    held, _org = office()
    for n in range(49):
        held.add("plan_item", f"item-{n}", STAFF, plan_id=DRAFT_PLAN)
    held.add("plan_item", "deleted-one", STAFF, plan_id=DRAFT_PLAN)
    held.records[("plan_item", "deleted-one")]["deleted"] = True
    fiftieth = valid("plan_item", plan_id=DRAFT_PLAN)
    assert issues("plan_item", fiftieth, held=held) == []
    held.add("plan_item", "item-49", STAFF, plan_id=DRAFT_PLAN)
    assert issues("plan_item", fiftieth, held=held) == [("plan_id", "plan_full")]
    # Editing one of the fifty is fine.
    stored = held.records[("plan_item", "item-3")]["data"]
    assert (
        issues("plan_item", dict(stored, text="Baru"), stored, record_id="item-3", held=held) == []
    )


def test_an_evaluation_already_final_stays_editable_for_its_objection() -> None:
    final = valid("evaluation", plan_id=DRAFT_PLAN, period_id=SECOND_PERIOD)
    changed = dict(final, result_rating="above", predikat="very_good")
    assert issues("evaluation", changed, final, record_id="r") == []


NIPS: list[tuple[str, str, dict[str, Any], str | None, list[tuple[str, str]]]] = [
    ("atasan is a known employee", "employee", {"nip": STAFF, "atasan_nip": PPK}, STAFF, []),
    ("no atasan", "employee", {"nip": STAFF, "atasan_nip": None}, STAFF, []),
    (
        "own atasan",
        "employee",
        {"nip": STAFF, "atasan_nip": STAFF},
        STAFF,
        [("atasan_nip", "nip_own")],
    ),
    (
        "unknown atasan",
        "employee",
        {"nip": STAFF, "atasan_nip": "199912312020121001"},
        STAFF,
        [("atasan_nip", "nip_unknown")],
    ),
    (
        "a cycle: the boss under the staff",
        "employee",
        {"nip": ATASAN_PPK, "atasan_nip": STAFF},
        ATASAN_PPK,
        [("atasan_nip", "atasan_cycle")],
    ),
    ("PPK is a known employee", "plan", {"ppk_nip": PPK}, STAFF, []),
    ("own PPK", "plan", {"ppk_nip": STAFF}, STAFF, [("ppk_nip", "nip_own")]),
    ("unknown PPK", "plan", {"ppk_nip": "199912312020121001"}, STAFF, [("ppk_nip", "nip_unknown")]),
    ("acting for another", "acting", {"nip": STRANGER, "for_nip": PPK}, STRANGER, []),
    ("acting for oneself", "acting", {"nip": PPK, "for_nip": PPK}, PPK, [("for_nip", "nip_own")]),
    (
        "acting for nobody known",
        "acting",
        {"nip": STRANGER, "for_nip": "199912312020121001"},
        STRANGER,
        [("for_nip", "nip_unknown")],
    ),
]


@pytest.mark.parametrize(
    ("name", "collection", "changes", "owner", "expected"), NIPS, ids=[n[0] for n in NIPS]
)
def test_nip_references(
    name: str,
    collection: str,
    changes: dict[str, Any],
    owner: str | None,
    expected: list[tuple[str, str]],
) -> None:
    assert issues(collection, valid(collection, **changes), owner=owner) == expected


def test_a_known_atasan_kept_as_it_was_is_not_judged_again() -> None:
    stored = valid("employee", nip=STAFF, atasan_nip=PPK)
    assert issues("employee", dict(stored, name="Nama Baru"), stored, owner=STAFF) == []


def test_the_files_a_realisasi_names() -> None:
    blob = {"sha256": "ab" * 32, "name": "a.pdf", "size": 1, "type": "application/pdf"}
    data = valid(
        "progress",
        evidence=[{"label": "Tautan", "url": "https://x.example"}, {"label": "Scan", "blob": blob}],
    )
    assert blobs_named("progress", data) == [blob]
    assert blobs_named("training", valid("training")) == []
