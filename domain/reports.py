"""The rows of each report (protocol.md, "What a client holds"), from records.

One rule for the server, which feeds the rows from its database for any unit,
and the client, which feeds a PPK's team from its local store offline: both
hand the same records (protocol envelopes) to the same function. Rows keep
every key present, numbers as numbers and dates ISO, so a report keeps its
shape when stored and read back.

``employees`` are the people the report is about (their ``employee``
records; inactive ones are left out), and the other collections may hold
records of anyone: those of people not reported on are ignored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from domain.checks import is_number, parse_date
from domain.curve import CURVE_RULES, check_curve
from domain.on_track import THRESHOLD, period_share, realisasi_of, standing
from domain.training import JP_MINIMUM
from domain.vocab import PREDIKATS

Record = Mapping[str, Any]
Row = dict[str, Any]
PLAN_STATUSES = ("draft", "submitted", "approved", "returned")


def _people(employees: Iterable[Record]) -> dict[str, Record]:
    """The active employees by NIP (their data)."""
    found: dict[str, Record] = {}
    for record in employees:
        data = record.get("data") or {}
        nip = data.get("nip") or record.get("owner")
        if isinstance(nip, str) and not record.get("deleted") and data.get("active", True):
            found[nip] = data
    return found


def _live(records: Iterable[Record], people: Mapping[str, Record]) -> list[Record]:
    return [r for r in records if not r.get("deleted") and r.get("owner") in people]


def _unit_rows(units: Iterable[Record]) -> list[tuple[str, str, Record]]:
    rows = [(str(u["id"]), str((u.get("data") or {}).get("name") or ""), u) for u in units]
    return sorted((r for r in rows if not r[2].get("deleted")), key=lambda r: (r[1], r[0]))


def _person(nip: str, data: Record) -> Row:
    return {"nip": nip, "name": str(data.get("name") or ""), "unit_id": data.get("unit_id")}


def _plan_of_each(plans: Iterable[Record], period_id: str) -> dict[str, Record]:
    """Each owner's plan for the period (the newest written, should there be two)."""
    chosen: dict[str, Record] = {}
    for plan in sorted(plans, key=lambda p: str(p.get("updated_at") or "")):
        if (plan.get("data") or {}).get("period_id") == period_id:
            chosen[str(plan["owner"])] = plan
    return chosen


def plans_rows(
    employees: Iterable[Record], plans: Iterable[Record], units: Iterable[Record], period: Record
) -> list[Row]:
    """SKP by status per unit; ``missing`` counts the people with no SKP for the period."""
    people = _people(employees)
    chosen = _plan_of_each(_live(plans, people), str(period["id"]))
    tally: dict[Any, Counter[str]] = {}
    for nip, data in people.items():
        plan = chosen.get(nip)
        status = (plan.get("data") or {}).get("status") if plan else None
        key = status if status in PLAN_STATUSES else "missing"
        tally.setdefault(data.get("unit_id"), Counter())[key] += 1
    rows = []
    for unit_id, name, _ in _unit_rows(units):
        counts = tally.get(unit_id, Counter())
        row: Row = {"unit_id": unit_id, "unit_name": name}
        row |= {status: counts[status] for status in (*PLAN_STATUSES, "missing")}
        row["total"] = sum(counts.values())
        rows.append(row)
    return rows


def curve_rows(
    employees: Iterable[Record],
    evaluations: Iterable[Record],
    units: Iterable[Record],
    period: Record,
) -> list[Row]:
    """The predikat spread per unit against its rule; ``broken`` names each rule not met.

    Every evaluation of the period counts, draft or final: the check warns
    while there is time to decide. ``broken`` holds the rule ids of
    ``domain.curve`` (``curve_messages`` renders them in a language).
    """
    people = _people(employees)
    period_id = str(period["id"])
    predikats: dict[Any, list[str]] = {}
    for evaluation in _live(evaluations, people):
        data = evaluation.get("data") or {}
        if data.get("period_id") == period_id and data.get("predikat") in PREDIKATS:
            unit = people[str(evaluation["owner"])].get("unit_id")
            predikats.setdefault(unit, []).append(str(data["predikat"]))
    rows = []
    for unit_id, name, unit in _unit_rows(units):
        rating = ((unit.get("data") or {}).get("ratings") or {}).get(period_id)
        org_rating = rating if rating in CURVE_RULES else None
        spread = predikats.get(unit_id, [])
        breaches = check_curve(org_rating, spread) if org_rating else []
        rows.append(
            {
                "unit_id": unit_id,
                "unit_name": name,
                "org_rating": org_rating,
                "total": len(spread),
                "counts": {p: spread.count(p) for p in PREDIKATS},
                "broken": [breach.rule_id for breach in breaches],
            }
        )
    return rows


def curve_messages(row: Record, lang: str = "id") -> list[str]:
    """The broken rules of a ``curve`` row, each as a sentence in ``lang``."""
    if not row.get("org_rating"):
        return []
    spread = [p for p, n in (row.get("counts") or {}).items() for _ in range(int(n))]
    return [b.message(lang) for b in check_curve(row["org_rating"], spread)]


def on_track_rows(
    employees: Iterable[Record],
    plans: Iterable[Record],
    items: Iterable[Record],
    progress: Iterable[Record],
    period: Record,
    today: date,
    threshold: float = THRESHOLD,
) -> list[Row]:
    """Each indicator with a number target of an approved SKP: behind first, then lowest ratio."""
    people = _people(employees)
    period_id = str(period["id"])
    share = period_share(period.get("data") or {}, today)
    approved = {
        str(plan["id"]): plan
        for plan in _plan_of_each(_live(plans, people), period_id).values()
        if (plan.get("data") or {}).get("status") == "approved"
    }
    by_item: dict[str, list[Record]] = {}
    for record in _live(progress, people):
        by_item.setdefault(str((record.get("data") or {}).get("plan_item_id")), []).append(record)
    rows = []
    for item in _live(items, people):
        plan_id = str((item.get("data") or {}).get("plan_id"))
        if plan_id not in approved:
            continue
        nip = str(item["owner"])
        for index, indicator in enumerate((item.get("data") or {}).get("indicators") or []):
            target = indicator.get("target")
            if not is_number(target):
                continue
            aspect = str(indicator.get("aspect") or "")
            done = realisasi_of(by_item.get(str(item["id"]), []), period_id, index, aspect)
            mark = standing(target, done, share, threshold)
            rows.append(
                _person(nip, people[nip])
                | {
                    "plan_id": plan_id,
                    "item_id": str(item["id"]),
                    "indicator": str(indicator.get("indicator") or ""),
                    "target": mark.target,
                    "unit": indicator.get("unit"),
                    "realisasi": mark.realisasi,
                    "expected": round(mark.expected, 4),
                    "ratio": round(mark.ratio, 4),
                    "behind": mark.behind,
                }
            )
    return sorted(rows, key=lambda r: (not r["behind"], r["ratio"], r["nip"], r["item_id"]))


def training_rows(employees: Iterable[Record], trainings: Iterable[Record], year: int) -> list[Row]:
    """JP per person in ``year`` against the minimum; the shortest first."""
    people = _people(employees)
    jp: dict[str, float] = dict.fromkeys(people, 0.0)
    for record in _live(trainings, people):
        data = record.get("data") or {}
        end = parse_date(data.get("end"))
        if end is not None and end.year == year and is_number(data.get("jp")):
            jp[str(record["owner"])] += float(data["jp"])
    rows = [
        _person(nip, data)
        | {
            "jp": jp[nip],
            "minimum": JP_MINIMUM,
            "short": max(0.0, JP_MINIMUM - jp[nip]),
        }
        for nip, data in people.items()
    ]
    return sorted(rows, key=lambda r: (-r["short"], r["name"], r["nip"]))


def follow_up_rows(
    employees: Iterable[Record], follow_ups: Iterable[Record], today: date
) -> list[Row]:
    """The open follow-ups, the earliest due first (those without a due date last)."""
    people = _people(employees)
    rows = []
    for record in _live(follow_ups, people):
        data = record.get("data") or {}
        if data.get("status") != "open":
            continue
        steps = data.get("steps") or []
        due = parse_date(data.get("due"))
        nip = str(record["owner"])
        rows.append(
            _person(nip, people[nip])
            | {
                "id": str(record["id"]),
                "kind": data.get("kind"),
                "step": steps[-1].get("step") if steps else None,
                "next_due": due.isoformat() if due else None,
                "overdue": due is not None and due < today,
            }
        )
    return sorted(rows, key=lambda r: (r["next_due"] is None, r["next_due"] or "", r["id"]))


def objection_rows(
    employees: Iterable[Record],
    objections: Iterable[Record],
    evaluations: Iterable[Record],
    period: Record,
) -> list[Row]:
    """The objections against the period's evaluations: those waiting first, oldest first."""
    people = _people(employees)
    period_id = str(period["id"])
    of_period = {
        str(e["id"])
        for e in evaluations
        if not e.get("deleted") and (e.get("data") or {}).get("period_id") == period_id
    }
    rows = []
    for record in _live(objections, people):
        data = record.get("data") or {}
        if str(data.get("evaluation_id")) not in of_period:
            continue
        decision = data.get("decision") or None
        nip = str(record["owner"])
        rows.append(
            _person(nip, people[nip])
            | {
                "id": str(record["id"]),
                "evaluation_id": str(data.get("evaluation_id")),
                "state": "decided" if decision else "waiting",
                "filed_at": data.get("filed_at"),
                "decided_at": decision.get("decided_at") if decision else None,
            }
        )
    return sorted(rows, key=lambda r: (r["state"] != "waiting", str(r["filed_at"]), r["id"]))


# What each report reads, besides the employees, units and the period.
COLLECTIONS: Mapping[str, tuple[str, ...]] = {
    "plans": ("plan",),
    "curve": ("evaluation",),
    "on_track": ("plan", "plan_item", "progress"),
    "training": ("training",),
    "follow_up": ("follow_up",),
    "objection": ("objection", "evaluation"),
}


def rows_of(
    name: str,
    employees: Sequence[Record],
    units: Sequence[Record],
    period: Record,
    records: Mapping[str, Sequence[Record]],
    today: date,
) -> list[Row]:
    """The rows of report ``name``; ``records`` holds the collections ``COLLECTIONS`` names."""
    if name == "plans":
        return plans_rows(employees, records["plan"], units, period)
    if name == "curve":
        return curve_rows(employees, records["evaluation"], units, period)
    if name == "on_track":
        return on_track_rows(
            employees, records["plan"], records["plan_item"], records["progress"], period, today
        )
    if name == "training":
        year = (period.get("data") or {}).get("year")
        return training_rows(employees, records["training"], int(year or today.year))
    if name == "follow_up":
        return follow_up_rows(employees, records["follow_up"], today)
    if name == "objection":
        return objection_rows(employees, records["objection"], records["evaluation"], period)
    raise KeyError(name)
