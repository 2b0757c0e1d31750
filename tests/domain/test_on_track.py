"""The on-track rule: a target pro-rated over the period's days, behind under 1 - threshold."""

from __future__ import annotations

from datetime import date

import pytest

from domain.on_track import THRESHOLD, elapsed_share, realisasi_of, standing

YEAR = (date(2026, 1, 1), date(2026, 12, 31))


def test_the_share_counts_whole_days_and_stays_within_the_period() -> None:
    assert elapsed_share(*YEAR, date(2025, 12, 31)) == 0
    assert elapsed_share(*YEAR, date(2026, 1, 1)) == pytest.approx(1 / 365)
    assert elapsed_share(*YEAR, date(2026, 7, 2)) == pytest.approx(183 / 365)
    assert elapsed_share(*YEAR, date(2026, 12, 31)) == 1
    assert elapsed_share(*YEAR, date(2027, 3, 1)) == 1


def test_behind_is_below_eighty_percent_of_what_is_expected() -> None:
    assert THRESHOLD == 0.2
    half = standing(120, 48, 0.5)  # 60 expected, 48 done: exactly 0.8
    assert (half.expected, half.ratio, half.behind) == (60, 0.8, False)
    assert standing(120, 47, 0.5).behind
    assert standing(120, None, 0.5).realisasi == 0 and standing(120, None, 0.5).behind
    assert standing(120, 47, 0.5, threshold=0.3).behind is False


def test_nothing_expected_is_on_track() -> None:
    before = standing(120, None, 0.0)
    assert (before.expected, before.ratio, before.behind) == (0, 1.0, False)
    assert standing(0, 0, 0.7).behind is False


def _progress(period: str, value: float | None, at: str) -> dict[str, object]:
    return {"updated_at": at, "data": {"period_id": period, "values": [value]}}


def test_realisasi_is_the_plans_own_period_else_added_up_or_the_latest() -> None:
    monthly = [_progress("jan", 10, "2026-02-01"), _progress("feb", 15, "2026-03-01")]
    assert realisasi_of(monthly, "year", 0, "quantity") == 25
    assert realisasi_of(monthly, "year", 0, "quality") == 15
    assert (
        realisasi_of([*monthly, _progress("year", 40, "2026-01-05")], "year", 0, "quantity") == 40
    )
    assert realisasi_of([_progress("year", None, "x")], "year", 0, "quantity") is None
    assert realisasi_of([], "year", 0, "quantity") is None
    assert realisasi_of(monthly, "year", 3, "quantity") is None
