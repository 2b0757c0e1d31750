"""The on-track rule: realisasi against the target pro-rated to a day (the early warning).

A target is for the whole period, so on a day within it only the share of
the period's days gone by is expected: linear over the days from ``start``
to ``end`` inclusive (a year is not worked evenly, but any other curve would
be a guess the SKP does not state). Someone is behind on an indicator when
their realisasi is less than ``1 - threshold`` of what is expected, so that
a PPK hears of it while there is still time to help (domain.md, stage 2).

Realisasi of an indicator is the value recorded against the plan's own
period, which is cumulative. When only shorter periods carry values (a
monthly or quarterly entry), a ``quantity`` adds up over them, and any other
aspect (a quality percentage, a time) takes the latest written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from domain.checks import is_number, parse_date

THRESHOLD = 0.2  # behind when under 80 % of the pro-rated target


def elapsed_share(start: date, end: date, today: date) -> float:
    """The share of the period's days gone by at the end of ``today`` (0 to 1)."""
    days = (end - start).days + 1
    if days <= 0:
        return 1.0
    done = (today - start).days + 1
    return min(1.0, max(0.0, done / days))


@dataclass(frozen=True, slots=True)
class Standing:
    """One indicator's realisasi against what is expected by the day."""

    target: float
    realisasi: float
    expected: float
    ratio: float
    behind: bool


def standing(
    target: float, realisasi: float | None, share: float, threshold: float = THRESHOLD
) -> Standing:
    """Where ``realisasi`` stands against ``target`` when ``share`` of the period has gone.

    Nothing expected yet (the period has not begun, or a zero target) is on track.
    """
    done = float(realisasi or 0.0)
    expected = float(target) * share
    ratio = done / expected if expected > 0 else 1.0
    return Standing(float(target), done, expected, ratio, ratio < 1 - threshold)


def realisasi_of(
    progress: Iterable[Mapping[str, Any]], plan_period_id: str, index: int, aspect: str
) -> float | None:
    """The realisasi of indicator ``index`` of one RHK, from its progress records (envelopes)."""
    own: float | None = None
    others: list[tuple[str, float]] = []
    for record in progress:
        data = record.get("data") or {}
        values: Sequence[Any] = data.get("values") or []
        raw = values[index] if index < len(values) else None
        if not is_number(raw):
            continue
        value = float(raw)  # type: ignore[arg-type]  # is_number said so
        if data.get("period_id") == plan_period_id:
            own = value
        else:
            others.append((str(record.get("updated_at") or ""), value))
    if own is not None or not others:
        return own
    if aspect == "quantity":
        return sum(value for _, value in others)
    return max(others)[1]


def period_share(period: Mapping[str, Any], today: date) -> float:
    """``elapsed_share`` of a period record's data; a period without dates counts as over."""
    start, end = parse_date(period.get("start")), parse_date(period.get("end"))
    if start is None or end is None:
        return 1.0
    return elapsed_share(start, end, today)
