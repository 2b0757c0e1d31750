"""The shape of every record, mutation and collection's data (protocol.md).

``DATA_FIELDS`` is the data table of protocol.md written as checks, and
``_RULES`` the rules that tie one field to another (start before end, the
predikat the matrix gives, a NIP checked by the employee's kind). Every
function here returns a list of ``Issue``; ``domain.validation`` and
``domain.records`` turn them into ``ValidationError``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from domain.checks import (
    Fields,
    a_date,
    boolean,
    checked_elsewhere,
    choice,
    filled_note,
    filled_text,
    instant,
    integer,
    list_of,
    map_of,
    measure,
    media_type,
    nip_reference,
    note,
    obj,
    object_issues,
    optional,
    parse_date,
    positive,
    reference,
    required,
    sha256,
    text,
    uuid,
    web_url,
)
from domain.messages import Issue
from domain.nip import nip_issues
from domain.predikat import MATRIX
from domain.vocab import (
    ACTING_KIND_LABELS,
    APPROACH_LABELS,
    ASPECT_LABELS,
    BERAKHLAK,
    COLLECTION_LABELS,
    COLLECTIONS,
    EMPLOYEE_KINDS,
    EVALUATION_STATUS_LABELS,
    FOLLOW_UP_KIND_LABELS,
    FOLLOW_UP_STATUS_LABELS,
    FOLLOW_UP_STEP_LABELS,
    ITEM_KIND_LABELS,
    OBJECTION_OUTCOME_LABELS,
    OPS,
    ORG_RATING_LABELS,
    PERIOD_KIND_LABELS,
    PLAN_STATUS_LABELS,
    PREDIKAT_LABELS,
    RATING_LABELS,
    ROLES,
    SANCTION_LEVEL_LABELS,
    TRAINING_PATH_LABELS,
)

# Collections whose records are about nobody in particular: owner is null.
OWNERLESS = frozenset({"unit", "period"})

# The counts of protocol.md's "Limits" (text lengths and number ranges: domain.checks).
INDICATORS_MAX = 20  # indicators of one RHK
ITEMS_MAX = 50  # RHK of one plan (domain.references counts them)
EVIDENCE_MAX = 20  # evidence items of one realisasi
LIST_MAX = 50  # entries of a free list (the Lampiran), notes per RHK
STEPS_MAX = 20  # steps of one follow-up
RATINGS_MAX = 500  # periods rated in one unit
JP_MAX = 1_000  # JP of one training record
BLOB_MAX_BYTES = 10 * 1024 * 1024  # one evidence file

_rating = choice(tuple(RATING_LABELS), RATING_LABELS)

INDICATOR_FIELDS: Fields = {
    "aspect": required(choice(tuple(ASPECT_LABELS), ASPECT_LABELS)),
    "indicator": required(filled_text),
    "target": optional(measure),
    "unit": optional(text),
    "target_text": optional(text),
}
BLOB_FIELDS: Fields = {
    "sha256": required(sha256),
    "name": required(filled_text),
    "size": required(integer("1024", 0, BLOB_MAX_BYTES)),
    "type": required(media_type),
}
LINK_EVIDENCE_FIELDS: Fields = {"label": required(filled_text), "url": required(web_url)}
FILE_EVIDENCE_FIELDS: Fields = {"label": required(filled_text), "blob": required(obj(BLOB_FIELDS))}


def evidence_item(value: Any, path: str) -> list[Issue]:
    """A bukti dukung: ``{label, url}`` (http or https) or ``{label, blob}``, one of the two."""
    if not isinstance(value, Mapping):
        return [Issue(path, "mapping")]
    if "url" in value and "blob" in value:
        return [Issue(path, "evidence_source")]
    fields = FILE_EVIDENCE_FIELDS if "blob" in value else LINK_EVIDENCE_FIELDS
    return object_issues(value, fields, path)


ATTACHMENT_FIELDS: Fields = {
    key: required(list_of(text, LIST_MAX))
    for key in ("resources", "accountability", "consequences")
}
DECISION_FIELDS: Fields = {
    "outcome": required(choice(tuple(OBJECTION_OUTCOME_LABELS), OBJECTION_OUTCOME_LABELS)),
    "note": required(filled_note),
    "result_rating": optional(_rating),
    "behaviour_rating": optional(_rating),
    "decided_by": required(nip_reference),
    "decided_at": required(instant),
}
STEP_FIELDS: Fields = {
    "step": required(choice(tuple(FOLLOW_UP_STEP_LABELS), FOLLOW_UP_STEP_LABELS)),
    "date": required(a_date),
    "note": optional(note),
}

DATA_FIELDS: Mapping[str, Fields] = {
    "employee": {
        "nip": required(text),  # checked against its kind in _employee
        "name": required(filled_text),
        "kind": required(choice(EMPLOYEE_KINDS)),
        "rank": required(text),
        "position": required(text),
        "unit_id": required(reference),
        "atasan_nip": optional(nip_reference),
        "roles": required(list_of(choice(ROLES), len(ROLES))),
        "active": required(boolean),
    },
    "unit": {
        "name": required(filled_text),
        "parent_id": optional(reference),
        "head_nip": optional(nip_reference),
        "ratings": required(
            map_of(choice(tuple(ORG_RATING_LABELS), ORG_RATING_LABELS), most=RATINGS_MAX)
        ),
    },
    "period": {
        "name": required(filled_text),
        "kind": required(choice(tuple(PERIOD_KIND_LABELS), PERIOD_KIND_LABELS)),
        "year": required(integer("2026", 1950, 2100)),
        "start": required(a_date),
        "end": required(a_date),
        "fill_deadline": optional(a_date),
    },
    "plan": {
        "period_id": required(reference),
        "ppk_nip": required(nip_reference),
        "approach": required(choice(tuple(APPROACH_LABELS), APPROACH_LABELS)),
        "status": required(choice(tuple(PLAN_STATUS_LABELS), PLAN_STATUS_LABELS)),
        "return_note": optional(note),
        "expectations": required(map_of(text, BERAKHLAK)),
        "attachments": required(obj(ATTACHMENT_FIELDS)),
    },
    "plan_item": {
        "plan_id": required(reference),
        "kind": required(choice(tuple(ITEM_KIND_LABELS), ITEM_KIND_LABELS)),
        "parent_item_id": optional(reference),
        "text": required(filled_text),
        "indicators": required(list_of(obj(INDICATOR_FIELDS), INDICATORS_MAX, non_empty=True)),
    },
    "progress": {
        "plan_item_id": required(reference),
        "period_id": required(reference),
        "values": required(list_of(measure, INDICATORS_MAX, nullable_items=True)),
        "note": optional(note),
        "evidence": required(list_of(evidence_item, EVIDENCE_MAX)),
    },
    "feedback": {
        "period_id": optional(reference),
        "plan_item_id": optional(reference),
        "text": required(filled_note),
        "acknowledged_at": optional(instant),
    },
    "evaluation": {
        "period_id": required(reference),
        "plan_id": required(reference),
        "result_rating": required(_rating),
        "behaviour_rating": required(_rating),
        "behaviour_notes": required(map_of(note, BERAKHLAK)),
        "item_notes": required(map_of(note, most=ITEMS_MAX)),
        "predikat": required(choice(tuple(PREDIKAT_LABELS), PREDIKAT_LABELS)),
        "status": required(choice(tuple(EVALUATION_STATUS_LABELS), EVALUATION_STATUS_LABELS)),
        "finalised_at": optional(instant),
    },
    "objection": {
        "evaluation_id": required(reference),
        "reason": required(filled_note),
        "filed_at": required(instant),
        "decision": optional(obj(DECISION_FIELDS)),
    },
    "training": {
        "title": required(filled_text),
        "path": required(choice(tuple(TRAINING_PATH_LABELS), TRAINING_PATH_LABELS)),
        "jp": required(positive("8", JP_MAX)),
        "start": required(a_date),
        "end": required(a_date),
        "organiser": optional(text),
        "certificate": optional(text),
    },
    "follow_up": {
        "kind": required(choice(tuple(FOLLOW_UP_KIND_LABELS), FOLLOW_UP_KIND_LABELS)),
        "description": required(filled_note),
        "start": required(a_date),
        "due": optional(a_date),
        "status": required(choice(tuple(FOLLOW_UP_STATUS_LABELS), FOLLOW_UP_STATUS_LABELS)),
        "evaluation_id": optional(reference),
        "steps": required(list_of(obj(STEP_FIELDS), STEPS_MAX)),
        "level": optional(choice(tuple(SANCTION_LEVEL_LABELS), SANCTION_LEVEL_LABELS)),
    },
    "acting": {
        "nip": required(nip_reference),
        "for_nip": required(nip_reference),
        "kind": required(choice(tuple(ACTING_KIND_LABELS), ACTING_KIND_LABELS)),
        "start": required(a_date),
        "end": required(a_date),
        "decree": optional(text),
    },
}


def _date_order(first: str, then: str) -> Callable[[Mapping[str, Any]], list[Issue]]:
    def rule(data: Mapping[str, Any]) -> list[Issue]:
        start, end = parse_date(data.get(first)), parse_date(data.get(then))
        if start and end and end < start:
            return [Issue(then, "date_order", {"other_field": first, "other": start.isoformat()})]
        return []

    return rule


def _employee(data: Mapping[str, Any]) -> list[Issue]:
    nip, kind = data.get("nip"), data.get("kind")
    if not isinstance(nip, str):
        return []
    return nip_issues(nip, kind="PPPK" if kind == "PPPK" else "PNS", stored=True)


def _evaluation(data: Mapping[str, Any]) -> list[Issue]:
    issues: list[Issue] = []
    pair = (data.get("result_rating"), data.get("behaviour_rating"))
    expected = MATRIX.get(pair)  # type: ignore[arg-type]
    given = data.get("predikat")
    if expected is not None and given in PREDIKAT_LABELS and given != expected:
        params = {
            "expected": f"{expected} ({PREDIKAT_LABELS[expected]})",
            "result": RATING_LABELS[pair[0]],  # type: ignore[index]
            "behaviour": RATING_LABELS[pair[1]],  # type: ignore[index]
        }
        issues.append(Issue("predikat", "invalid", params))
    if data.get("status") == "final" and data.get("finalised_at") is None:
        issues.append(Issue("finalised_at", "required_when_final"))
    return issues


def _objection(data: Mapping[str, Any]) -> list[Issue]:
    decision = data.get("decision")
    if (
        isinstance(decision, Mapping)
        and decision.get("outcome") == "changed"
        and decision.get("result_rating") is None
        and decision.get("behaviour_rating") is None
    ):
        return [Issue("decision.outcome", "decision_needs_rating")]
    return []


def _follow_up(data: Mapping[str, Any]) -> list[Issue]:
    if data.get("level") is not None and data.get("kind") != "sanction":
        return [Issue("level", "level_only_sanction")]
    return []


_RULES: Mapping[str, tuple[Callable[[Mapping[str, Any]], list[Issue]], ...]] = {
    "employee": (_employee,),
    "period": (_date_order("start", "end"), _date_order("start", "fill_deadline")),
    "evaluation": (_evaluation,),
    "objection": (_objection,),
    "training": (_date_order("start", "end"),),
    "follow_up": (_date_order("start", "due"), _follow_up),
    "acting": (_date_order("start", "end"),),
}


def data_issues(collection: str, data: Any) -> list[Issue]:
    """Every issue with ``data`` as the data of a record of ``collection``."""
    if collection not in DATA_FIELDS:
        return [Issue("collection", "choice", {"choices": ", ".join(COLLECTIONS)})]
    issues = object_issues(data, DATA_FIELDS[collection])
    if isinstance(data, Mapping):
        for rule in _RULES.get(collection, ()):
            issues += rule(data)
    return [replace(issue, collection=collection) for issue in issues]


def _owner_issues(collection: Any, owner: Any, data: Any, check_data: bool) -> list[Issue]:
    if collection in OWNERLESS:
        if owner is None:
            return []
        return [Issue("owner", "must_be_null", {"collection": COLLECTION_LABELS[collection]})]
    if owner is None:
        return [Issue("owner", "required")]
    issues = nip_reference(owner, "owner")
    if (
        not issues
        and check_data
        and collection in ("employee", "acting")  # about that employee, the acting official
        and isinstance(data, Mapping)
        and isinstance(data.get("nip"), str)
        and data["nip"] != owner
    ):
        issues.append(Issue("owner", "must_match", {"other_field": "nip", "other": data["nip"]}))
    return issues


def _nested_data(collection: Any, data: Any, deleted: bool, at: str) -> list[Issue]:
    """The data of a live version is checked; a deletion's data may be anything."""
    if deleted:
        return [] if isinstance(data, Mapping) else [Issue(at, "mapping")]
    if collection not in DATA_FIELDS:
        return []  # the collection itself is reported
    return [issue.under(at) for issue in data_issues(collection, data)]


CONFLICT_FIELDS: Fields = {
    "mutation_id": required(uuid),
    "by": required(nip_reference),
    "at": required(instant),
    "deleted": required(boolean),
    "data": required(checked_elsewhere),
}
_collection = choice(COLLECTIONS)
RECORD_FIELDS: Fields = {
    "collection": required(_collection),
    "id": required(uuid),
    "rev": required(integer("3", 0)),
    "seq": required(integer("1041", 0)),
    "deleted": required(boolean),
    "owner": optional(checked_elsewhere),
    "created_by": optional(nip_reference),  # null: an admin tool; absent from protocol 1
    "created_at": optional(instant),
    "updated_by": optional(nip_reference),
    "updated_at": required(instant),
    "conflicts": required(list_of(obj(CONFLICT_FIELDS), 10_000)),
    "data": required(checked_elsewhere),
}
MUTATION_FIELDS: Fields = {
    "mutation_id": required(uuid),
    "collection": required(_collection),
    "id": required(uuid),
    "owner": optional(checked_elsewhere),
    "op": required(choice(OPS)),
    "base_rev": optional(integer("3", 0)),
    "data": optional(checked_elsewhere),
    "resolves": optional(list_of(filled_text, 1_000)),
}


def record_issues(obj_: Any) -> list[Issue]:
    """Every issue with ``obj_`` as a record envelope of protocol.md."""
    issues = object_issues(obj_, RECORD_FIELDS, "")
    if not isinstance(obj_, Mapping):
        return issues
    collection, data = obj_.get("collection"), obj_.get("data")
    deleted = obj_.get("deleted") is True
    issues += _owner_issues(collection, obj_.get("owner"), data, not deleted)
    if data is not None:
        issues += _nested_data(collection, data, deleted, "data")
    conflicts = obj_.get("conflicts")
    for index, conflict in enumerate(conflicts if isinstance(conflicts, list) else ()):
        if isinstance(conflict, Mapping) and conflict.get("data") is not None:
            gone = conflict.get("deleted") is True
            issues += _nested_data(collection, conflict["data"], gone, f"conflicts[{index}].data")
    return issues


def mutation_issues(obj_: Any) -> list[Issue]:
    """Every issue with ``obj_`` as a mutation of protocol.md."""
    issues = object_issues(obj_, MUTATION_FIELDS, "")
    if not isinstance(obj_, Mapping):
        return issues
    collection, data = obj_.get("collection"), obj_.get("data")
    upsert = obj_.get("op") == "upsert"
    issues += _owner_issues(collection, obj_.get("owner"), data, upsert)
    if upsert and data is None:
        issues.append(Issue("data", "required"))
    elif data is not None:
        issues += _nested_data(collection, data, not upsert, "data")
    return issues
