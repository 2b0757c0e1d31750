"""Numbers as people type and read them: the one place for it.

Bahasa Indonesia writes a decimal comma ("97,5"), English a point ("97.5").
Typed numbers are read with either mark (a habit of the other language must
not turn into a refusal); numbers shown use the mark of the person's
language, on every screen: the realisasi an employee types is the one the
PPK reads.
"""

from __future__ import annotations

import re
from typing import Any

from domain.i18n import language

_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
# Enough for any realisasi or target; drops float noise (0.30000000000000004).
DECIMALS = 4


def parse_number(text: str) -> float | int | str | None:
    """A typed number ("120", "99,5", "99.5") as a number; empty as None.

    Anything else is returned as typed, so that domain.validation reports it
    in its own words ("Target must be a number ...") beside the field.
    """
    stripped = text.strip()
    if not stripped:
        return None
    if not _NUMBER.match(stripped):
        return stripped
    value = float(stripped.replace(",", "."))
    return (
        int(value) if value.is_integer() and "." not in stripped and "," not in stripped else value
    )


def format_number(value: object, lang: str | None = None) -> str:
    """A number as people write it: "2,5" in Indonesian, "2.5" in English.

    ``lang`` None is the language of the moment; anything not a number is
    shown as it is.
    """
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    text = f"{value:.{DECIMALS}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if (lang or language()) == "id" else text


# A number as a screen shows it, thousands grouped ("1.250,5" in Indonesian).
_SHOWN = {
    "id": re.compile(r"-?\d{1,3}(\.\d{3})*(,\d+)?|-?\d+(,\d+)?"),
    "en": re.compile(r"-?\d{1,3}(,\d{3})*(\.\d+)?|-?\d+(\.\d+)?"),
}


def typed(text: str, lang: str) -> Any:
    """``text`` as a number when it reads as one in ``lang``, else as it is."""
    shown = text.strip()
    if not _SHOWN["en" if lang == "en" else "id"].fullmatch(shown):
        return shown
    thousands, decimal = (",", ".") if lang == "en" else (".", ",")
    plain = shown.replace(thousands, "").replace(decimal, ".")
    return float(plain) if "." in plain else int(plain)
