"""A stored date or instant is read as a day of Sofifi's calendar (WIT)."""

from __future__ import annotations

from datetime import date

from domain.deadlines import office_day


def test_an_instant_after_three_in_the_afternoon_utc_is_the_next_day_in_sofifi() -> None:
    assert office_day("2026-12-02T15:03:19+00:00") == date(2026, 12, 3)
    assert office_day("2026-12-02T14:59:59+00:00") == date(2026, 12, 2)


def test_a_date_stays_the_day_it_names() -> None:
    assert office_day("2026-12-02") == date(2026, 12, 2)


def test_what_is_not_a_date_is_none() -> None:
    assert office_day(None) is None
    assert office_day("") is None
    assert office_day("kemarin") is None
