"""The NIP (Nomor Induk Pegawai): parse, check and display it.

A PNS NIP is 18 digits laid out ``YYYYMMDD YYYYMM G NNN`` (domain.md): the
birth date, the year and month of appointment as CPNS (TMT), the gender
(1 male, 2 female) and a sequence number (001 unless the first fifteen
digits collide, so 000 never occurs).

PPPK numbers follow another layout that is (unconfirmed) in domain.md, so a
PPPK NIP is accepted as any 18 digits, and only when the caller says the
number is a PPPK one (``kind="PPPK"``); its date and gender fields are then
left unknown (``None``) rather than guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from domain.errors import ValidationError
from domain.messages import Issue

NIP_LENGTH = 18
# The plausible age at appointment as CPNS. The real entry limit is lower
# (35, or 40 for some posts), but older appointments exist in records from
# before today's rules, so the bounds only catch digits that cannot be right.
MIN_APPOINTMENT_AGE = 18
MAX_APPOINTMENT_AGE = 60

Gender = Literal["male", "female"]
_GENDERS: dict[str, Gender] = {"1": "male", "2": "female"}


@dataclass(frozen=True, slots=True)
class Nip:
    """A checked NIP. For a PPPK NIP only ``digits`` and ``kind`` are known."""

    digits: str
    birth_date: date | None
    tmt_year: int | None
    tmt_month: int | None
    gender: Gender | None
    sequence: int
    kind: str = "PNS"

    @property
    def grouped(self) -> str:
        """The NIP as printed on forms: ``19860926 201505 1 001``."""
        return _grouped(self.digits)


def _grouped(digits: str) -> str:
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def _shape_issues(digits: str, field: str) -> list[Issue]:
    strays = sorted({c for c in digits if not c.isascii() or not c.isdigit()})
    if strays:
        shown = " ".join(f'"{c}"' for c in strays)
        return [Issue(field, "nip_characters", {"characters": shown})]
    if len(digits) != NIP_LENGTH:
        return [Issue(field, "nip_length", {"count": len(digits)})]
    return []


def _age_at(birth: date, year: int, month: int) -> int:
    # TMT has no day: take the first of the month, the earliest it can be
    return year - birth.year - (1 if (month, 1) < (birth.month, birth.day) else 0)


def _pns_issues(digits: str, field: str, today: date) -> list[Issue]:
    issues: list[Issue] = []
    year, month, day = int(digits[0:4]), int(digits[4:6]), int(digits[6:8])
    tmt_year, tmt_month = int(digits[8:12]), int(digits[12:14])
    birth: date | None = None
    if not 1 <= month <= 12:
        issues.append(Issue(field, "nip_birth_month", {"month": digits[4:6]}))
    else:
        try:
            birth = date(year, month, day)
        except ValueError:
            issues.append(
                Issue(
                    field, "nip_birth_day", {"day": digits[6:8], "month": digits[4:6], "year": year}
                )
            )
    if birth is not None and birth > today:
        issues.append(Issue(field, "nip_birth_future", {"birth": birth.isoformat()}))
    if not 1 <= tmt_month <= 12:
        issues.append(Issue(field, "nip_tmt_month", {"month": digits[12:14]}))
    elif birth is not None:
        tmt = f"{tmt_year:04d}-{tmt_month:02d}"
        if (tmt_year, tmt_month) < (birth.year, birth.month):
            issues.append(
                Issue(field, "nip_tmt_before_birth", {"tmt": tmt, "birth": birth.isoformat()})
            )
        else:
            age = _age_at(birth, tmt_year, tmt_month)
            if not MIN_APPOINTMENT_AGE <= age <= MAX_APPOINTMENT_AGE:
                issues.append(
                    Issue(
                        field,
                        "nip_tmt_age",
                        {"age": age, "low": MIN_APPOINTMENT_AGE, "high": MAX_APPOINTMENT_AGE},
                    )
                )
    if digits[14] not in _GENDERS:
        issues.append(Issue(field, "nip_gender", {"digit": digits[14]}))
    if digits[15:] == "000":
        issues.append(Issue(field, "nip_sequence"))
    return issues


def nip_issues(
    text: str,
    kind: str = "PNS",
    today: date | None = None,
    field: str = "nip",
    stored: bool = False,
) -> list[Issue]:
    """What is wrong with ``text`` as a NIP of this kind (empty when it is fine).

    People may type spaces; a ``stored`` NIP (in a record) is the bare digits,
    so that NIPs compare equal wherever they are kept.
    """
    digits = "".join(text.split())
    if stored and digits != text:
        return [Issue(field, "nip_spaces")]
    issues = _shape_issues(digits, field)
    if issues or kind == "PPPK":
        return issues
    return _pns_issues(digits, field, today or date.today())


def parse_nip(text: str, kind: str = "PNS", today: date | None = None) -> Nip:
    """The NIP in ``text`` (spaces allowed), or ``ValidationError`` saying what is wrong.

    ``today`` bounds the birth date (default: the system date).
    """
    issues = nip_issues(text, kind, today)
    if issues:
        raise ValidationError(issues)
    digits = "".join(text.split())
    if kind == "PPPK":
        return Nip(digits, None, None, None, None, int(digits[15:]), kind="PPPK")
    return Nip(
        digits=digits,
        birth_date=date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8])),
        tmt_year=int(digits[8:12]),
        tmt_month=int(digits[12:14]),
        gender=_GENDERS[digits[14]],
        sequence=int(digits[15:]),
    )


def is_valid_nip(text: str, kind: str = "PNS", today: date | None = None) -> bool:
    return not nip_issues(text, kind, today)


def format_nip(text: str) -> str:
    """``text`` grouped for display when it is 18 digits, else as it was given.

    Only the shape is checked, so a PPPK NIP is grouped the same way.
    """
    digits = "".join(text.split())
    if _shape_issues(digits, "nip"):
        return text
    return _grouped(digits)
