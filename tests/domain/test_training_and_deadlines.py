"""Yearly JP and the dates that bind people."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from domain.deadlines import (
    OBJECTION_DAYS,
    objection_deadline,
    objection_open,
    skp_deadline,
    skp_late,
)
from domain.training import JP_MINIMUM, jp_in_year, jp_shortfall
from domain.validation import ValidationError

TRAININGS = [
    {"jp": 12, "start": "2026-03-02", "end": "2026-03-03"},
    {"jp": 4.5, "start": "2026-06-01", "end": "2026-06-01"},
    {"jp": 8, "start": "2025-12-29", "end": "2026-01-02"},  # counts in 2026, its end
    {"jp": 40, "start": "2025-05-01", "end": "2025-05-05"},
]


def test_jp_count_in_the_year_their_training_ends() -> None:
    assert JP_MINIMUM == 20
    assert jp_in_year(TRAININGS, 2026) == 24.5
    assert jp_in_year(TRAININGS, 2025) == 40
    assert jp_in_year([], 2026) == 0


def test_shortfall_is_zero_once_met() -> None:
    assert jp_shortfall(TRAININGS, 2026) == 0
    assert jp_shortfall(TRAININGS[:2], 2026) == 3.5
    assert jp_shortfall([], 2027) == 20


def test_a_training_without_a_valid_end_or_jp_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        jp_in_year([TRAININGS[0], {"jp": "8", "end": "2026/01/02"}], 2026)
    assert [i.field for i in caught.value.issues] == ["trainings[1].end", "trainings[1].jp"]
    assert "Pelatihan ke-2" in caught.value.message("id")


def test_the_skp_is_due_by_the_end_of_january() -> None:
    assert skp_deadline(2026) == date(2026, 1, 31)
    assert not skp_late(2026, date(2026, 1, 31))
    assert skp_late(2026, date(2026, 2, 1))
    assert not skp_late(2026, date(2025, 12, 15))
    # 16:00 UTC on 31 January is already 1 February in Sofifi
    assert skp_late(2026, datetime(2026, 1, 31, 16, 0, tzinfo=UTC))
    assert not skp_late(2026, datetime(2026, 1, 31, 14, 59, tzinfo=UTC))


def test_the_objection_window_counts_fourteen_days_inclusive() -> None:
    assert OBJECTION_DAYS == 14
    final = date(2026, 3, 1)
    assert objection_deadline(final) == date(2026, 3, 15)
    assert objection_open(final, final)
    assert objection_open(final, date(2026, 3, 15))
    assert not objection_open(final, date(2026, 3, 16))
    assert not objection_open(final, date(2026, 2, 28))  # not final yet


def test_the_window_is_on_the_office_calendar() -> None:
    wit = timezone(timedelta(hours=9))
    final = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)  # 2 March in Sofifi
    assert objection_deadline(final) == date(2026, 3, 16)
    assert objection_open(final, datetime(2026, 3, 16, 23, 59, tzinfo=wit))
    assert not objection_open(final, datetime(2026, 3, 16, 15, 0, tzinfo=UTC))
