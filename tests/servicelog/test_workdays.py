"""Sofifi's working days: weekends and days off as data, and the span of a request."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from domain.workdays import (
    CalendarError,
    default_calendar,
    load_calendar,
    unconfirmed_years,
)

CALENDAR = default_calendar()


def naive_elapsed(received: date, completed: date) -> int:
    """The rule of domain/workdays.py spelled out day by day."""
    start = received
    while not CALENDAR.is_working_day(start):
        start += timedelta(days=1)
    count, day = 0, start + timedelta(days=1)
    while day <= completed:
        count += CALENDAR.is_working_day(day)
        day += timedelta(days=1)
    return count


@pytest.mark.parametrize(
    ("received", "completed", "days"),
    [
        (date(2026, 10, 5), date(2026, 10, 5), 0),  # same working day
        (date(2026, 10, 5), date(2026, 10, 8), 3),  # Monday to Thursday
        (date(2026, 10, 9), date(2026, 10, 12), 1),  # Friday to Monday: the weekend is skipped
        (date(2026, 10, 10), date(2026, 10, 12), 0),  # Saturday: the office has it from Monday
        (date(2026, 10, 10), date(2026, 10, 13), 1),
        (date(2026, 8, 14), date(2026, 8, 18), 1),  # Monday 17 August is Proklamasi Kemerdekaan
        (date(2026, 3, 17), date(2026, 3, 25), 1),  # Nyepi, Idul Fitri and their cuti bersama
        (date(2025, 12, 31), date(2026, 1, 2), 1),  # over New Year's Day
        (date(2025, 12, 24), date(2026, 1, 5), 5),  # 25-26 Dec 2025 and 1 Jan 2026 off
    ],
)
def test_working_days_between_receipt_and_completion(
    received: date, completed: date, days: int
) -> None:
    assert CALENDAR.elapsed(received, completed) == days
    assert naive_elapsed(received, completed) == days


def test_the_index_agrees_with_counting_day_by_day() -> None:
    rng = random.Random(14)
    first, last = date(2025, 1, 1), date(2027, 12, 31)
    index = CALENDAR.index(first, last)
    for _ in range(300):
        received = first + timedelta(days=rng.randrange(1000))
        completed = received + timedelta(days=rng.randrange(40))
        expected = naive_elapsed(received, completed)
        assert index.elapsed(received.toordinal(), completed.toordinal()) == expected


def test_days_off_are_data_with_their_source() -> None:
    off = CALENDAR.day_off(date(2026, 3, 20))
    assert off is not None and off.kind == "cuti_bersama" and "Idul Fitri" in off.name
    assert CALENDAR.source_of(2026) is not None and CALENDAR.source_of(2026).status == "official"  # type: ignore[union-attr]
    assert unconfirmed_years(CALENDAR, [2025, 2026, 2027, 2028]) == [2027, 2028]


def test_an_override_adds_local_days_replaces_a_year_and_may_keep_cuti_bersama_open(
    tmp_path: Path,
) -> None:
    override = tmp_path / "libur.toml"
    override.write_text(
        "cuti_bersama_is_day_off = false\n"
        'days_off = [{ date = 2026-10-12, name = "Hari jadi (contoh)" }]\n'
        "[years.2027]\n"
        'status = "official"\n'
        'source = "SKB 2027"\n'
        'holidays = [{ date = 2027-01-01, name = "Tahun Baru" }]\n',
        encoding="utf-8",
    )
    calendar = load_calendar(override)
    assert not calendar.is_working_day(date(2026, 10, 12))
    assert calendar.is_working_day(date(2026, 3, 20))  # cuti bersama kept as a working day
    assert not calendar.is_working_day(date(2026, 3, 21)) or date(2026, 3, 21).weekday() >= 5
    assert calendar.is_working_day(date(2027, 3, 26))  # the provisional Good Friday is gone
    assert unconfirmed_years(calendar, [2026, 2027]) == []


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('weekend = ["sabtu"]\n', "weekend must be a list of day names"),
        ('[years.2026]\nstatus = "maybe"\nsource = "x"\n', "needs status"),
        (
            '[years.2026]\nstatus = "official"\nsource = "x"\nholidays = [{ date = "2026-01-01", name = "x" }]\n',
            "needs a date",
        ),
        (
            '[years.2026]\nstatus = "official"\nsource = "x"\nholidays = [{ date = 2025-01-01, name = "x" }]\n',
            "days of another year: 2025-01-01",
        ),
        ("weekend = [\n", "is not valid TOML"),
    ],
)
def test_a_bad_override_says_which_file_and_why(
    tmp_path: Path, content: str, words: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KINERJA_LANG", "en")
    override = tmp_path / "libur.toml"
    override.write_text(content, encoding="utf-8")
    with pytest.raises(CalendarError) as bad:
        load_calendar(override)
    assert str(bad.value).startswith(str(override)) and words in str(bad.value)
    monkeypatch.setenv("KINERJA_LANG", "id")
    with pytest.raises(CalendarError) as bad:
        load_calendar(override)
    assert str(override) in str(bad.value) and words not in str(bad.value)
