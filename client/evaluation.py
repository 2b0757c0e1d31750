"""The Evaluasi area's read model: the facts an evaluation is made from.

Pure lookups on a snapshot of the store (client/records.py) and record
shapes, no Textual: the SKP that covers a period, the realisasi of its RHK,
the evaluation of a period, and the team a unit's curve is checked on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from client.numbers import format_number
from client.records import Snapshot
from store import new_id

__all__ = ["new_id"]  # the one id maker (store.records), offered to the screen from here

Rec = Mapping[str, Any]
# What the Evaluasi screen reads at each refresh (objections: for the write facts).
COLLECTIONS = (
    "unit",
    "period",
    "plan",
    "plan_item",
    "progress",
    "feedback",
    "evaluation",
    "objection",
)


def _covers(outer: Rec, inner: Rec) -> bool:
    o, i = outer["data"], inner["data"]
    return bool(o.get("start", "") <= i.get("start", "") and i.get("end", "") <= o.get("end", ""))


def plan_for(records: Snapshot, owner: str, period: Rec) -> Rec | None:
    """The SKP that a period's work is measured against: the plan of that very
    period, else the plan whose period covers it (the annual SKP for a quarter);
    an approved one first."""
    plans = [r for r in records.list("plan", owner=owner)]
    by_id = {p["id"]: p for p in records.list("period")}

    def rank(plan: Rec) -> tuple[int, int]:
        own = plan["data"].get("period_id")
        exact = 0 if own == period["id"] else 1
        return (exact, 0 if plan["data"].get("status") == "approved" else 1)

    fitting = [
        p
        for p in plans
        if p["data"].get("period_id") == period["id"]
        or (
            (outer := by_id.get(p["data"].get("period_id", ""))) is not None
            and _covers(outer, period)
        )
    ]
    return min(fitting, key=rank) if fitting else None


def progress_by_item(records: Snapshot, owner: str, period_id: str) -> dict[str, Rec]:
    return {
        r["data"]["plan_item_id"]: r
        for r in records.list("progress", owner=owner)
        if r["data"].get("period_id") == period_id
    }


def evaluation_for(records: Snapshot, owner: str, period_id: str) -> Rec | None:
    for rec in records.list("evaluation", owner=owner):
        if rec["data"].get("period_id") == period_id:
            return rec
    return None


def unit_rating(records: Snapshot, unit_id: str | None, period_id: str) -> str | None:
    """The unit's predikat kinerja organisasi for the period, if one was set."""
    unit = records.get("unit", unit_id) if unit_id else None
    if not unit or unit.get("deleted"):
        return None
    rating = (unit["data"].get("ratings") or {}).get(period_id)
    return str(rating) if rating else None


def unit_led_by(records: Snapshot, nip: str) -> Rec | None:
    """The unit whose head this person is, if any."""
    for unit in records.list("unit"):
        if unit["data"].get("head_nip") == nip:
            return unit
    return None


@dataclass(frozen=True)
class Team:
    """The PPK's people in one unit, for the curve: who has a predikat yet."""

    unit_id: str | None
    predikats: tuple[str, ...]
    unrated: int


def team(
    records: Snapshot, ppk: str, unit_id: str | None, period_id: str, current: Mapping[str, str]
) -> Team:
    """The predikat of each of ``ppk``'s subordinates in the unit for the period;
    ``current`` overrides the stored one (the choice being made on screen)."""
    predikats: list[str] = []
    unrated = 0
    for person in records.subordinates(ppk):
        if person["data"].get("unit_id") != unit_id:
            continue
        nip = str(person["data"]["nip"])
        chosen = current.get(nip)
        if chosen is None:
            rec = evaluation_for(records, nip, period_id)
            chosen = rec["data"].get("predikat") if rec else None
        if chosen and chosen != "invalid":
            predikats.append(chosen)
        else:
            unrated += 1
    return Team(unit_id, tuple(predikats), unrated)


def target_text(indicator: Mapping[str, Any]) -> str:
    if indicator.get("target_text"):
        return str(indicator["target_text"])
    target = indicator.get("target")
    if target is None:
        return "-"
    return f"{format_number(target)} {indicator.get('unit') or ''}".strip()


def realisasi_text(progress: Rec | None, index: int, indicator: Mapping[str, Any]) -> str:
    if progress is None:
        return "-"
    values: Sequence[Any] = progress["data"].get("values") or []
    value = values[index] if index < len(values) else None
    if value is None:
        return "-"
    return f"{format_number(value)} {indicator.get('unit') or ''}".strip()


def evaluation_data(
    *,
    period_id: str,
    plan_id: str,
    result_rating: str,
    behaviour_rating: str,
    predikat: str,
    behaviour_notes: Mapping[str, str],
    item_notes: Mapping[str, str],
    finalised_at: str | None = None,
) -> dict[str, Any]:
    """An evaluation in protocol.md's shape; final when ``finalised_at`` is given."""
    data: dict[str, Any] = {
        "period_id": period_id,
        "plan_id": plan_id,
        "result_rating": result_rating,
        "behaviour_rating": behaviour_rating,
        "behaviour_notes": {k: v for k, v in behaviour_notes.items() if v.strip()},
        "item_notes": {k: v for k, v in item_notes.items() if v.strip()},
        "predikat": predikat,
        "status": "final" if finalised_at else "draft",
    }
    if finalised_at:
        data["finalised_at"] = finalised_at
    return data


def why_not_final(
    records: Snapshot,
    owner: str,
    period_id: str,
    plan_id: str,
    evaluation_id: str | None,
    lang: str,
) -> str | None:
    """Why making the evaluation final would be refused now, in the rules' own words
    (domain/references.py: only on an approved SKP); None when it may be.

    A sample final evaluation is validated as a save would validate it, so
    the screen says why before the key is pressed, and the rule stays in
    one place.
    """
    from client.writes import PROBE_ID, Write, validate

    sample = evaluation_data(
        period_id=period_id,
        plan_id=plan_id,
        result_rating="as_expected",
        behaviour_rating="as_expected",
        predikat="good",
        behaviour_notes={},
        item_notes={},
        finalised_at=records.now.isoformat(timespec="seconds"),
    )
    found = validate(Write("evaluation", evaluation_id or PROBE_ID, owner, sample), records, lang)
    return found.fields.get("status") if found else None


def evidence_lines(progress: Rec | None) -> list[str]:
    """A realisasi's bukti dukung, one line each: the label and its link or file name."""
    if progress is None:
        return []
    found = []
    for item in progress["data"].get("evidence") or []:
        blob = item.get("blob") or {}
        where = item.get("url") or blob.get("name") or ""
        found.append(f"{item.get('label', '')}: {where}".strip(": "))
    return found
