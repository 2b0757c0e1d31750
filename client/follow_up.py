"""The Tindak lanjut area's read model: follow-ups, the coaching path, what to propose.

No Textual. A follow-up starts from a final evaluation (or stands alone, for
the admin); the kind proposed follows the predikat (domain.md): Sangat Baik
a penghargaan, Butuh Perbaikan or worse pembinaan with a development plan,
and Kurang/Misconduct also the note that discipline (PP 94/2021) is a
separate track. Coaching follows domain.coaching's path; a development
follow-up is answered by the owner's training that ended between its start
and its due date (no field links them in protocol 2, so the dates do).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from client.records import Snapshot
from client.writes import PROBE_ID, Write, may
from domain.checks import parse_date
from domain.coaching import NextStep, next_step
from domain.credit_points import credit_percent, is_functional
from domain.deadlines import office_date
from domain.permissions import can_read
from domain.predikat import NEEDS_DEVELOPMENT
from store import new_id

__all__ = ["new_id"]

Rec = dict[str, Any]
COLLECTIONS = ("follow_up", "evaluation", "period", "training")


@dataclass(frozen=True)
class Entry:
    record: Rec
    next: NextStep | None  # the coaching path's next step (coaching only, while open)
    late: bool  # the next step (or the follow-up's due date) has passed

    @property
    def data(self) -> Mapping[str, Any]:
        found: Mapping[str, Any] = self.record["data"]
        return found

    @property
    def owner(self) -> str:
        return str(self.record["owner"])

    @property
    def due(self) -> date | None:
        """The next date that binds: the next step's, else the follow-up's own."""
        if self.next is not None and self.next.due is not None:
            return self.next.due
        return parse_date(self.data.get("due"))


def today(records: Snapshot) -> date:
    return office_date(records.now)


def entry(records: Snapshot, record: Rec) -> Entry:
    data = record["data"]
    is_open = data.get("status") == "open"
    due = parse_date(data.get("due"))
    step = next_step(data.get("steps") or [], due) if data.get("kind") == "coaching" else None
    shown = step if is_open else None
    binding = shown.due if shown is not None and shown.due is not None else due
    late = is_open and binding is not None and today(records) > binding
    return Entry(record, shown, late)


def entries(records: Snapshot) -> list[Entry]:
    """Every follow-up this person may read (protocol 2's table, asked of
    domain.permissions as the server does): open ones first, by the next due date."""
    found = [
        entry(records, r)
        for r in records.list("follow_up")
        if can_read(records.actor, "follow_up", r.get("owner"), records.org)
    ]
    return sorted(
        found,
        key=lambda e: (
            e.data.get("status") != "open",
            e.due or date.max,
            records.name_of(e.owner),
        ),
    )


def open_of(records: Snapshot, nips: set[str] | None = None) -> list[Entry]:
    """Open follow-ups (of ``nips`` when given), by next due date: Beranda's list."""
    return [
        e
        for e in entries(records)
        if e.data.get("status") == "open" and (nips is None or e.owner in nips)
    ]


# --- from an evaluation --------------------------------------------------------------


@dataclass(frozen=True)
class Proposal:
    kind: str | None  # the follow-up kind the predikat calls for, None for none
    discipline: bool  # Kurang/Misconduct: discipline is a separate track


def proposal(predikat: str | None) -> Proposal:
    if predikat == "very_good":
        return Proposal("reward", False)
    if predikat in NEEDS_DEVELOPMENT:
        return Proposal("coaching", predikat == "poor")
    return Proposal(None, False)


def final_evaluations(records: Snapshot) -> list[Rec]:
    """The final evaluations a follow-up may start from: those I may write one for."""
    found = [
        e
        for e in records.list("evaluation")
        if e["data"].get("status") == "final" and may_record(records, str(e["owner"]))
    ]
    return sorted(
        found, key=lambda e: (str(e["data"].get("finalised_at", "")), e["id"]), reverse=True
    )


def credit_text_percent(records: Snapshot, evaluation: Rec) -> int | None:
    """The percent of the annual credit-point coefficient, for functional staff only."""
    person = records.employee(str(evaluation["owner"]))
    if person is None or not is_functional(person["data"].get("position")):
        return None
    return credit_percent().get(str(evaluation["data"].get("predikat")))


def answering_training(records: Snapshot, follow_up: Entry) -> list[Rec]:
    """The owner's training ended between a development follow-up's start and due date."""
    if follow_up.data.get("kind") not in ("development", "coaching"):
        return []
    start = parse_date(follow_up.data.get("start"))
    due = parse_date(follow_up.data.get("due")) or date.max
    return [
        t
        for t in records.list("training", owner=follow_up.owner)
        if start is not None
        and (end := parse_date(t["data"].get("end"))) is not None
        and start <= end <= due
    ]


# --- writing ----------------------------------------------------------------------


def may_record(records: Snapshot, owner: str) -> bool:
    sample = {"kind": "reward", "description": "-", "start": "2026-01-01", "status": "open"}
    return may(Write("follow_up", PROBE_ID, owner, {**sample, "steps": []}), records)


def follow_up_data(
    *,
    kind: str,
    description: str,
    start: date,
    due: date | None,
    evaluation_id: str | None,
    level: str | None,
) -> dict[str, Any]:
    """A new follow-up; coaching starts on its first step, pembinaan, on ``start``."""
    data: dict[str, Any] = {
        "kind": kind,
        "description": description.strip(),
        "start": start.isoformat(),
        "status": "open",
        "steps": [{"step": "coaching", "date": start.isoformat()}] if kind == "coaching" else [],
    }
    if due is not None:
        data["due"] = due.isoformat()
    if evaluation_id:
        data["evaluation_id"] = evaluation_id
    if kind == "sanction" and level:
        data["level"] = level
    return data


def with_step(found: Entry, day: date, note: str) -> dict[str, Any] | None:
    """The follow-up with its next step taken on ``day``; None when none is left."""
    if found.next is None:
        return None
    step: dict[str, Any] = {"step": found.next.step, "date": day.isoformat()}
    if note.strip():
        step["note"] = note.strip()
    return {**found.data, "steps": [*(found.data.get("steps") or []), step]}


def closed(found: Entry) -> dict[str, Any]:
    return {**found.data, "status": "done"}
