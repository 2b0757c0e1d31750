"""Envelopes, mutations and results of protocol.md, and the typed data views."""

from __future__ import annotations

from typing import Any

import pytest

from domain.records import (
    DATA_CLASSES,
    Conflict,
    Mutation,
    MutationResult,
    PlanItemData,
    Record,
    parse_data,
)
from domain.validation import ValidationError, validate_mutation, validate_record
from domain.vocab import COLLECTIONS
from tests.domain.samples import ATASAN_PPK, PPK, STAFF, owner_of, valid

RECORD_ID = "1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b"
MUTATION_ID = "2f3a4b5c-6d7e-4f8a-9b0c-1d2e3f4a5b6c"
OTHER_MUTATION = "3a4b5c6d-7e8f-4a9b-8c1d-2e3f4a5b6c7d"


def mutation(collection: str = "plan", /, **changes: Any) -> dict[str, Any]:
    return {
        "mutation_id": MUTATION_ID,
        "collection": collection,
        "id": RECORD_ID,
        "owner": owner_of(collection),
        "op": "upsert",
        "base_rev": None,
        "data": valid(collection),
        "resolves": [],
        **changes,
    }


def record(collection: str = "plan", /, **changes: Any) -> dict[str, Any]:
    return {
        "collection": collection,
        "id": RECORD_ID,
        "rev": 3,
        "seq": 1041,
        "deleted": False,
        "owner": owner_of(collection),
        "created_by": STAFF,
        "created_at": "2026-01-19T08:15:00+09:00",
        "updated_by": STAFF,
        "updated_at": "2026-01-20T08:15:00+09:00",
        "conflicts": [],
        "data": valid(collection),
        **changes,
    }


def fields_of(error: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, str]]:
    return [(i.field, i.code) for i in error.value.issues]


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_a_mutation_of_every_collection_round_trips(collection: str) -> None:
    obj = mutation(collection)
    assert validate_mutation(obj).to_dict() == obj


def test_missing_optional_parts_of_a_mutation_take_their_defaults() -> None:
    obj = mutation()
    del obj["resolves"], obj["base_rev"]
    parsed = Mutation.from_dict(obj)
    assert parsed.resolves == () and parsed.base_rev is None


@pytest.mark.parametrize("data", [None, {}, {"anything": "goes"}])
def test_a_delete_does_not_validate_data(data: Any) -> None:
    obj = mutation(op="delete", base_rev=2, data=data)
    assert Mutation.from_dict(obj).data == (data or {})


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"mutation_id": "m-1"}, [("mutation_id", "uuid")]),
        ({"id": "{" + RECORD_ID + "}"}, [("id", "uuid")]),
        ({"op": "update"}, [("op", "choice")]),
        ({"base_rev": -1}, [("base_rev", "not_negative")]),
        ({"base_rev": "3"}, [("base_rev", "integer")]),
        ({"base_rev": True}, [("base_rev", "integer")]),
        ({"resolves": [OTHER_MUTATION, 7]}, [("resolves[1]", "text")]),
        ({"resolves": OTHER_MUTATION}, [("resolves", "list")]),
        ({"owner": "12345678901234567"}, [("owner", "nip_length")]),
        ({"owner": None}, [("owner", "required")]),
        ({"collection": "salary"}, [("collection", "choice")]),
        ({"data": None}, [("data", "required")]),
        ({"data": valid("plan", status="done")}, [("data.status", "choice")]),
        ({"client_clock": "x"}, [("client_clock", "unknown_field")]),
    ],
)
def test_bad_mutations_say_where(changes: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_mutation(mutation(**changes))
    assert fields_of(caught) == expected


def test_nested_data_issues_keep_their_collection_labels() -> None:
    data = valid("plan_item")
    data["indicators"][0]["target"] = "banyak"
    with pytest.raises(ValidationError) as caught:
        validate_mutation(mutation("plan_item", data=data))
    assert fields_of(caught) == [("data.indicators[0].target", "number")]
    assert caught.value.message("id").startswith("Target (Indikator ke-1) harus berupa angka")


def test_unit_and_period_have_no_owner() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_mutation(mutation("unit", owner=STAFF))
    assert fields_of(caught) == [("owner", "must_be_null")]
    assert "NIP pemilik harus kosong (null) untuk Unit Kerja" in caught.value.message("id")


def test_an_employee_record_is_owned_by_its_own_nip() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_mutation(mutation("employee", owner=PPK))
    assert fields_of(caught) == [("owner", "must_match")]
    assert "NIP" in caught.value.message("id")


def test_a_mutation_that_is_not_an_object() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_mutation([1, 2])
    assert fields_of(caught) == [("data", "mapping")]


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_a_record_of_every_collection_round_trips(collection: str) -> None:
    obj = record(collection)
    parsed = validate_record(obj)
    assert parsed.to_dict() == obj
    assert parsed.typed().to_dict() == obj["data"]


def test_a_record_with_its_conflicts_round_trips() -> None:
    conflict = {
        "mutation_id": OTHER_MUTATION,
        "by": PPK,
        "at": "2026-01-21T10:00:00+09:00",
        "deleted": False,
        "data": valid("plan", approach="qualitative"),
    }
    gone = dict(conflict, mutation_id=MUTATION_ID, deleted=True, data={})
    obj = record(conflicts=[conflict, gone])
    assert Record.from_dict(obj).to_dict() == obj


def test_conflict_data_is_validated_with_the_records_collection() -> None:
    conflict = {
        "mutation_id": OTHER_MUTATION,
        "by": PPK,
        "at": "2026-01-21T10:00:00+09:00",
        "deleted": False,
        "data": valid("plan", status="done"),
    }
    with pytest.raises(ValidationError) as caught:
        Record.from_dict(record(conflicts=[conflict]))
    assert fields_of(caught) == [("conflicts[0].data.status", "choice")]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [({"at": None}, [("at", "required")]), ({"data": []}, [("data", "mapping")])],
)
def test_a_conflict_alone_is_checked_for_its_shape(
    changes: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    conflict = {
        "mutation_id": OTHER_MUTATION,
        "by": PPK,
        "at": "2026-01-21T10:00:00+09:00",
        "deleted": False,
        "data": {},
        **changes,
    }
    with pytest.raises(ValidationError) as caught:
        Conflict.from_dict(conflict)
    assert fields_of(caught) == expected


def test_a_tombstone_carries_any_data() -> None:
    tomb = record(deleted=True, data={})
    assert Record.from_dict(tomb).deleted


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"updated_at": "2026-01-20T08:15:00"}, [("updated_at", "datetime")]),
        ({"rev": -1}, [("rev", "not_negative")]),
        ({"seq": None}, [("seq", "required")]),
        ({"deleted": "no"}, [("deleted", "boolean")]),
        ({"updated_by": "abc"}, [("updated_by", "nip_characters")]),
        ({"conflicts": None}, [("conflicts", "required")]),
        ({"data": valid("plan", extra=1)}, [("data.extra", "unknown_field")]),
    ],
)
def test_bad_records_say_where(changes: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    with pytest.raises(ValidationError) as caught:
        Record.from_dict(record(**changes))
    assert fields_of(caught) == expected


def test_results_round_trip() -> None:
    applied = {
        "mutation_id": MUTATION_ID,
        "status": "applied",
        "rev": 4,
        "seq": 1042,
        "error": None,
        "current": None,
    }
    assert MutationResult.from_dict(applied).to_dict() == applied
    conflict = dict(applied, status="conflict", rev=3, current=record())
    assert MutationResult.from_dict(conflict).current == Record.from_dict(record())
    rejected = dict(
        applied,
        status="rejected",
        rev=None,
        seq=None,
        error={"code": "forbidden", "message": "SKP ini sudah disetujui"},
    )
    assert MutationResult.from_dict(rejected).to_dict() == rejected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"status": "rejected"}, [("error", "required")]),
        ({"status": "lost"}, [("status", "choice")]),
        ({"error": {"code": "oops", "message": "x"}}, [("error.code", "choice")]),
        ({"current": record(rev="3")}, [("current.rev", "integer")]),
    ],
)
def test_bad_results_say_where(changes: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    base = {"mutation_id": MUTATION_ID, "status": "applied", "rev": 4, "seq": 1042}
    with pytest.raises(ValidationError) as caught:
        MutationResult.from_dict({**base, **changes})
    assert fields_of(caught) == expected


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_parse_data_gives_the_collections_class(collection: str) -> None:
    typed = parse_data(collection, valid(collection))
    assert type(typed) is DATA_CLASSES[collection]
    assert typed.to_dict() == valid(collection)


def test_typed_views_fill_absent_optionals_with_null() -> None:
    data = {k: v for k, v in valid("plan_item").items() if k != "parent_item_id"}
    item = PlanItemData.from_dict(data)
    assert item.parent_item_id is None
    assert item.indicators[0].target == 3
    assert item.to_dict()["parent_item_id"] is None


def test_typed_views_validate() -> None:
    with pytest.raises(ValidationError):
        parse_data("objection", valid("objection", decision={"outcome": "changed"}))
    objection = parse_data(
        "objection",
        valid(
            "objection",
            decision={
                "outcome": "upheld",
                "note": "Penilaian sudah sesuai bukti.",
                "decided_by": ATASAN_PPK,
                "decided_at": "2026-12-28T09:00:00+09:00",
            },
        ),
    )
    assert objection.decision is not None  # type: ignore[union-attr]
    assert objection.decision.outcome == "upheld"  # type: ignore[union-attr]


def test_a_record_from_a_protocol_1_server_has_no_creator_yet() -> None:
    old = record()
    del old["created_by"], old["created_at"]
    parsed = validate_record(old)
    assert (parsed.created_by, parsed.created_at) == (None, None)
