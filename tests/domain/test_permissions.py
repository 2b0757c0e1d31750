"""The permission table of protocol.md ("Who may write what"), row by row."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from domain.permissions import Actor, WriteAttempt, can_read, check_write, relations
from domain.vocab import COLLECTIONS
from tests.domain.samples import (
    ADMIN,
    ATASAN_PPK,
    CHART,
    DECISION,
    PPK,
    STAFF,
    STRANGER,
    owner_of,
    valid,
)


class Chart:
    def __init__(self, atasan: Mapping[str, str]) -> None:
        self.atasan = atasan

    def atasan_of(self, nip: str) -> str | None:
        return self.atasan.get(nip)

    def stands_in_for(self, nip: str) -> frozenset[str]:
        return frozenset()


ORG = Chart(CHART)
NOW = datetime(2026, 12, 24, 9, 0, tzinfo=UTC)
FINALISED = datetime(2026, 12, 20, 1, 0, tzinfo=UTC)
ACTORS = {
    "owner": Actor(STAFF),
    "ppk": Actor(PPK),
    "atasan_ppk": Actor(ATASAN_PPK),
    "admin": Actor(ADMIN, frozenset({"admin"})),
    "stranger": Actor(STRANGER),
}
# Who may create, edit and delete, each record in the state that allows its writers
# (plan and plan_item drafts, progress on an approved plan, a draft evaluation,
# an objection within its window).
WRITERS = {
    "employee": {"admin"},
    "unit": {"admin"},
    "period": {"admin"},
    "plan": {"owner"},
    "plan_item": {"owner"},
    "progress": {"owner"},
    "feedback": {"ppk"},
    "evaluation": {"ppk"},
    "objection": {"owner"},
    "training": {"owner", "admin"},
    "follow_up": {"ppk", "admin"},
    "acting": {"admin"},
}
READERS = {
    **dict.fromkeys(("employee", "unit", "period", "acting"), set(ACTORS)),
    **dict.fromkeys(
        ("plan", "plan_item", "progress", "evaluation", "objection", "follow_up"),
        {"owner", "ppk", "atasan_ppk", "admin"},
    ),
    **dict.fromkeys(("feedback", "training"), {"owner", "ppk", "admin"}),
}
OPEN_STATE = {
    "evaluation": valid("evaluation", status="draft", finalised_at=None),
}
EDITS: dict[str, dict[str, Any]] = {
    "employee": {"position": "Kepala Subbagian Umum"},
    "unit": {"name": "Bidang Perizinan"},
    "period": {"name": "Tahun Anggaran 2026"},
    "acting": {"end": "2026-07-31"},
    "plan": {"approach": "qualitative"},
    "plan_item": {"text": "Berkas selesai dalam jangka waktu yang ditentukan"},
    "progress": {"values": [3]},
    "feedback": {"text": "Tingkatkan ketelitian."},
    "evaluation": {"behaviour_rating": "above", "predikat": "very_good"},
    "objection": {"reason": "Bukti dukung Desember terlewat."},
    "training": {"jp": 32},
    "follow_up": {"status": "done"},
}
CONTEXT: dict[str, dict[str, Any]] = {
    "plan_item": {"plan_status": "draft"},
    "progress": {"plan_status": "approved"},
    "objection": {"evaluation_finalised_at": FINALISED},
}


def attempt(collection: str, op: str, **fields: Any) -> WriteAttempt:
    before = OPEN_STATE.get(collection, valid(collection))
    after = dict(before, **EDITS[collection])
    by_op: dict[str, dict[str, Any]] = {
        "create": {"before": None, "after": before},
        "edit": {"before": before, "after": after},
        "delete": {"before": before, "after": None},
    }
    defaults = by_op[op]
    settings = {**defaults, **CONTEXT.get(collection, {}), **fields}
    return WriteAttempt(
        collection=collection,
        owner=settings.pop("owner", owner_of(collection)),
        op="delete" if op == "delete" else "upsert",
        now=settings.pop("now", NOW),
        **settings,
    )


@pytest.mark.parametrize("op", ["create", "edit", "delete"])
@pytest.mark.parametrize("relation", list(ACTORS))
@pytest.mark.parametrize("collection", COLLECTIONS)
def test_the_table_row_by_row(collection: str, relation: str, op: str) -> None:
    denial = check_write(ACTORS[relation], attempt(collection, op), ORG)
    if relation in WRITERS[collection]:
        assert denial is None
    else:
        assert denial is not None and denial.code == "forbidden"
        assert denial.message("id") and denial.message("en")


@pytest.mark.parametrize("relation", list(ACTORS))
@pytest.mark.parametrize("collection", COLLECTIONS)
def test_who_may_read(collection: str, relation: str) -> None:
    allowed = can_read(ACTORS[relation], collection, owner_of(collection) or STAFF, ORG)
    assert allowed == (relation in READERS[collection])


def test_relations_follow_the_chart() -> None:
    assert relations(Actor(STAFF), STAFF, ORG) == {"owner"}
    assert relations(Actor(PPK), STAFF, ORG) == {"ppk"}
    assert relations(Actor(ATASAN_PPK), STAFF, ORG) == {"atasan_ppk"}
    assert relations(Actor(ATASAN_PPK), PPK, ORG) == {"ppk"}
    assert relations(Actor(STAFF, frozenset({"admin"})), STAFF, ORG) == {"owner", "admin"}
    assert relations(Actor(PPK), None, ORG) == frozenset()


def test_nobody_is_their_own_ppk_even_when_the_data_says_so() -> None:
    loop = Chart({STAFF: STAFF})
    assert relations(Actor(STAFF), STAFF, loop) == {"owner"}
    submitted = valid("plan", status="submitted")
    approve = WriteAttempt(
        "plan", STAFF, "upsert", submitted, dict(submitted, status="approved"), NOW
    )
    assert check_write(Actor(STAFF), approve, loop) is not None


def plan_write(actor: str, before: str | None, **after: Any) -> tuple[str, str] | None:
    old = None if before is None else valid("plan", status=before)
    new = dict(old or valid("plan"), **after)
    denial = check_write(ACTORS[actor], WriteAttempt("plan", STAFF, "upsert", old, new, NOW), ORG)
    return None if denial is None else (denial.code, denial.reason)


@pytest.mark.parametrize(
    ("actor", "before", "after", "outcome"),
    [
        ("owner", None, {"status": "submitted"}, None),
        ("owner", None, {"status": "approved"}, ("forbidden", "plan_owner_status")),
        ("owner", "draft", {"status": "submitted"}, None),
        ("owner", "returned", {"approach": "qualitative", "status": "draft"}, None),
        ("owner", "draft", {"status": "returned"}, ("forbidden", "plan_owner_status")),
        ("owner", "submitted", {"approach": "qualitative"}, ("forbidden", "plan_submitted")),
        ("owner", "approved", {"approach": "qualitative"}, ("immutable", "plan_approved")),
        ("owner", "approved", {"status": "draft"}, ("immutable", "plan_approved")),
        ("ppk", "submitted", {"status": "approved"}, None),
        ("ppk", "submitted", {"status": "returned", "return_note": "Lengkapi IKI"}, None),
        ("ppk", "approved", {"status": "returned", "return_note": "Target berubah"}, None),
        ("ppk", "returned", {"return_note": "Tambahkan target waktu"}, None),
        ("ppk", "submitted", {"status": "returned"}, ("forbidden", "plan_return_note")),
        (
            "ppk",
            "submitted",
            {"status": "returned", "return_note": " "},
            ("forbidden", "plan_return_note"),
        ),
        ("ppk", "draft", {"status": "approved"}, ("forbidden", "plan_ppk_transition")),
        ("ppk", "approved", {"status": "submitted"}, ("forbidden", "plan_ppk_transition")),
        (
            "ppk",
            "submitted",
            {"status": "approved", "approach": "qualitative"},
            ("forbidden", "plan_ppk_status_only"),
        ),
        # protocol 2: the Ekspektasi Khusus Pimpinan are the PPK's words, at any status
        ("ppk", "submitted", {"expectations": {"loyal": "Menjaga rahasia"}}, None),
        ("ppk", "approved", {"expectations": {"loyal": "Menjaga rahasia"}}, None),
        ("ppk", "draft", {"expectations": {"loyal": "Menjaga rahasia"}}, None),
        (
            "owner",
            "draft",
            {"expectations": {"loyal": "Menjaga rahasia"}},
            ("forbidden", "plan_expectations_ppk"),
        ),
        ("owner", "draft", {"expectations": {"loyal": ""}}, None),  # blank is not written
        ("ppk", None, {"status": "draft"}, ("forbidden", "plan_owner_only")),
        (
            "atasan_ppk",
            "approved",
            {"status": "returned", "return_note": "x"},
            ("immutable", "plan_approved"),
        ),
        (
            "admin",
            "approved",
            {"status": "returned", "return_note": "x"},
            ("immutable", "plan_approved"),
        ),
        ("atasan_ppk", "submitted", {"status": "approved"}, ("forbidden", "plan_owner_only")),
        ("admin", "draft", {"approach": "qualitative"}, ("forbidden", "plan_owner_only")),
    ],
)
def test_plan_status_rules(
    actor: str, before: str | None, after: dict[str, Any], outcome: tuple[str, str] | None
) -> None:
    assert plan_write(actor, before, **after) == outcome


def test_the_ppk_may_not_delete_a_plan_but_the_owner_may_delete_a_draft() -> None:
    draft = valid("plan")
    delete = WriteAttempt("plan", STAFF, "delete", draft, None, NOW)
    assert check_write(ACTORS["ppk"], delete, ORG) is not None
    assert check_write(ACTORS["owner"], delete, ORG) is None
    approved = WriteAttempt("plan", STAFF, "delete", valid("plan", status="approved"), None, NOW)
    denial = check_write(ACTORS["owner"], approved, ORG)
    assert denial is not None and denial.code == "immutable"


@pytest.mark.parametrize(
    ("collection", "plan_status", "outcome"),
    [
        ("plan_item", "draft", None),
        ("plan_item", "returned", None),
        ("plan_item", "submitted", ("forbidden", "plan_submitted")),
        ("plan_item", "approved", ("immutable", "plan_approved")),
        ("plan_item", None, ("forbidden", "plan_unknown")),
        ("progress", "approved", None),
        ("progress", "draft", ("forbidden", "progress_plan_not_approved")),
        ("progress", "submitted", ("forbidden", "progress_plan_not_approved")),
        ("progress", "returned", ("forbidden", "progress_plan_not_approved")),
        ("progress", None, ("forbidden", "progress_plan_not_approved")),
    ],
)
@pytest.mark.parametrize("op", ["create", "edit", "delete"])
def test_items_and_progress_follow_their_plan(
    collection: str, plan_status: str | None, outcome: tuple[str, str] | None, op: str
) -> None:
    denial = check_write(ACTORS["owner"], attempt(collection, op, plan_status=plan_status), ORG)
    assert (None if denial is None else (denial.code, denial.reason)) == outcome


def test_the_ppk_cannot_touch_items_of_an_approved_plan() -> None:
    denial = check_write(ACTORS["ppk"], attempt("plan_item", "edit", plan_status="approved"), ORG)
    assert denial is not None and denial.reason == "plan_item_owner_only"


def feedback_write(op: str, before: dict[str, Any] | None, after: dict[str, Any] | None) -> Any:
    real_op = "delete" if op == "delete" else "upsert"
    return check_write(
        ACTORS["owner"], WriteAttempt("feedback", STAFF, real_op, before, after, NOW), ORG
    )


def test_the_owner_only_acknowledges_feedback() -> None:
    unread = valid("feedback")
    read = dict(unread, acknowledged_at="2026-12-24T18:00:00+09:00")
    assert feedback_write("upsert", unread, read) is None
    changed = dict(read, text="Saya tidak setuju")
    assert feedback_write("upsert", unread, changed).reason == "feedback_acknowledge_only"
    assert feedback_write("delete", unread, None).reason == "feedback_acknowledge_only"
    assert feedback_write("upsert", None, read).reason == "feedback_acknowledge_only"


@pytest.mark.parametrize(
    ("actor", "op", "status", "pending", "outcome"),
    [
        ("ppk", "upsert", "draft", False, None),
        ("ppk", "upsert", "final", False, ("immutable", "evaluation_final")),
        ("ppk", "delete", "final", False, ("immutable", "evaluation_final")),
        ("ppk", "upsert", "final", True, ("immutable", "evaluation_final")),
        ("atasan_ppk", "upsert", "final", True, None),
        ("atasan_ppk", "delete", "final", True, ("forbidden", "evaluation_objection_delete")),
        ("atasan_ppk", "upsert", "final", False, ("forbidden", "evaluation_ppk_only")),
        ("owner", "upsert", "final", True, ("forbidden", "evaluation_ppk_only")),
        ("admin", "upsert", "draft", False, ("forbidden", "evaluation_ppk_only")),
    ],
)
def test_evaluation_rules(
    actor: str, op: str, status: str, pending: bool, outcome: tuple[str, str] | None
) -> None:
    before = valid("evaluation", status=status)
    after = None if op == "delete" else dict(before, result_rating="above", predikat="good")
    write = WriteAttempt("evaluation", STAFF, op, before, after, NOW, objection_pending=pending)
    denial = check_write(ACTORS[actor], write, ORG)
    assert (None if denial is None else (denial.code, denial.reason)) == outcome


def objection_write(
    actor: str, before: dict[str, Any] | None, after: dict[str, Any] | None, **fields: Any
) -> tuple[str, str] | None:
    op = "delete" if after is None else "upsert"
    settings = {"now": NOW, "evaluation_finalised_at": FINALISED, **fields}
    write = WriteAttempt("objection", STAFF, op, before, after, **settings)
    denial = check_write(ACTORS[actor], write, ORG)
    return None if denial is None else (denial.code, denial.reason)


def test_objection_window_is_fourteen_days_inclusive() -> None:
    new = valid("objection")
    finalised_day = datetime(2026, 12, 20, 9, 0, tzinfo=UTC)  # 20 Dec in Sofifi
    for days, outcome in [(0, None), (14, None), (15, ("forbidden", "objection_closed"))]:
        now = finalised_day + timedelta(days=days)
        assert (
            objection_write("owner", None, new, now=now, evaluation_finalised_at=finalised_day)
            == outcome
        )


def test_the_window_is_counted_on_the_sofifi_calendar() -> None:
    late_evening = datetime(2026, 12, 20, 20, 0, tzinfo=UTC)  # 21 Dec 05:00 WIT
    day_14 = datetime(2027, 1, 4, 14, 0, tzinfo=UTC)  # 4 Jan 23:00 WIT
    day_15 = datetime(2027, 1, 4, 15, 0, tzinfo=UTC)  # 5 Jan 00:00 WIT
    new = valid("objection")
    assert (
        objection_write("owner", None, new, now=day_14, evaluation_finalised_at=late_evening)
        is None
    )
    write = WriteAttempt(
        "objection", STAFF, "upsert", None, new, day_15, evaluation_finalised_at=late_evening
    )
    denial = check_write(ACTORS["owner"], write, ORG)
    assert denial is not None and "2027-01-04" in denial.message("id")
    assert "2027-01-04" in denial.message("en")


@pytest.mark.parametrize(
    ("actor", "before", "after", "fields", "outcome"),
    [
        (
            "owner",
            None,
            valid("objection"),
            {"evaluation_finalised_at": None},
            ("forbidden", "objection_not_final"),
        ),
        ("owner", valid("objection"), valid("objection", reason="Alasan lengkap"), {}, None),
        ("owner", valid("objection"), None, {}, None),
        (
            "owner",
            None,
            valid("objection", decision=DECISION),
            {},
            ("forbidden", "objection_owner_decision"),
        ),
        (
            "owner",
            valid("objection", decision=DECISION),
            valid("objection", decision=DECISION, reason="x"),
            {},
            ("immutable", "objection_decided"),
        ),
        ("atasan_ppk", valid("objection"), valid("objection", decision=DECISION), {}, None),
        (
            "atasan_ppk",
            valid("objection"),
            valid("objection", decision=DECISION),
            {"evaluation_finalised_at": datetime(2025, 1, 1, tzinfo=UTC)},
            None,
        ),
        (
            "atasan_ppk",
            valid("objection"),
            valid("objection", decision=DECISION, reason="Diringkas"),
            {},
            ("forbidden", "objection_decision_only"),
        ),
        (
            "atasan_ppk",
            None,
            valid("objection", decision=DECISION),
            {},
            ("forbidden", "objection_decision_only"),
        ),
        ("atasan_ppk", valid("objection"), None, {}, ("forbidden", "objection_decision_only")),
        (
            "atasan_ppk",
            valid("objection"),
            valid("objection", decision=dict(DECISION, decided_by=PPK)),
            {},
            ("forbidden", "objection_decided_by"),
        ),
        (
            "atasan_ppk",
            valid("objection", decision=DECISION),
            valid("objection", decision=dict(DECISION, outcome="upheld")),
            {},
            ("immutable", "objection_decided"),
        ),
        (
            "ppk",
            valid("objection"),
            valid("objection", decision=DECISION),
            {},
            ("forbidden", "objection_owner_only"),
        ),
    ],
)
def test_objection_rules(
    actor: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    fields: dict[str, Any],
    outcome: tuple[str, str] | None,
) -> None:
    assert objection_write(actor, before, after, **fields) == outcome


def test_a_deleted_record_counts_as_new() -> None:
    gone = valid("plan", status="approved")
    write = WriteAttempt("plan", STAFF, "upsert", gone, valid("plan"), NOW, before_deleted=True)
    assert check_write(ACTORS["owner"], write, ORG) is None


def test_denials_speak_both_languages_and_name_the_actor_when_needed() -> None:
    decision = dict(DECISION, decided_by=PPK)
    write = WriteAttempt(
        "objection", STAFF, "upsert", valid("objection"), valid("objection", decision=decision), NOW
    )
    denial = check_write(ACTORS["atasan_ppk"], write, ORG)
    assert denial is not None
    assert ATASAN_PPK in denial.message("id") and "atasan PPK" in denial.message("en")


def test_an_unknown_collection_is_forbidden() -> None:
    write = WriteAttempt("salary", STAFF, "upsert", None, {}, NOW)
    denial = check_write(ACTORS["admin"], write, ORG)
    assert denial is not None and denial.code == "forbidden"
