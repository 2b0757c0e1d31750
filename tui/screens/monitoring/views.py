"""What each dashboard view shows of its report's rows: columns, cells and a chart's bars.

One ``View`` per report (client/monitoring.py VIEWS), all of them in one
table, ``VIEWS``: each column says how its cells read (the value as it is
unless it names a way), each view what its chart sums. The table is the view
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


Cell = Callable[[Row, str, Words], str]  # (row, the column's key, words) -> what it shows
Bars = Callable[[Sequence[Row], Words], tuple[list[str], list[float]]]


def _number(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.1f}".rstrip("0").rstrip(".")
    return str(value)


# --- how a cell reads: the value as it is, unless its column names another way -----------
def _as_is(row: Row, key: str, _: Words) -> str:
    return str(row[key])


def _date(row: Row, key: str, _: Words) -> str:
    """An ISO date or instant as DD-MM-YYYY, as people write dates here."""
    day = office_day(row[key])
    return day.strftime("%d-%m-%Y") if day else "-"


def _org_rating(row: Row, key: str, _: Words) -> str:
    rating = row[key]
    return ORG_RATING_LABELS.get(rating, "-") if rating else "-"


def _predikat_count(row: Row, key: str, _: Words) -> str:
    return str((row.get("counts") or {}).get(key, 0))


def _rules_broken(row: Row, key: str, _: Words) -> str:
    broken = len(row[key])
    return _("{n} rules broken").format(n=broken) if broken else _("meets the rule")


def _done_of_expected(row: Row, key: str, _: Words) -> str:
    return f"{_number(row[key])}/{_number(row['expected'])} {row['unit']}".strip()


def _percent(row: Row, key: str, _: Words) -> str:
    return f"{round(100 * float(row[key]))}%"


def _jp_of_minimum(row: Row, key: str, _: Words) -> str:
    return f"{_number(row[key])}/{row['minimum']}"


def _short_by(row: Row, key: str, _: Words) -> str:
    return _number(row[key]) if row[key] else _("met")


def _kind(row: Row, key: str, _: Words) -> str:
    return FOLLOW_UP_KIND_LABELS.get(row[key], str(row[key]))


def _step(row: Row, key: str, _: Words) -> str:
    return FOLLOW_UP_STEP_LABELS.get(row[key], str(row[key] or "-"))


def _either(yes: str, no: str, when: Callable[[Any], bool] = bool) -> Cell:
    """The msgid ``yes`` where ``when(value)``, else ``no`` ("" stays blank)."""

    def cell(row: Row, key: str, _: Words) -> str:
        word = yes if when(row[key]) else no
        return _(word) if word else ""

    return cell


# --- what a chart sums up ----------------------------------------------------------------
def _plans_bars(rows: Sequence[Row], _: Words) -> tuple[list[str], list[float]]:
    states = ("draft", "submitted", "approved", "returned", "missing")
    labels = [PLAN_STATUS_LABELS.get(s, _("Missing")) for s in states]  # type: ignore[call-overload]
    return labels, [float(sum(r[s] for r in rows)) for s in states]


def _curve_bars(rows: Sequence[Row], _: Words) -> tuple[list[str], list[float]]:
    labels = [PREDIKAT_LABELS[p] for p in PREDIKATS]
    return labels, [float(sum((r.get("counts") or {}).get(p, 0) for r in rows)) for p in PREDIKATS]


def _split(flag: str, yes: str, no: str) -> Bars:
    """Two bars: the rows whose ``flag`` is set (msgid ``yes``) and the others (``no``)."""

    def bars(rows: Sequence[Row], _: Words) -> tuple[list[str], list[float]]:
        flagged = sum(1 for r in rows if r[flag])
        return [_(yes), _(no)], [float(flagged), float(len(rows) - flagged)]

    return bars


def _tally(key: str, words: Mapping[str, str]) -> Bars:
    """A bar for each value of ``key`` that ``words`` names (value -> msgid)."""

    def bars(rows: Sequence[Row], _: Words) -> tuple[list[str], list[float]]:
        found = Counter(r[key] for r in rows)
        return [_(word) for word in words.values()], [float(found[value]) for value in words]

    return bars


def broken_rules(row: Row, _: Words) -> str:
    """Each rule of the curve a unit breaks, as a sentence of its own line."""
    return "\n".join(f"• {text}" for text in curve_messages(dict(row), _.lang or "id"))


@dataclass(frozen=True)
class Column:
    key: str
    heading: str  # msgid
    width: int
    state: str | None = None  # the plan state a cell of this column counts (drill-down)
    cell: Cell = _as_is


@dataclass(frozen=True)
class View:
    name: str
    title: str  # msgid: the tab's words
    columns: tuple[Column, ...]
    bars: Bars
    chart_title: str  # msgid


UNIT = Column("unit_name", N_("Unit"), 20)
NAME = Column("name", N_("Name"), 20)
# Every view, as data: the code below and the screen only read it.
VIEWS: dict[str, View] = {
    view.name: view
    for view in (
        View(
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
            _plans_bars,
            N_("SKP by status"),
        ),
        View(
            "curve",
            N_("Predikat"),
            (
                Column("unit_name", N_("Unit"), 16),
                Column("org_rating", N_("Unit rating"), 13, cell=_org_rating),
                *(Column(p, SHORT_PREDIKAT[p], 3, cell=_predikat_count) for p in PREDIKATS),
                Column("broken", N_("Rule of the curve"), 22, cell=_rules_broken),
            ),
            _curve_bars,
            N_("Predikat spread"),
        ),
        View(
            "on_track",
            N_("On track"),
            (
                NAME,
                Column("indicator", N_("Indicator"), 18),
                Column("realisasi", N_("Done/expected"), 14, cell=_done_of_expected),
                Column("ratio", "%", 5, cell=_percent),
                Column("behind", N_("State"), 12, cell=_either(N_("behind"), N_("on track"))),
            ),
            _split("behind", N_("behind"), N_("on track")),
            N_("Indicators behind"),
        ),
        View(
            "training",
            N_("JP"),
            (
                NAME,
                Column("jp", N_("JP/minimum"), 11, cell=_jp_of_minimum),
                Column("short", N_("Short by"), 9, cell=_short_by),
            ),
            _split("short", N_("under 20 JP"), N_("20 JP or more")),
            N_("JP against 20"),
        ),
        View(
            "follow_up",
            N_("Follow-ups"),
            (
                NAME,
                Column("kind", N_("Kind"), 14, cell=_kind),
                Column("step", N_("Step"), 12, cell=_step),
                Column("next_due", N_("Due"), 10, cell=_date),
                Column("overdue", "", 10, cell=_either(N_("overdue"), "")),
            ),
            _split("overdue", N_("overdue"), N_("due later")),
            N_("Open tindak lanjut"),
        ),
        View(
            "objection",
            N_("Objections"),
            (
                NAME,
                Column(
                    "state",
                    N_("State"),
                    10,
                    cell=_either(N_("waiting"), N_("decided"), lambda state: state == "waiting"),
                ),
                Column("filed_at", N_("Filed"), 10, cell=_date),
                Column("decided_at", N_("Decided"), 10, cell=_date),
            ),
            _tally("state", {"waiting": N_("waiting"), "decided": N_("decided")}),
            N_("Keberatan by state"),
        ),
    )
}


def table_cells(view: View, rows: Sequence[Row], _: Words) -> list[list[str]]:
    """Every row's cells as shown (and exported)."""
    return [[column.cell(row, column.key, _) for column in view.columns] for row in rows]


def headings(view: View, _: Words) -> list[str]:
    return [_(column.heading) if column.heading else "" for column in view.columns]
