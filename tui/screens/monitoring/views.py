"""What each dashboard view shows of its report's rows: columns, cells and a chart's bars.

One ``View`` per report (client/monitoring.py VIEWS). The table is the view
itself, what Enter drills into and what the xlsx export writes; the chart
only sums it up, so the table alone says everything at 80x24 or in NO_COLOR.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from domain.deadlines import office_day
from domain.reports import curve_messages
from domain.vocab import (
    FOLLOW_UP_KIND_LABELS,
    FOLLOW_UP_STEP_LABELS,
    ORG_RATING_LABELS,
    PLAN_STATUS_LABELS,
    PREDIKAT_LABELS,
    PREDIKATS,
)
from tui.screens.monitoring.texts import Words
from tui.texts import N_

Row = Mapping[str, Any]
# Column headings short enough for 80 columns; the chart and F1 spell them out.
SHORT_PREDIKAT = {
    "very_good": "SB",
    "good": "B",
    "needs_improvement": "BP",
    "poor": "K",
    "very_poor": "SK",
}


@dataclass(frozen=True)
class Column:
    key: str
    heading: str  # msgid
    width: int
    state: str | None = None  # the plan state a cell of this column counts (drill-down)


@dataclass(frozen=True)
class View:
    name: str
    title: str  # msgid: the tab's words
    columns: tuple[Column, ...]
    cell: Callable[[Row, str, Words], str]
    bars: Callable[[Sequence[Row], Words], tuple[list[str], list[float]]]
    chart_title: str  # msgid


def _day(value: Any) -> str:
    """An ISO date or instant as DD-MM-YYYY, as people write dates here."""
    day = office_day(value)
    return day.strftime("%d-%m-%Y") if day else "-"


def _number(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.1f}".rstrip("0").rstrip(".")
    return str(value)


def _plans_cell(row: Row, key: str, _: Words) -> str:
    return str(row[key])


def _plans_bars(rows: Sequence[Row], _: Words) -> tuple[list[str], list[float]]:
    states = ("draft", "submitted", "approved", "returned", "missing")
    labels = [PLAN_STATUS_LABELS.get(s, _("Missing")) for s in states]  # type: ignore[call-overload]
    return labels, [float(sum(r[s] for r in rows)) for s in states]


def _curve_cell(row: Row, key: str, _: Words) -> str:
    if key == "org_rating":
        rating = row["org_rating"]
        return ORG_RATING_LABELS.get(rating, "-") if rating else "-"
    if key in PREDIKATS:
        return str((row.get("counts") or {}).get(key, 0))
    if key == "broken":
        broken = len(row["broken"])
        return _("{n} rules broken").format(n=broken) if broken else _("meets the rule")
    return str(row[key])


def broken_rules(row: Row, _: Words) -> str:
    """Each rule of the curve a unit breaks, as a sentence of its own line."""
    return "\n".join(f"• {text}" for text in curve_messages(dict(row), _.lang or "id"))


def _curve_bars(rows: Sequence[Row], _: Words) -> tuple[list[str], list[float]]:
    labels = [PREDIKAT_LABELS[p] for p in PREDIKATS]
    return labels, [float(sum((r.get("counts") or {}).get(p, 0) for r in rows)) for p in PREDIKATS]


def _on_track_cell(row: Row, key: str, _: Words) -> str:
    if key == "realisasi":
        return f"{_number(row['realisasi'])}/{_number(row['expected'])} {row['unit']}".strip()
    if key == "ratio":
        return f"{round(100 * float(row['ratio']))}%"
    if key == "behind":
        return _("behind") if row["behind"] else _("on track")
    return str(row[key])


def _on_track_bars(rows: Sequence[Row], _: Words) -> tuple[list[str], list[float]]:
    behind = sum(1 for r in rows if r["behind"])
    return [_("behind"), _("on track")], [float(behind), float(len(rows) - behind)]


def _training_cell(row: Row, key: str, _: Words) -> str:
    if key == "jp":
        return f"{_number(row['jp'])}/{row['minimum']}"
    if key == "short":
        return _number(row["short"]) if row["short"] else _("met")
    return str(row[key])


def _training_bars(rows: Sequence[Row], _: Words) -> tuple[list[str], list[float]]:
    short = sum(1 for r in rows if r["short"])
    return [_("under 20 JP"), _("20 JP or more")], [float(short), float(len(rows) - short)]


def _follow_up_cell(row: Row, key: str, _: Words) -> str:
    if key == "next_due":
        return _day(row["next_due"])
    if key == "overdue":
        return _("overdue") if row["overdue"] else ""
    if key == "kind":
        return FOLLOW_UP_KIND_LABELS.get(row["kind"], str(row["kind"]))
    if key == "step":
        return FOLLOW_UP_STEP_LABELS.get(row["step"], str(row["step"] or "-"))
    return str(row[key])


def _follow_up_bars(rows: Sequence[Row], _: Words) -> tuple[list[str], list[float]]:
    overdue = sum(1 for r in rows if r["overdue"])
    return [_("overdue"), _("due later")], [float(overdue), float(len(rows) - overdue)]


def _objection_cell(row: Row, key: str, _: Words) -> str:
    if key == "state":
        return _("waiting") if row["state"] == "waiting" else _("decided")
    if key in ("filed_at", "decided_at"):
        return _day(row[key])
    return str(row[key])


def _objection_bars(rows: Sequence[Row], _: Words) -> tuple[list[str], list[float]]:
    states = Counter(r["state"] for r in rows)
    return [_("waiting"), _("decided")], [float(states["waiting"]), float(states["decided"])]


UNIT = Column("unit_name", N_("Unit"), 20)
NAME = Column("name", N_("Name"), 20)
VIEWS: dict[str, View] = {
    "plans": View(
        "plans",
        N_("SKP"),
        (
            UNIT,
            Column("draft", N_("Draft"), 5, "draft"),
            Column("submitted", N_("Sent"), 8, "submitted"),
            Column("approved", N_("Approved"), 9, "approved"),
            Column("returned", N_("Returned"), 7, "returned"),
            Column("missing", N_("Missing"), 9, "missing"),
            Column("total", N_("Total"), 6),
        ),
        _plans_cell,
        _plans_bars,
        N_("SKP by status"),
    ),
    "curve": View(
        "curve",
        N_("Predikat"),
        (
            Column("unit_name", N_("Unit"), 16),
            Column("org_rating", N_("Unit rating"), 13),
            *(Column(p, SHORT_PREDIKAT[p], 3) for p in PREDIKATS),
            Column("broken", N_("Rule of the curve"), 22),
        ),
        _curve_cell,
        _curve_bars,
        N_("Predikat spread"),
    ),
    "on_track": View(
        "on_track",
        N_("On track"),
        (
            NAME,
            Column("indicator", N_("Indicator"), 18),
            Column("realisasi", N_("Done/expected"), 14),
            Column("ratio", "%", 5),
            Column("behind", N_("State"), 12),
        ),
        _on_track_cell,
        _on_track_bars,
        N_("Indicators behind"),
    ),
    "training": View(
        "training",
        N_("JP"),
        (NAME, Column("jp", N_("JP/minimum"), 11), Column("short", N_("Short by"), 9)),
        _training_cell,
        _training_bars,
        N_("JP against 20"),
    ),
    "follow_up": View(
        "follow_up",
        N_("Follow-ups"),
        (
            NAME,
            Column("kind", N_("Kind"), 14),
            Column("step", N_("Step"), 12),
            Column("next_due", N_("Due"), 10),
            Column("overdue", "", 10),
        ),
        _follow_up_cell,
        _follow_up_bars,
        N_("Open tindak lanjut"),
    ),
    "objection": View(
        "objection",
        N_("Objections"),
        (
            NAME,
            Column("state", N_("State"), 10),
            Column("filed_at", N_("Filed"), 10),
            Column("decided_at", N_("Decided"), 10),
        ),
        _objection_cell,
        _objection_bars,
        N_("Keberatan by state"),
    ),
}


def table_cells(view: View, rows: Sequence[Row], _: Words) -> list[list[str]]:
    """Every row's cells as shown (and exported)."""
    return [[view.cell(row, column.key, _) for column in view.columns] for row in rows]


def headings(view: View, _: Words) -> list[str]:
    return [_(column.heading) if column.heading else "" for column in view.columns]
