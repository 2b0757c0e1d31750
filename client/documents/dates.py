"""Dates as the official documents write them: "31 Desember 2026".

The one place a document turns a date into words; every document, its
periods, signatures and footers go through ``tanggal``. Indonesian month
names always: the documents are official forms, whatever the interface
language.
"""

from __future__ import annotations

from datetime import date

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def tanggal(day: date) -> str:
    """``date(2026, 12, 31)`` as ``"31 Desember 2026"``."""
    return f"{day.day} {BULAN[day.month - 1]} {day.year}"


def rentang(start: date, end: date) -> str:
    """A period as the forms write it: ``"1 Januari 2026 s.d. 31 Desember 2026"``."""
    return f"{tanggal(start)} s.d. {tanggal(end)}"


def office_today() -> date:
    """Today on Sofifi's calendar (the date a document is signed by default)."""
    from datetime import UTC, datetime

    from domain.deadlines import office_date

    return office_date(datetime.now(UTC))
