"""The PP 30/2019 path for targets not met (Pasal 56-58; domain.md, "Tindak lanjut").

Six months of pembinaan, then the competency test; failing that, a fitting or
lower position, then at most a year's temporary placement, then honourable
dismissal. A coaching follow-up records these steps with their dates; this
module says which step comes next and by when. Where the rules fix a term
(six months of coaching, at most one year of temporary placement) the due
date follows from the step before; otherwise it is the follow-up's own
``due``, set by the PPK.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from domain.checks import parse_date
from domain.vocab import FOLLOW_UP_STEPS, FollowUpStep

# The months a step may last before the next one is due.
MONTHS_BEFORE_NEXT: Mapping[FollowUpStep, int] = {"coaching": 6, "temporary_placement": 12}


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it has no such day)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class NextStep:
    step: FollowUpStep
    due: date | None


def next_step(steps: Sequence[Mapping[str, Any]], due: date | None = None) -> NextStep | None:
    """The step after the last one taken (the first, coaching, when none was), and
    its due date; None once the path has ended."""
    taken = [s for s in steps if s.get("step") in FOLLOW_UP_STEPS]
    if not taken:
        return NextStep("coaching", due)
    last = max(taken, key=lambda s: FOLLOW_UP_STEPS.index(s["step"]))
    index = FOLLOW_UP_STEPS.index(last["step"])
    if index + 1 >= len(FOLLOW_UP_STEPS):
        return None
    months = MONTHS_BEFORE_NEXT.get(last["step"])
    taken_on = parse_date(last.get("date"))
    if months is not None and taken_on is not None:
        due = add_months(taken_on, months)
    return NextStep(FOLLOW_UP_STEPS[index + 1], due)
