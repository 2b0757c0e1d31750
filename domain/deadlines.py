"""The dates that bind people: the SKP deadline and the objection window.

Days are counted on the office's calendar. Maluku Utara keeps Waktu Indonesia
Timur (UTC+09:00, no daylight saving), so an instant given with any offset is
first moved to WIT before its date is taken: an evaluation finalised at
2026-03-01T20:00:00Z was finalised on 2 March in Sofifi.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

OFFICE_TZ = timezone(timedelta(hours=9), "WIT")
OBJECTION_DAYS = 14  # PP 30/2019 Pasal 59


def office_date(moment: date | datetime) -> date:
    """The calendar day of ``moment`` in Sofifi (naive datetimes are taken as WIT)."""
    if isinstance(moment, datetime):
        if moment.tzinfo is not None:
            moment = moment.astimezone(OFFICE_TZ)
        return moment.date()
    return moment


def office_day(value: object) -> date | None:
    """The day in Sofifi of a stored date ("2026-03-02") or instant
    ("2026-03-01T20:00:00+00:00" is 2 March); None when it is neither."""
    text = str(value or "")
    try:
        if len(text) > 10:
            return office_date(datetime.fromisoformat(text))
        return date.fromisoformat(text)
    except ValueError:
        return None


def skp_deadline(year: int) -> date:
    """The SKP of ``year`` is due by the end of January of that year (domain.md)."""
    return date(year, 1, 31)


def skp_late(year: int, submitted_on: date | datetime) -> bool:
    """Whether an SKP submitted on that day missed its deadline (31 January is on time)."""
    return office_date(submitted_on) > skp_deadline(year)


def objection_deadline(finalised_on: date | datetime) -> date:
    """The last day to object: 14 days after the day the evaluation became final."""
    return office_date(finalised_on) + timedelta(days=OBJECTION_DAYS)


def objection_open(finalised_at: date | datetime, today: date | datetime) -> bool:
    """Whether an objection may still be filed ``today``.

    "Within 14 days of receiving it" (PP 30/2019 Pasal 59) is read inclusively:
    an evaluation finalised on 1 March may be objected to from 1 March up to and
    including 15 March. Receiving it is taken to be the day it became final.
    """
    day = office_date(today)
    return office_date(finalised_at) <= day <= objection_deadline(finalised_at)
