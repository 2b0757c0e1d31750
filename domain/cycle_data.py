"""Typed views of the performance cycle's data: the SKP and its RHK, realisasi, feedback,
evaluation, keberatan, follow-up and training.

The conventions (validating ``from_dict``, ``to_dict`` with every protocol
key) and the conversions are domain.data's; ``domain.records`` offers these
classes with the organisation's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from domain.data import Number, checked, checked_part, day, iso, moment
from domain.errors import ValidationError
from domain.schema import (
    ATTACHMENT_FIELDS,
    BLOB_FIELDS,
    DECISION_FIELDS,
    INDICATOR_FIELDS,
    STEP_FIELDS,
    evidence_item,
)
from domain.vocab import (
    Approach,
    Aspect,
    Berakhlak,
    EvaluationStatus,
    FollowUpKind,
    FollowUpStatus,
    FollowUpStep,
    ItemKind,
    ObjectionOutcome,
    PlanStatus,
    Predikat,
    Rating,
    SanctionLevel,
    TrainingPath,
)


@dataclass(frozen=True, slots=True)
class Attachments:
    """The Lampiran of the SKP: three free lists."""

    resources: tuple[str, ...] = ()
    accountability: tuple[str, ...] = ()
    consequences: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Attachments:
        d = checked_part(ATTACHMENT_FIELDS, data, "attachments")
        return cls(tuple(d["resources"]), tuple(d["accountability"]), tuple(d["consequences"]))

    def to_dict(self) -> dict[str, Any]:
        return {
            "resources": list(self.resources),
            "accountability": list(self.accountability),
            "consequences": list(self.consequences),
        }


@dataclass(frozen=True, slots=True)
class PlanData:
    period_id: str
    ppk_nip: str
    approach: Approach
    status: PlanStatus
    return_note: str | None
    expectations: Mapping[Berakhlak, str]
    attachments: Attachments

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PlanData:
        d = checked("plan", data)
        return cls(
            d["period_id"], d["ppk_nip"], d["approach"], d["status"], d.get("return_note"),
            dict(d["expectations"]), Attachments.from_dict(d["attachments"]),
        )  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        return {
            "period_id": self.period_id, "ppk_nip": self.ppk_nip, "approach": self.approach,
            "status": self.status, "return_note": self.return_note,
            "expectations": dict(self.expectations), "attachments": self.attachments.to_dict(),
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class Indicator:
    """One IKI of an RHK with its target (a number and unit, or a narrative)."""

    aspect: Aspect
    indicator: str
    target: Number | None = None
    unit: str | None = None
    target_text: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Indicator:
        d = checked_part(INDICATOR_FIELDS, data, "indicator")
        return cls(
            d["aspect"], d["indicator"], d.get("target"), d.get("unit"), d.get("target_text")
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "aspect": self.aspect, "indicator": self.indicator, "target": self.target,
            "unit": self.unit, "target_text": self.target_text,
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class PlanItemData:
    plan_id: str
    kind: ItemKind
    parent_item_id: str | None
    text: str
    indicators: tuple[Indicator, ...]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PlanItemData:
        d = checked("plan_item", data)
        indicators = tuple(Indicator.from_dict(i) for i in d["indicators"])
        return cls(d["plan_id"], d["kind"], d.get("parent_item_id"), d["text"], indicators)

    def to_dict(self) -> dict[str, Any]:
        return {
            "plan_id": self.plan_id, "kind": self.kind, "parent_item_id": self.parent_item_id,
            "text": self.text, "indicators": [i.to_dict() for i in self.indicators],
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class EvidenceFile:
    """A file of evidence kept by the server, named by its SHA-256 (protocol.md, "Evidence files")."""

    sha256: str
    name: str
    size: int
    type: str

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EvidenceFile:
        d = checked_part(BLOB_FIELDS, data, "blob")
        return cls(d["sha256"], d["name"], d["size"], d["type"])

    def to_dict(self) -> dict[str, Any]:
        return {"sha256": self.sha256, "name": self.name, "size": self.size, "type": self.type}


@dataclass(frozen=True, slots=True)
class Evidence:
    """A bukti dukung with its label: a link (``url``) or a file (``blob``), one of the two."""

    label: str
    url: str | None = None
    blob: EvidenceFile | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Evidence:
        issues = evidence_item(data, "evidence")
        if issues:
            raise ValidationError(issues)
        blob = data.get("blob")
        return cls(
            data["label"], data.get("url"), None if blob is None else EvidenceFile.from_dict(blob)
        )

    def to_dict(self) -> dict[str, Any]:
        if self.blob is not None:
            return {"label": self.label, "blob": self.blob.to_dict()}
        return {"label": self.label, "url": self.url}


@dataclass(frozen=True, slots=True)
class ProgressData:
    plan_item_id: str
    period_id: str
    values: tuple[Number | None, ...]  # one per indicator of the RHK, in order
    note: str | None
    evidence: tuple[Evidence, ...]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ProgressData:
        d = checked("progress", data)
        evidence = tuple(Evidence.from_dict(e) for e in d["evidence"])
        return cls(d["plan_item_id"], d["period_id"], tuple(d["values"]), d.get("note"), evidence)

    def to_dict(self) -> dict[str, Any]:
        return {
            "plan_item_id": self.plan_item_id, "period_id": self.period_id,
            "values": list(self.values), "note": self.note,
            "evidence": [e.to_dict() for e in self.evidence],
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class FeedbackData:
    period_id: str | None
    plan_item_id: str | None
    text: str
    acknowledged_at: datetime | None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FeedbackData:
        d = checked("feedback", data)
        return cls(
            d.get("period_id"), d.get("plan_item_id"), d["text"], moment(d.get("acknowledged_at"))
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "period_id": self.period_id, "plan_item_id": self.plan_item_id, "text": self.text,
            "acknowledged_at": iso(self.acknowledged_at),
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class EvaluationData:
    period_id: str
    plan_id: str
    result_rating: Rating
    behaviour_rating: Rating
    behaviour_notes: Mapping[Berakhlak, str]
    item_notes: Mapping[str, str]  # plan_item id -> note
    predikat: Predikat
    status: EvaluationStatus
    finalised_at: datetime | None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EvaluationData:
        d = checked("evaluation", data)
        return cls(
            d["period_id"], d["plan_id"], d["result_rating"], d["behaviour_rating"],
            dict(d["behaviour_notes"]), dict(d["item_notes"]), d["predikat"], d["status"],
            moment(d.get("finalised_at")),
        )  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        return {
            "period_id": self.period_id, "plan_id": self.plan_id,
            "result_rating": self.result_rating, "behaviour_rating": self.behaviour_rating,
            "behaviour_notes": dict(self.behaviour_notes), "item_notes": dict(self.item_notes),
            "predikat": self.predikat, "status": self.status,
            "finalised_at": iso(self.finalised_at),
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class ObjectionDecision:
    """The atasan PPK's final word on a keberatan."""

    outcome: ObjectionOutcome
    note: str
    result_rating: Rating | None
    behaviour_rating: Rating | None
    decided_by: str
    decided_at: datetime

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ObjectionDecision:
        d = checked_part(DECISION_FIELDS, data, "decision")
        return cls(
            d["outcome"], d["note"], d.get("result_rating"), d.get("behaviour_rating"),
            d["decided_by"], datetime.fromisoformat(d["decided_at"]),
        )  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome, "note": self.note, "result_rating": self.result_rating,
            "behaviour_rating": self.behaviour_rating, "decided_by": self.decided_by,
            "decided_at": iso(self.decided_at),
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class ObjectionData:
    evaluation_id: str
    reason: str
    filed_at: datetime
    decision: ObjectionDecision | None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ObjectionData:
        d = checked("objection", data)
        decision = d.get("decision")
        return cls(
            d["evaluation_id"], d["reason"], datetime.fromisoformat(d["filed_at"]),
            None if decision is None else ObjectionDecision.from_dict(decision),
        )  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        return {
            "evaluation_id": self.evaluation_id, "reason": self.reason,
            "filed_at": iso(self.filed_at),
            "decision": None if self.decision is None else self.decision.to_dict(),
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class TrainingData:
    title: str
    path: TrainingPath
    jp: Number
    start: date
    end: date
    organiser: str | None
    certificate: str | None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TrainingData:
        d = checked("training", data)
        return cls(
            d["title"], d["path"], d["jp"], date.fromisoformat(d["start"]),
            date.fromisoformat(d["end"]), d.get("organiser"), d.get("certificate"),
        )  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title, "path": self.path, "jp": self.jp, "start": iso(self.start),
            "end": iso(self.end), "organiser": self.organiser, "certificate": self.certificate,
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class FollowUpStepEntry:
    """One step of the PP 30/2019 path taken, with its date."""

    step: FollowUpStep
    date: date
    note: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FollowUpStepEntry:
        d = checked_part(STEP_FIELDS, data, "steps")
        return cls(d["step"], date.fromisoformat(d["date"]), d.get("note"))

    def to_dict(self) -> dict[str, Any]:
        return {"step": self.step, "date": iso(self.date), "note": self.note}


@dataclass(frozen=True, slots=True)
class FollowUpData:
    kind: FollowUpKind
    description: str
    start: date
    due: date | None
    status: FollowUpStatus
    evaluation_id: str | None
    steps: tuple[FollowUpStepEntry, ...] = ()
    level: SanctionLevel | None = None  # a sanction's level (PP 94/2021)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FollowUpData:
        d = checked("follow_up", data)
        return cls(
            d["kind"], d["description"], date.fromisoformat(d["start"]), day(d.get("due")),
            d["status"], d.get("evaluation_id"),
            tuple(FollowUpStepEntry.from_dict(step) for step in d["steps"]), d.get("level"),
        )  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "description": self.description, "start": iso(self.start),
            "due": iso(self.due), "status": self.status, "evaluation_id": self.evaluation_id,
            "steps": [step.to_dict() for step in self.steps], "level": self.level,
        }  # fmt: skip
