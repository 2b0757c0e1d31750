"""Sofifi's working-day calendar: which days the office works, kept as data.

The weekend and the days off (hari libur nasional and cuti bersama) live in
``holidays.toml`` beside this module, each year with its source and a status:
``official`` (the joint decree, SKB, of that year) or ``provisional``
(estimated before the SKB was at hand: unconfirmed, so a caller should say
so when it counts days in such a year). An instansi keeps its own changes in
an override file of the same shape (``load_calendar(override)``): a year it
lists replaces that year whole, ``weekend`` and ``cuti_bersama_is_day_off``
replace the defaults, and ``days_off = [{date, name}]`` adds local days off.

How a completion time is counted, in working days (``elapsed``): the office
has a request from the first working day on or after the day it arrived, and
the time is the number of working days after that day up to and including
the day it was completed. Received and completed on the same working day: 0;
received Friday, completed Monday: 1; received Saturday, completed Monday: 0.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any, Literal

from domain.i18n import translator

HOLIDAYS_FILE = Path(__file__).with_name("holidays.toml")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DayOffKind = Literal["holiday", "cuti_bersama", "local"]
YearStatus = Literal["official", "provisional"]


class CalendarError(ValueError):
    """A calendar file that cannot be used; ``str()`` says which and why, in the person's language."""


@dataclass(frozen=True, slots=True)
class DayOff:
    day: date
    name: str
    kind: DayOffKind


@dataclass(frozen=True, slots=True)
class YearSource:
    """Where a year's days off come from."""

    year: int
    status: YearStatus
    source: str


class WorkCalendar:
    """The working days of the office: not a weekend day, not a day off."""

    def __init__(
        self,
        weekend: Iterable[int],
        days_off: Iterable[DayOff],
        years: Mapping[int, YearSource],
    ) -> None:
        self.weekend = frozenset(weekend)
        self.days_off: Mapping[date, DayOff] = {off.day: off for off in days_off}
        self.years = dict(years)

    def day_off(self, day: date) -> DayOff | None:
        return self.days_off.get(day)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() not in self.weekend and day not in self.days_off

    def source_of(self, year: int) -> YearSource | None:
        """The source of ``year``'s days off; None when the calendar has no data for it."""
        return self.years.get(year)

    def elapsed(self, received: date, completed: date) -> int:
        """Working days from ``received`` to ``completed`` (see the module's docstring)."""
        return self.index(received, completed).elapsed(received.toordinal(), completed.toordinal())

    def index(self, first: date, last: date) -> WorkdayIndex:
        """A lookup table for counting many spans between ``first`` and ``last`` in O(1) each."""
        return WorkdayIndex(self, min(first, last), max(first, last))


class WorkdayIndex:
    """Cumulative working days over a range of days, so a span costs two lookups.

    ``elapsed`` takes proleptic ordinals (``date.toordinal()``) so that a
    caller counting thousands of requests never builds a date it doesn't need.
    """

    def __init__(self, calendar: WorkCalendar, first: date, last: date) -> None:
        self.first = first.toordinal()
        self.last = last.toordinal()
        running = 0
        counts: list[int] = []
        working: list[bool] = []
        day = first
        for _ in range(self.last - self.first + 1):
            works = calendar.is_working_day(day)
            running += works
            counts.append(running)
            working.append(works)
            day += timedelta(days=1)
        self._counts = counts
        self._working = working

    def covers(self, ordinal: int) -> bool:
        return self.first <= ordinal <= self.last

    def elapsed(self, received: int, completed: int) -> int:
        """Working days from day ``received`` to day ``completed`` (ordinals inside the range)."""
        r, c = received - self.first, completed - self.first
        days = self._counts[c] - self._counts[r] - (0 if self._working[r] else 1)
        return max(days, 0)


def _error(text: str, **params: object) -> CalendarError:
    _ = translator("workdays")
    return CalendarError(_(text).format(**params))


def _weekend(value: Any, where: Path) -> list[int]:
    if not isinstance(value, list) or not all(v in WEEKDAYS for v in value):
        raise _error(
            "{path}: weekend must be a list of day names ({names}).",
            path=where,
            names=", ".join(WEEKDAYS),
        )
    return [WEEKDAYS.index(v) for v in value]


def _days(value: Any, kind: DayOffKind, where: Path) -> list[DayOff]:
    if not isinstance(value, list):
        raise _error("{path}: {key} must be a list of {{date, name}}.", path=where, key=kind)
    found = []
    for entry in value:
        day = entry.get("date") if isinstance(entry, dict) else None
        if not isinstance(day, date) or not isinstance(entry.get("name"), str):
            raise _error(
                "{path}: every entry of {key} needs a date (YYYY-MM-DD, unquoted) and a name.",
                path=where,
                key=kind,
            )
        found.append(DayOff(day, entry["name"], kind))
    return found


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as source:
            return tomllib.load(source)
    except OSError as error:
        raise _error("Cannot read {path}: {reason}", path=path, reason=error.strerror) from None
    except tomllib.TOMLDecodeError as error:
        raise _error("{path} is not valid TOML: {reason}", path=path, reason=error) from None


def load_calendar(*overrides: Path) -> WorkCalendar:
    """The packaged calendar, with each override file applied in turn."""
    weekend = _weekend(["saturday", "sunday"], HOLIDAYS_FILE)
    with_cuti = True
    years: dict[int, tuple[YearSource, list[DayOff]]] = {}
    local: list[DayOff] = []
    for path in (HOLIDAYS_FILE, *overrides):
        document = _read(path)
        if "weekend" in document:
            weekend = _weekend(document["weekend"], path)
        if "cuti_bersama_is_day_off" in document:
            with_cuti = document["cuti_bersama_is_day_off"] is not False
        local += _days(document.get("days_off", []), "local", path)
        for name, table in (document.get("years") or {}).items():
            years[_year(name, path)] = _year_table(name, table, path)
    days_off = [
        off
        for _source, offs in years.values()
        for off in offs
        if off.kind != "cuti_bersama" or with_cuti
    ]
    return WorkCalendar(weekend, [*days_off, *local], {y: s for y, (s, _d) in years.items()})


def _year(name: str, where: Path) -> int:
    if not (isinstance(name, str) and name.isdigit() and len(name) == 4):
        raise _error("{path}: [years.{name}] is not a year.", path=where, name=name)
    return int(name)


def _year_table(name: str, table: Any, where: Path) -> tuple[YearSource, list[DayOff]]:
    year = _year(name, where)
    status = table.get("status") if isinstance(table, dict) else None
    if status not in ("official", "provisional") or not isinstance(table.get("source"), str):
        raise _error(
            "{path}: [years.{name}] needs status (official or provisional) and a source.",
            path=where,
            name=name,
        )
    offs = _days(table.get("holidays", []), "holiday", where)
    offs += _days(table.get("cuti_bersama", []), "cuti_bersama", where)
    strays = sorted({off.day.isoformat() for off in offs if off.day.year != year})
    if strays:
        raise _error(
            "{path}: [years.{name}] lists days of another year: {days}.",
            path=where,
            name=name,
            days=", ".join(strays),
        )
    return YearSource(year, status, table["source"]), offs


@cache
def default_calendar() -> WorkCalendar:
    """The packaged calendar (read once)."""
    return load_calendar()


def unconfirmed_years(calendar: WorkCalendar, years: Sequence[int]) -> list[int]:
    """Those of ``years`` whose days off the calendar lacks or only estimates."""
    return sorted(
        {
            year
            for year in years
            if (found := calendar.source_of(year)) is None or found.status != "official"
        }
    )
