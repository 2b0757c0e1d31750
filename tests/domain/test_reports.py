"""The rows of each report, computed from records the same way on server and client."""

from __future__ import annotations

from datetime import date
from typing import Any

from domain.reports import (
    curve_messages,
    curve_rows,
    follow_up_rows,
    objection_rows,
    on_track_rows,
    plans_rows,
    rows_of,
    training_rows,
)

A, B, C, GONE = (
    "111111111111111111",
    "222222222222222222",
    "333333333333333333",
    "444444444444444444",
)
PERIOD = {"id": "p26", "data": {"year": 2026, "start": "2026-01-01", "end": "2026-12-31"}}


def rec(
    collection: str, id: str, owner: str | None, deleted: bool = False, **data: Any
) -> dict[str, Any]:
    return {"collection": collection, "id": id, "owner": owner, "deleted": deleted,
            "updated_at": "2026-02-01T00:00:00Z", "data": data}  # fmt: skip


def person(nip: str, unit: str, active: bool = True) -> dict[str, Any]:
    return rec("employee", nip, nip, nip=nip, name=f"Pegawai {nip[0]}", unit_id=unit, active=active)


EMPLOYEES = [person(A, "u1"), person(B, "u1"), person(C, "u2"), person(GONE, "u1", active=False)]
UNITS = [
    rec("unit", "u2", None, name="Sekretariat", ratings={}),
    rec("unit", "u1", None, name="Bidang Satu", ratings={"p26": "good"}),
]


def test_plans_count_each_status_and_who_has_none() -> None:
    plans = [
        rec("plan", "pa", A, period_id="p26", status="approved"),
        rec("plan", "pb", B, period_id="p25", status="approved"),  # another period
        rec("plan", "pc", C, period_id="p26", status="returned"),
        rec("plan", "pg", GONE, period_id="p26", status="draft"),  # inactive: not counted
        rec("plan", "px", C, deleted=True, period_id="p26", status="draft"),
    ]
    rows = plans_rows(EMPLOYEES, plans, UNITS, PERIOD)
    assert rows == [
        {"unit_id": "u1", "unit_name": "Bidang Satu", "draft": 0, "submitted": 0,
         "approved": 1, "returned": 0, "missing": 1, "total": 2},
        {"unit_id": "u2", "unit_name": "Sekretariat", "draft": 0, "submitted": 0,
         "approved": 0, "returned": 1, "missing": 0, "total": 1},
    ]  # fmt: skip


def test_curve_names_each_broken_rule_of_the_units_rating() -> None:
    evaluations = [
        rec("evaluation", "ea", A, period_id="p26", predikat="very_good", status="final"),
        rec("evaluation", "eb", B, period_id="p26", predikat="very_good", status="draft"),
        rec("evaluation", "ec", C, period_id="p26", predikat="good", status="final"),
        rec("evaluation", "eo", A, period_id="p25", predikat="poor", status="final"),
    ]
    one, two = curve_rows(EMPLOYEES, evaluations, UNITS, PERIOD)
    assert one["org_rating"] == "good" and one["total"] == 2
    assert one["counts"] == {"very_good": 2, "good": 0, "needs_improvement": 0, "poor": 0,
                             "very_poor": 0}  # fmt: skip
    assert one["broken"] == ["good.good_most", "good.low_at_least_one"]
    assert len(curve_messages(one, "en")) == 2 and "Baik" in curve_messages(one, "en")[0]
    # No rating for the period: nothing to check against.
    assert (two["org_rating"], two["total"], two["broken"]) == (None, 1, [])
    assert curve_messages(two) == []


def _indicator(target: float | None, aspect: str = "quantity") -> dict[str, Any]:
    return {"aspect": aspect, "indicator": f"IKI {target}", "target": target, "unit": "berkas"}


def test_on_track_lists_those_behind_first_then_the_lowest_ratio() -> None:
    plans = [
        rec("plan", "pa", A, period_id="p26", status="approved"),
        rec("plan", "pb", B, period_id="p26", status="approved"),
        rec("plan", "pc", C, period_id="p26", status="draft"),  # not approved: no realisasi yet
    ]
    items = [
        rec("plan_item", "ia", A, plan_id="pa", indicators=[_indicator(100), _indicator(None)]),
        rec("plan_item", "ib", B, plan_id="pb", indicators=[_indicator(100)]),
        rec("plan_item", "ic", C, plan_id="pc", indicators=[_indicator(100)]),
    ]
    progress = [
        rec("progress", "ga", A, plan_item_id="ia", period_id="p26", values=[45, None]),
        rec("progress", "gb", B, plan_item_id="ib", period_id="p26", values=[30]),
    ]
    rows = on_track_rows(EMPLOYEES, plans, items, progress, PERIOD, date(2026, 7, 2))
    assert [(r["nip"], r["item_id"], r["behind"]) for r in rows] == [
        (B, "ib", True),
        (A, "ia", False),
    ]
    first = rows[0]
    assert first["expected"] == round(100 * 183 / 365, 4)
    assert first["ratio"] == round(30 / (100 * 183 / 365), 4)
    assert set(first) == {"nip", "name", "unit_id", "plan_id", "item_id", "indicator", "target",
                          "unit", "realisasi", "expected", "ratio", "behind"}  # fmt: skip


def test_training_counts_the_jp_of_the_year_against_twenty() -> None:
    trainings = [
        rec("training", "ta", A, jp=12, end="2026-03-01"),
        rec("training", "tb", A, jp=12, end="2026-09-01"),
        rec("training", "tc", B, jp=8, end="2025-12-31"),  # last year
    ]
    rows = training_rows(EMPLOYEES, trainings, 2026)
    assert [(r["nip"], r["jp"], r["short"], r["minimum"]) for r in rows] == [
        (B, 0, 20, 20), (C, 0, 20, 20), (A, 24, 0, 20)
    ]  # fmt: skip


def test_follow_ups_open_by_due_date_with_overdue_marked() -> None:
    follow_ups = [
        rec("follow_up", "f1", A, kind="coaching", status="open", due="2026-05-01",
            steps=[{"step": "coaching", "date": "2026-04-01"}]),
        rec("follow_up", "f2", B, kind="development", status="open", due=None, steps=[]),
        rec("follow_up", "f3", C, kind="reward", status="done", due="2026-01-01", steps=[]),
        rec("follow_up", "f4", C, kind="sanction", status="open", due="2026-08-01", steps=[]),
    ]  # fmt: skip
    rows = follow_up_rows(EMPLOYEES, follow_ups, date(2026, 6, 1))
    assert [(r["id"], r["next_due"], r["overdue"], r["step"]) for r in rows] == [
        ("f1", "2026-05-01", True, "coaching"),
        ("f4", "2026-08-01", False, None),
        ("f2", None, False, None),
    ]


def test_objections_of_the_period_waiting_first() -> None:
    evaluations = [
        rec("evaluation", "e1", A, period_id="p26"),
        rec("evaluation", "e0", B, period_id="p25"),
    ]
    decided = {"outcome": "upheld", "decided_at": "2026-03-05T00:00:00Z"}
    objections = [
        rec("objection", "o1", A, evaluation_id="e1", filed_at="2026-03-01T00:00:00Z", decision=decided),
        rec("objection", "o2", A, evaluation_id="e1", filed_at="2026-03-02T00:00:00Z"),
        rec("objection", "o3", B, evaluation_id="e0", filed_at="2025-03-02T00:00:00Z"),
    ]  # fmt: skip
    rows = objection_rows(EMPLOYEES, objections, evaluations, PERIOD)
    assert [(r["id"], r["state"], r["decided_at"]) for r in rows] == [
        ("o2", "waiting", None),
        ("o1", "decided", "2026-03-05T00:00:00Z"),
    ]


def test_rows_of_dispatches_by_name() -> None:
    records: dict[str, list[Any]] = {"training": []}
    rows = rows_of("training", EMPLOYEES, UNITS, PERIOD, records, date(2026, 6, 1))
    assert len(rows) == 3
