"""Competence development hours (JP, jam pelajaran) against the yearly minimum.

Every PNS is owed at least 20 JP of competence development a year (PP 11/2017
as amended by PP 17/2020; domain.md). A training counts in the year its
``end`` date falls in: a course from 28 December to 3 January is that
January's, because its JP are earned (and its certificate dated) at the end.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from domain.checks import is_number, parse_date
from domain.errors import ValidationError
from domain.messages import Issue

JP_MINIMUM = 20


def jp_in_year(trainings: Iterable[Mapping[str, Any]], year: int) -> float:
    """The JP of the trainings (data dicts of protocol.md) that ended in ``year``.

    Raises ``ValidationError`` for a training without a valid ``end`` or ``jp``.
    """
    total = 0.0
    for index, training in enumerate(trainings):
        end, jp = parse_date(training.get("end")), training.get("jp")
        issues = [] if end else [Issue(f"trainings[{index}].end", "date", {}, "training")]
        if not is_number(jp):
            issues.append(Issue(f"trainings[{index}].jp", "number", {}, "training"))
        if issues:
            raise ValidationError(issues)
        if end is not None and end.year == year:
            total += float(jp)  # type: ignore[arg-type]
    return total


def jp_shortfall(trainings: Iterable[Mapping[str, Any]], year: int) -> float:
    """How many JP short of ``JP_MINIMUM`` the year is (0 when it is met)."""
    return max(0.0, JP_MINIMUM - jp_in_year(trainings, year))
