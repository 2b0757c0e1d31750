"""The Keberatan area's read model: whose objections, their window, their decision.

No Textual. Each ``Case`` is one final evaluation seen from where the person
stands: their own (they may object within the window of
domain.deadlines), or one under objection that they decide (atasan PPK) or
answer (the PPK). The server's clock decides (protocol 2): ``filed_at`` is
the server's time of the first push, so an objection written offline within
the window but pushed after it is refused by the server and comes back
``rejected``; ``Case.state`` is then ``"late"``, and the screen says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from client.evaluation import team
from client.feedback import iso
from client.records import Snapshot
from client.writes import PROBE_ID, Write, may
from domain.deadlines import objection_deadline, office_date
from domain.permissions import ATASAN_PPK, PPK, relations
from domain.predikat import predikat
from domain.write_facts import finalised_at
from store import new_id

__all__ = ["new_id"]

Rec = Mapping[str, Any]
COLLECTIONS = ("unit", "period", "plan", "evaluation", "objection", "feedback")

# What a case is now, for the list and the keys.
OPEN, CLOSED, FILED, LATE, DECIDED = "open", "closed", "filed", "late", "decided"


@dataclass(frozen=True)
class Case:
    evaluation: Rec
    objection: Rec | None
    finalised: datetime
    deadline: date  # the last day to object, in Sofifi (WIT)
    days_left: int  # from today in Sofifi; negative once the window closed

    @property
    def owner(self) -> str:
        return str(self.evaluation["owner"])

    @property
    def state(self) -> str:
        if self.objection is None:
            return OPEN if self.days_left >= 0 else CLOSED
        if (self.objection["data"] or {}).get("decision"):
            return DECIDED
        rejected = self.objection.get("rejected") or {}
        # Refused by the server and never stored there: pushed after the window.
        if rejected and self.objection.get("base") is None:
            return LATE
        return FILED

    @property
    def decision(self) -> Mapping[str, Any] | None:
        return (self.objection["data"] or {}).get("decision") if self.objection else None


def _case(records: Snapshot, evaluation: Rec, objections: Mapping[str, Rec]) -> Case | None:
    finalised = finalised_at(evaluation)
    if finalised is None:
        return None
    deadline = objection_deadline(finalised)
    return Case(
        evaluation,
        objections.get(evaluation["id"]),
        finalised,
        deadline,
        (deadline - office_date(records.now)).days,
    )


def _objections_by_evaluation(records: Snapshot) -> dict[str, Rec]:
    return {
        str(o["data"].get("evaluation_id")): o
        for o in records.list("objection")
        if o["data"].get("evaluation_id")
    }


def cases(records: Snapshot) -> list[Case]:
    """My final evaluations, then the objections I decide or answer; newest first."""
    me = records.me
    by_evaluation = _objections_by_evaluation(records)
    found: list[Case] = []
    for evaluation in records.list("evaluation"):
        owner = evaluation.get("owner")
        mine = owner == me
        if not mine and evaluation["id"] not in by_evaluation:
            continue
        if not mine and not _relations(records, str(owner)) & {PPK, ATASAN_PPK}:
            continue
        case = _case(records, evaluation, by_evaluation)
        if case is not None:
            found.append(case)
    # Ties (several evaluations finalised in one moment) put those with an
    # objection first, then a fixed order, so the list never depends on the
    # store's order.
    return sorted(
        found,
        key=lambda c: (
            c.owner != me,
            -c.finalised.timestamp(),
            c.objection is None,
            str(c.evaluation["id"]),
        ),
    )


def _relations(records: Snapshot, owner: str) -> frozenset[str]:
    """How I stand to the owner (domain.permissions: a Plt or Plh counts too)."""
    return relations(records.actor, owner, records.org)


def is_atasan_ppk(records: Snapshot, case: Case) -> bool:
    return ATASAN_PPK in _relations(records, case.owner)


def is_ppk(records: Snapshot, case: Case) -> bool:
    return PPK in _relations(records, case.owner)


def to_decide(records: Snapshot) -> list[Case]:
    """Objections waiting for my decision as atasan PPK (Beranda lists them)."""
    return [c for c in cases(records) if c.state == FILED and is_atasan_ppk(records, c)]


# --- writing -------------------------------------------------------------------


def objection_data(evaluation_id: str, reason: str, now: datetime) -> dict[str, Any]:
    """A new objection; ``filed_at`` is this device's time, replaced by the server's."""
    return {"evaluation_id": evaluation_id, "reason": reason.strip(), "filed_at": iso(now)}


def may_file(records: Snapshot, case: Case) -> bool:
    if case.objection is not None or case.owner != records.me:
        return False
    data = objection_data(case.evaluation["id"], "-", records.now)
    return may(Write("objection", PROBE_ID, case.owner, data), records)


def may_decide(records: Snapshot, case: Case) -> bool:
    if case.state != FILED or case.objection is None:
        return False
    sample = decided(case.objection, "upheld", "-", None, records.me, records.now)
    return may(Write("objection", case.objection["id"], case.owner, sample), records)


def decided(
    objection: Rec,
    outcome: str,
    note: str,
    ratings: tuple[str, str] | None,
    me: str,
    now: datetime,
) -> dict[str, Any]:
    """The objection with the atasan PPK's decision (``decided_at``: the server's)."""
    decision: dict[str, Any] = {
        "outcome": outcome,
        "note": note.strip(),
        "decided_by": me,
        "decided_at": iso(now),
    }
    if ratings is not None:
        decision["result_rating"], decision["behaviour_rating"] = ratings
    return {**objection["data"], "decision": decision}


def rerated(evaluation: Rec, result: str, behaviour: str) -> dict[str, Any]:
    """The evaluation with the decided ratings; its predikat follows the matrix."""
    return {
        **evaluation["data"],
        "result_rating": result,
        "behaviour_rating": behaviour,
        "predikat": predikat(result, behaviour),
    }


def decision_writes(
    records: Snapshot, case: Case, outcome: str, note: str, ratings: tuple[str, str] | None
) -> list[Write]:
    """What deciding writes, in order: the evaluation first when changed (the
    atasan PPK may write it only while the objection still waits), then the decision."""
    assert case.objection is not None
    writes = []
    if outcome == "changed" and ratings is not None:
        data = rerated(case.evaluation, *ratings)
        writes.append(Write("evaluation", case.evaluation["id"], case.owner, data))
    data = decided(case.objection, outcome, note, ratings, records.me, records.now)
    writes.append(Write("objection", case.objection["id"], case.owner, data))
    return writes


def curve_of(records: Snapshot, case: Case) -> tuple[str, ...]:
    """The predikat of the PPK's team in the evaluation's unit and period."""
    ppk = records.org.atasan_of(case.owner)
    if ppk is None:
        return ()
    owner = records.employee(case.owner)
    unit_id = owner["data"].get("unit_id") if owner else None
    period_id = str(case.evaluation["data"].get("period_id"))
    return team(records, ppk, unit_id, period_id, {}).predikats
