"""The date and time formats a service system's CSV may use, parsed fast.

Each format is a regular expression with named parts, so that 100,000 values
parse in well under a second (``datetime.strptime`` is several times slower).
A parsed value is a count of seconds on Sofifi's clock (WIT, UTC+09:00) from
the proleptic calendar's day 0: ``value // 86400`` is the day's ordinal, and
two values compare as instants. A value with no zone is taken as WIT; ``Z``,
an offset, WIB, WITA and WIT are honoured. Day-first comes before month-first
in ``FORMATS``, as Indonesian offices write dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

DAY = 86400
WIT_OFFSET = 9 * 3600
ZONES = {"WIB": 7 * 3600, "WITA": 8 * 3600, "WIT": 9 * 3600, "Z": 0}
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "januari", "january"),
            ("feb", "februari", "february", "peb", "pebruari"),
            ("mar", "maret", "march"),
            ("apr", "april"),
            ("mei", "may"),
            ("jun", "juni", "june"),
            ("jul", "juli", "july"),
            ("agu", "agt", "ags", "agustus", "aug", "august"),
            ("sep", "sept", "september"),
            ("okt", "oct", "oktober", "october"),
            ("nov", "nop", "november", "nopember"),
            ("des", "dec", "desember", "december"),
        ),
        start=1,
    )
    for name in names
}
_TIME = r"(?:(?:T|\s+)(?P<H>\d{1,2})[:.](?P<M>\d{2})(?:[:.](?P<S>\d{2})(?:[.,]\d+)?)?)?"
_ZONE = r"\s*(?P<z>Z|[+-]\d{2}:?\d{2}|WIB|WITA|WIT)?"


@dataclass(frozen=True)
class DateFormat:
    """A way of writing a date and time: its key, an example a person recognises, its pattern."""

    key: str
    example: str
    pattern: re.Pattern[str]


def _format(key: str, example: str, day_part: str) -> DateFormat:
    return DateFormat(key, example, re.compile(day_part + _TIME + _ZONE, re.IGNORECASE))


FORMATS: tuple[DateFormat, ...] = (
    _format("iso", "2026-12-31 14:30", r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    _format("ymd", "2026/12/31 14:30", r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})"),
    _format("dmy", "31/12/2026 14.30", r"(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})"),
    _format(
        "d_mon_y", "31 Des 2026 14:30", r"(?P<d>\d{1,2})[\s-]+(?P<mon>[A-Za-z]+)[\s-]+(?P<y>\d{4})"
    ),
    _format("mdy", "12/31/2026 2:30", r"(?P<m>\d{1,2})[/.-](?P<d>\d{1,2})[/.-](?P<y>\d{4})"),
)
BY_KEY = {f.key: f for f in FORMATS}


class Parser:
    """Parses values of one format; keeps the ordinals of the days it has seen."""

    def __init__(self, key: str) -> None:
        self.format = BY_KEY[key]
        self._match = self.format.pattern.fullmatch
        self._textual = key == "d_mon_y"
        self._days: dict[tuple[int, int, int], int] = {}

    def __call__(self, text: str) -> int | None:
        """Seconds on Sofifi's clock (see the module), or None when ``text`` is not this format."""
        found = self._match(text.strip())
        if found is None:
            return None
        if self._textual:
            month = MONTHS.get(found["mon"].lower())
            if month is None:
                return None
        else:
            month = int(found["m"])
        key = (int(found["y"]), month, int(found["d"]))
        ordinal = self._days.get(key)
        if ordinal is None:
            try:
                ordinal = date(*key).toordinal()
            except ValueError:
                return None
            self._days[key] = ordinal
        hour, minute, second = found["H"], found["M"], found["S"]
        seconds = 0
        if hour is not None:
            h, m, s = int(hour), int(minute), int(second or 0)
            if h > 23 or m > 59 or s > 59:
                return None
            seconds = h * 3600 + m * 60 + s
        zone = found["z"]
        shift = 0 if zone is None else WIT_OFFSET - _offset(zone)
        return ordinal * DAY + seconds + shift


def _offset(zone: str) -> int:
    named = ZONES.get(zone.upper())
    if named is not None:
        return named
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    return sign * (int(digits[:2]) * 3600 + int(digits[2:]) * 60)


FITTING_SHARE = 0.8  # a sample may hold a few malformed values; read_log lists them


def fitting_formats(samples: Iterable[str]) -> list[str]:
    """The keys of the formats that most non-empty samples are written in, likeliest first."""
    values = [s for s in samples if s.strip()]
    if not values:
        return []
    shares = []
    for rank, candidate in enumerate(FORMATS):
        parse = Parser(candidate.key)
        share = sum(parse(v) is not None for v in values) / len(values)
        if share >= FITTING_SHARE:
            shares.append((-share, rank, candidate.key))
    return [key for _share, _rank, key in sorted(shares)]


def examples(keys: Sequence[str]) -> list[str]:
    return [BY_KEY[k].example for k in keys]
