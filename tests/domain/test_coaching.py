"""The PP 30/2019 path's next step and due date, and the credit points as data."""

from __future__ import annotations

from datetime import date

from domain.coaching import NextStep, add_months, next_step
from domain.credit_points import credit_percent, is_functional


def test_coaching_comes_first_with_the_follow_ups_own_due_date() -> None:
    assert next_step([], date(2027, 1, 29)) == NextStep("coaching", date(2027, 1, 29))


def test_the_competency_test_is_due_six_months_after_coaching_began() -> None:
    steps = [{"step": "coaching", "date": "2026-04-13"}]
    assert next_step(steps, date(2027, 1, 29)) == NextStep("competency_test", date(2026, 10, 13))


def test_a_step_without_a_fixed_term_takes_the_follow_ups_due_date() -> None:
    steps = [
        {"step": "coaching", "date": "2026-04-13"},
        {"step": "competency_test", "date": "2026-10-26"},
    ]
    assert next_step(steps, date(2027, 1, 29)) == NextStep("reassignment", date(2027, 1, 29))


def test_dismissal_is_due_a_year_after_temporary_placement_and_ends_the_path() -> None:
    placed = [{"step": "temporary_placement", "date": "2027-02-01"}]
    assert next_step(placed) == NextStep("dismissal", date(2028, 2, 1))
    assert next_step([*placed, {"step": "dismissal", "date": "2028-02-01"}]) is None


def test_months_are_added_to_the_last_day_of_a_shorter_month() -> None:
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)


def test_credit_points_come_from_the_data_file() -> None:
    assert credit_percent() == {
        "very_good": 150,
        "good": 100,
        "needs_improvement": 75,
        "poor": 50,
        "very_poor": 25,
    }


def test_functional_positions_are_known_by_their_title() -> None:
    assert is_functional("Analis Perizinan")
    assert not is_functional("Kepala Bidang Pelayanan")
    assert not is_functional(None)
