"""The envelope, mutation and push result of protocol.md as typed values.

Every class is frozen; ``from_dict`` validates (raising ``ValidationError``
with every issue found, not just the first) and ``to_dict`` gives back
exactly the protocol's keys, JSON-able. A record's ``data`` stays a plain
dict, as it crosses the package seams (docs/architecture.md); the typed view
of one collection's data is ``parse_data(collection, data)``.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from domain.checks import (
    Fields,
    choice,
    integer,
    object_issues,
    optional,
    required,
    text,
    uuid,
)
from domain.cycle_data import (
    Attachments,
    EvaluationData,
    Evidence,
    EvidenceFile,
    FeedbackData,
    FollowUpData,
    FollowUpStepEntry,
    Indicator,
    ObjectionData,
    ObjectionDecision,
    PlanData,
    PlanItemData,
    ProgressData,
    TrainingData,
)
from domain.data import ActingData, EmployeeData, PeriodData, UnitData, checked
from domain.errors import ValidationError
from domain.messages import Issue
from domain.schema import CONFLICT_FIELDS, mutation_issues, record_issues
from domain.vocab import ERROR_CODES, RESULT_STATUSES, Collection, ErrorCode, Op, ResultStatus

__all__ = [
    "DATA_CLASSES",
    "Attachments",
    "CollectionData",
    "Conflict",
    "EmployeeData",
    "ErrorInfo",
    "EvaluationData",
    "Evidence",
    "EvidenceFile",
    "FeedbackData",
    "FollowUpData",
    "FollowUpStepEntry",
    "Indicator",
    "Mutation",
    "MutationResult",
    "ObjectionData",
    "ObjectionDecision",
    "PeriodData",
    "PlanData",
    "PlanItemData",
    "ProgressData",
    "Record",
    "TrainingData",
    "UnitData",
    "parse_data",
]


# The typed view of each collection's data (domain.data, domain.cycle_data).
CollectionData: TypeAlias = (
    EmployeeData | UnitData | PeriodData | PlanData | PlanItemData | ProgressData
    | FeedbackData | EvaluationData | ObjectionData | TrainingData | FollowUpData | ActingData
)  # fmt: skip

DATA_CLASSES: Mapping[str, type[CollectionData]] = {
    "employee": EmployeeData,
    "unit": UnitData,
    "period": PeriodData,
    "plan": PlanData,
    "plan_item": PlanItemData,
    "progress": ProgressData,
    "feedback": FeedbackData,
    "evaluation": EvaluationData,
    "objection": ObjectionData,
    "training": TrainingData,
    "follow_up": FollowUpData,
    "acting": ActingData,
}


def parse_data(collection: str, data: Mapping[str, Any]) -> CollectionData:
    """The typed view of ``data`` for ``collection`` (raises ``ValidationError``)."""
    checked(collection, data)
    return DATA_CLASSES[collection].from_dict(data)


def _raise_if(issues: list[Issue]) -> None:
    if issues:
        raise ValidationError(issues)


@dataclass(frozen=True, slots=True)
class Conflict:
    """A mutation the server could not apply, kept on the record until settled."""

    mutation_id: str
    by: str
    at: str
    deleted: bool
    data: dict[str, Any]

    @classmethod
    def from_dict(cls, obj: Any) -> Conflict:
        """Checks the conflict's shape; its data is checked with its record's collection."""
        issues = object_issues(obj, CONFLICT_FIELDS)
        if not issues and not isinstance(obj["data"], Mapping):
            issues.append(Issue("data", "mapping"))
        _raise_if(issues)
        data = copy.deepcopy(dict(obj["data"]))
        return cls(obj["mutation_id"], obj["by"], obj["at"], obj["deleted"], data)

    def to_dict(self) -> dict[str, Any]:
        return {
            "mutation_id": self.mutation_id,
            "by": self.by,
            "at": self.at,
            "deleted": self.deleted,
            "data": copy.deepcopy(self.data),
        }


@dataclass(frozen=True, slots=True)
class Record:
    """One synced record: the envelope of protocol.md around its ``data``."""

    collection: Collection
    id: str
    rev: int
    seq: int
    deleted: bool
    owner: str | None
    updated_by: str | None
    updated_at: str  # the server's clock when it applied the change
    conflicts: tuple[Conflict, ...] = ()
    data: dict[str, Any] = field(default_factory=dict)
    # Set by the server at the first applied upsert; null from an admin tool,
    # absent in what a protocol 1 server sent.
    created_by: str | None = None
    created_at: str | None = None

    @classmethod
    def from_dict(cls, obj: Any) -> Record:
        _raise_if(record_issues(obj))
        return cls(
            collection=obj["collection"],
            id=obj["id"],
            rev=obj["rev"],
            seq=obj["seq"],
            deleted=obj["deleted"],
            owner=obj.get("owner"),
            updated_by=obj.get("updated_by"),
            updated_at=obj["updated_at"],
            conflicts=tuple(Conflict.from_dict(c) for c in obj["conflicts"]),
            data=copy.deepcopy(dict(obj["data"])),
            created_by=obj.get("created_by"),
            created_at=obj.get("created_at"),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "collection": self.collection,
            "id": self.id,
            "rev": self.rev,
            "seq": self.seq,
            "deleted": self.deleted,
            "owner": self.owner,
            "created_by": self.created_by,
            "created_at": self.created_at,
            "updated_by": self.updated_by,
            "updated_at": self.updated_at,
            "conflicts": [c.to_dict() for c in self.conflicts],
            "data": copy.deepcopy(self.data),
        }

    def typed(self) -> CollectionData:
        """The typed view of ``data`` (a live record only; raises ``ValidationError``)."""
        return parse_data(self.collection, self.data)


@dataclass(frozen=True, slots=True)
class Mutation:
    """One change a client pushes (protocol.md, "A mutation")."""

    mutation_id: str
    collection: Collection
    id: str
    owner: str | None
    op: Op
    base_rev: int | None
    data: dict[str, Any] = field(default_factory=dict)
    resolves: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, obj: Any) -> Mutation:
        """Validates the shape and, for an upsert, the data of its collection.

        ``owner``, ``base_rev`` and ``resolves`` may be absent (null, null, []);
        so may ``data`` for a delete ({}).
        """
        _raise_if(mutation_issues(obj))
        return cls(
            mutation_id=obj["mutation_id"],
            collection=obj["collection"],
            id=obj["id"],
            owner=obj.get("owner"),
            op=obj["op"],
            base_rev=obj.get("base_rev"),
            data=copy.deepcopy(dict(obj.get("data") or {})),
            resolves=tuple(obj.get("resolves") or ()),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "mutation_id": self.mutation_id,
            "collection": self.collection,
            "id": self.id,
            "owner": self.owner,
            "op": self.op,
            "base_rev": self.base_rev,
            "data": copy.deepcopy(self.data),
            "resolves": list(self.resolves),
        }


ERROR_FIELDS: Fields = {
    "code": required(choice(ERROR_CODES)),
    "message": required(text),
}
RESULT_FIELDS: Fields = {
    "mutation_id": required(uuid),
    "status": required(choice(RESULT_STATUSES)),
    "rev": optional(integer("3", 0)),
    "seq": optional(integer("1041", 0)),
    "error": optional(lambda value, path: object_issues(value, ERROR_FIELDS, path)),
    "current": optional(lambda value, path: [i.under(path) for i in record_issues(value)]),
}


@dataclass(frozen=True, slots=True)
class ErrorInfo:
    """Why a mutation was rejected: ``invalid``, ``forbidden`` or ``immutable``."""

    code: ErrorCode
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True, slots=True)
class MutationResult:
    """The server's answer to one mutation (protocol.md, "A result")."""

    mutation_id: str
    status: ResultStatus
    rev: int | None = None
    seq: int | None = None
    error: ErrorInfo | None = None
    current: Record | None = None

    @classmethod
    def from_dict(cls, obj: Any) -> MutationResult:
        issues = object_issues(obj, RESULT_FIELDS)
        if not issues and obj["status"] == "rejected" and obj.get("error") is None:
            issues.append(Issue("error", "required"))
        _raise_if(issues)
        error = obj.get("error")
        current = obj.get("current")
        return cls(
            mutation_id=obj["mutation_id"],
            status=obj["status"],
            rev=obj.get("rev"),
            seq=obj.get("seq"),
            error=None if error is None else ErrorInfo(error["code"], error["message"]),
            current=None if current is None else Record.from_dict(current),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "mutation_id": self.mutation_id,
            "status": self.status,
            "rev": self.rev,
            "seq": self.seq,
            "error": None if self.error is None else self.error.to_dict(),
            "current": None if self.current is None else self.current.to_dict(),
        }
