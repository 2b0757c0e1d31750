"""From a read log to realisasi values for an indicator, for one period.

``summarise`` counts the requests completed in the period and their
completion times in working days on Sofifi's calendar (domain.workdays);
``propose`` turns that into one value per indicator of the RHK, in the shape
of ``progress.values``, each with the reason a person reads before accepting
it. Nothing here saves anything: the screen asks the person, then saves
through the client's write path and attaches the file as evidence.

Percentiles are interpolated between the nearest ranks, as a spreadsheet's
PERCENTILE.INC (and MEDIAN) compute them, so anyone can check the figure.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from client.servicelog.formats import DAY
from client.servicelog.log import LogRead, LogSpec, Malformed, read_log
from domain.i18n import translator
from domain.workdays import WorkCalendar, default_calendar, unconfirmed_years


def percentile(ordered: Sequence[float], p: float) -> float | None:
    """The ``p``-th percentile (0-100) of sorted values, as PERCENTILE.INC; None when empty."""
    if not ordered:
        return None
    if not 0 <= p <= 100:
        raise ValueError(f"percentile {p} is not between 0 and 100")
    rank = (len(ordered) - 1) * p / 100
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass(frozen=True)
class Summary:
    """A period's figures from a log; ``days`` are the sorted working days per request."""

    start: date
    end: date
    completed: int
    days: tuple[int, ...]
    median: float | None
    percentile: float
    percentile_days: float | None
    open_requests: int
    outside_period: int
    malformed: tuple[Malformed, ...]
    rows: int
    unconfirmed_years: tuple[int, ...]

    def share_within(self, limit: float) -> float | None:
        """The percentage of the period's requests completed within ``limit`` working days."""
        if not self.days:
            return None
        return 100 * bisect_right(self.days, limit) / len(self.days)


def summarise(
    read: LogRead,
    start: date,
    end: date,
    *,
    percentile_wanted: float = 90,
    calendar: WorkCalendar | None = None,
) -> Summary:
    """The requests completed from ``start`` to ``end`` (inclusive, Sofifi's days)."""
    chosen = calendar or default_calendar()
    first, last = start.toordinal(), end.toordinal()
    pairs = [
        (r // DAY, c // DAY)
        for r, c in zip(read.received, read.completed, strict=True)
        if first <= c // DAY <= last
    ]
    days: list[int] = []
    if pairs:
        earliest = date.fromordinal(min(r for r, _c in pairs))
        index = chosen.index(earliest, end)
        elapsed = index.elapsed
        days = sorted(elapsed(r, c) for r, c in pairs)
        years = range(earliest.year, end.year + 1)
    else:
        years = range(start.year, end.year + 1)
    return Summary(
        start=start,
        end=end,
        completed=len(days),
        days=tuple(days),
        median=percentile(days, 50),
        percentile=percentile_wanted,
        percentile_days=percentile(days, percentile_wanted),
        open_requests=read.open_requests,
        outside_period=len(read.completed) - len(pairs),
        malformed=tuple(read.malformed),
        rows=read.rows,
        unconfirmed_years=tuple(unconfirmed_years(chosen, list(years))),
    )


@dataclass(frozen=True)
class Proposal:
    """Values for ``progress.values`` (None: not from this log) and why each one."""

    values: list[float | None]
    reasons: list[str]
    summary: Summary


def _shown(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def propose(
    summary: Summary,
    indicators: Sequence[Mapping[str, Any]],
    *,
    time_figure: str = "median",
    lang: str | None = None,
) -> Proposal:
    """One value per indicator: the count for a quantity, the median (or the chosen
    percentile, ``time_figure="percentile"``) in working days for a time aspect, and
    for a quantity in % the share completed within the RHK's time target."""
    _ = translator("servicelog", lang)
    time_target = next(
        (i.get("target") for i in indicators if i.get("aspect") == "time" and i.get("target")),
        None,
    )
    values: list[float | None] = []
    reasons: list[str] = []
    for indicator in indicators:
        value, reason = None, _("Not computed from a service log.")
        aspect = indicator.get("aspect")
        if not summary.completed:
            reason = _("No request was completed in the period.")
        elif aspect == "quantity" and indicator.get("unit") == "%":
            if time_target is not None:
                share = summary.share_within(float(time_target))
                value = round(share, 1) if share is not None else None
                reason = _(
                    "{share} % of {count} requests completed within {limit} working days."
                ).format(
                    share=_shown(value or 0),
                    count=summary.completed,
                    limit=_shown(float(time_target)),
                )
            else:
                reason = _("A percentage needs a time target in the same RHK.")
        elif aspect == "quantity":
            value = float(summary.completed)
            reason = _("{count} requests completed from {start} to {end}.").format(
                count=summary.completed,
                start=summary.start.isoformat(),
                end=summary.end.isoformat(),
            )
        elif aspect == "time":
            figure = summary.percentile_days if time_figure == "percentile" else summary.median
            value = round(figure, 1) if figure is not None else None
            which = (
                _("percentile {p}").format(p=_shown(summary.percentile))
                if time_figure == "percentile"
                else _("median")
            )
            reason = _("The {which} of {count} completion times: {days} working days.").format(
                which=which, count=summary.completed, days=_shown(value or 0)
            )
        values.append(value)
        reasons.append(reason)
    return Proposal(values, reasons, summary)


def realisasi_from_log(
    path: Path | str,
    spec: LogSpec,
    indicators: Sequence[Mapping[str, Any]],
    start: date,
    end: date,
    *,
    percentile_wanted: float = 90,
    time_figure: str = "median",
    calendar: WorkCalendar | None = None,
    lang: str | None = None,
) -> Proposal:
    """Read the log, summarise the period, propose a value per indicator. Saves nothing."""
    summary = summarise(
        read_log(path, spec), start, end, percentile_wanted=percentile_wanted, calendar=calendar
    )
    return propose(summary, indicators, time_figure=time_figure, lang=lang)
