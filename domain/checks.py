"""Small composable checks of JSON values, each giving ``Issue``s at a path.

A ``Check`` takes a value that is present and not null, and the dotted path
it sits at, and returns what is wrong with it. ``Fields`` describes an
object: which keys it has, which of them are optional (the ``?`` of
protocol.md: null or absent), and the check of each. Unknown keys are
reported, never ignored, so a misspelt field cannot vanish silently.

Every text has a length limit and no control characters but newline and
tab; every list and free map a most; every number a range (protocol.md,
"Limits"). The limits are here, once, for the client and the server alike.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from domain.messages import Issue
from domain.nip import nip_issues

Check = Callable[[Any, str], list[Issue]]

TEXT_MAX = 2_000  # characters of a text field
NOTE_MAX = 10_000  # characters of a note or a reason
KEY_MAX = 64  # characters of a record id, and of a free key of a map
NUMBER_MAX = 1_000_000_000  # targets and values: 0 to 10^9
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_MEDIA_TYPE = re.compile(r"[A-Za-z0-9][\w.+-]*/[A-Za-z0-9][\w.+-]*")
# The control characters (Unicode category Cc) but newline and tab.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_URL = re.compile(r"https?://[^\s/?#@]+(?:[/?#]\S*)?", re.IGNORECASE)
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def checked_elsewhere(value: Any, path: str) -> list[Issue]:
    """For a field whose check needs its neighbours (a record's data needs its collection)."""
    return []


def text_of(limit: int, *, filled: bool = False) -> Check:
    """Text of at most ``limit`` characters, no control character but newline and tab;
    ``filled``: with something in it (a required name or RHK may not be blank)."""

    def check(value: Any, path: str) -> list[Issue]:
        if not isinstance(value, str):
            return [Issue(path, "text")]
        if filled and not value.strip():
            return [Issue(path, "required")]
        if len(value) > limit:
            return [Issue(path, "too_long", {"limit": limit})]
        return [Issue(path, "control_character")] if _CONTROL.search(value) else []

    return check


text = text_of(TEXT_MAX)
filled_text = text_of(TEXT_MAX, filled=True)
note = text_of(NOTE_MAX)
filled_note = text_of(NOTE_MAX, filled=True)
reference = text_of(KEY_MAX, filled=True)  # the id of another record, made by a client


def is_web_url(text: str) -> bool:
    """An http or https address with a host (never javascript:, file: or data:): the one
    rule for a bukti dukung's link, here and in the forms (client/form_rules.py)."""
    return _URL.fullmatch(text.strip()) is not None


def web_url(value: Any, path: str) -> list[Issue]:
    """An http or https address (never javascript:, file: or data:)."""
    issues = filled_text(value, path)
    if issues:
        return issues
    return [] if is_web_url(value) else [Issue(path, "url_scheme")]


def sha256(value: Any, path: str) -> list[Issue]:
    ok = isinstance(value, str) and _SHA256.fullmatch(value)
    return [] if ok else [Issue(path, "sha256")]


def media_type(value: Any, path: str) -> list[Issue]:
    ok = isinstance(value, str) and len(value) <= 255 and _MEDIA_TYPE.fullmatch(value)
    return [] if ok else [Issue(path, "media_type")]


def uuid(value: Any, path: str) -> list[Issue]:
    return [] if isinstance(value, str) and _UUID.fullmatch(value) else [Issue(path, "uuid")]


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def number(value: Any, path: str) -> list[Issue]:
    return [] if is_number(value) else [Issue(path, "number")]


def number_in(low: float, high: float) -> Check:
    """A finite number from ``low`` to ``high``, both included."""

    def check(value: Any, path: str) -> list[Issue]:
        if not is_number(value):
            return [Issue(path, "number")]
        return [] if low <= value <= high else [Issue(path, "range", {"low": low, "high": high})]

    return check


measure = number_in(0, NUMBER_MAX)  # a target or a realisasi value


def positive(example: str, high: float) -> Check:
    """A finite number above 0 and at most ``high``."""

    def check(value: Any, path: str) -> list[Issue]:
        if not is_number(value):
            return [Issue(path, "number")]
        if value <= 0:
            return [Issue(path, "positive", {"example": example})]
        return [] if value <= high else [Issue(path, "range", {"low": 0, "high": high})]

    return check


def integer(example: str, low: int | None = None, high: int | None = None) -> Check:
    def check(value: Any, path: str) -> list[Issue]:
        if not isinstance(value, int) or isinstance(value, bool):
            return [Issue(path, "integer", {"example": example})]
        if low == 0 and high is None and value < 0:
            return [Issue(path, "not_negative")]
        if (low is not None and value < low) or (high is not None and value > high):
            return [Issue(path, "range", {"low": low, "high": high})]
        return []

    return check


def boolean(value: Any, path: str) -> list[Issue]:
    return [] if isinstance(value, bool) else [Issue(path, "boolean")]


def choice(options: Collection[str], labels: Mapping[Any, str] | None = None) -> Check:
    shown = ", ".join(f"{o} ({labels[o]})" if labels else o for o in options)

    def check(value: Any, path: str) -> list[Issue]:
        return [] if value in options else [Issue(path, "choice", {"choices": shown})]

    return check


def parse_date(value: Any) -> date | None:
    """A ``YYYY-MM-DD`` date, or None (no other ISO spelling is accepted)."""
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def parse_instant(value: Any) -> datetime | None:
    """An ISO 8601 instant with its offset, or None."""
    if not isinstance(value, str) or len(value) < 16 or value[10:11] not in ("T", " "):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def a_date(value: Any, path: str) -> list[Issue]:
    return [] if parse_date(value) else [Issue(path, "date")]


def instant(value: Any, path: str) -> list[Issue]:
    return [] if parse_instant(value) else [Issue(path, "datetime")]


def nip_reference(value: Any, path: str) -> list[Issue]:
    """A NIP of someone whose kind is not known here: 18 digits.

    The full PNS check (dates, gender digit) runs on the employee's own record,
    where ``kind`` says which layout applies; a PPPK NIP must pass here too.
    """
    if not isinstance(value, str):
        return [Issue(path, "text")]
    return nip_issues(value, kind="PPPK", field=path, stored=True)


def list_of(
    item: Check, most: int, *, non_empty: bool = False, nullable_items: bool = False
) -> Check:
    def check(value: Any, path: str) -> list[Issue]:
        if not isinstance(value, list):
            return [Issue(path, "list")]
        if non_empty and not value:
            return [Issue(path, "not_empty")]
        if len(value) > most:
            return [Issue(path, "too_many", {"limit": most})]
        issues: list[Issue] = []
        for index, element in enumerate(value):
            where = join(path, index)
            if element is not None:
                issues += item(element, where)
            elif not nullable_items:
                issues.append(Issue(where, "required"))
        return issues

    return check


def map_of(value_check: Check, keys: Collection[str] | None = None, most: int = 0) -> Check:
    """An object of ``keys`` only, or of at most ``most`` free keys (ids), to values of one kind."""

    def check(value: Any, path: str) -> list[Issue]:
        if not isinstance(value, Mapping):
            return [Issue(path, "mapping")]
        if keys is None and len(value) > most:
            return [Issue(path, "too_many", {"limit": most})]
        issues: list[Issue] = []
        for key, element in value.items():
            where = join(path, str(key))
            if keys is not None and key not in keys:
                issues.append(Issue(where, "unknown_field"))
            elif keys is None and reference(key, where):
                issues.extend(reference(key, where))
            elif element is None:
                issues.append(Issue(where, "required"))
            else:
                issues += value_check(element, where)
        return issues

    return check


@dataclass(frozen=True)
class Field:
    check: Check
    optional: bool = False


Fields = Mapping[str, Field]


def required(check: Check) -> Field:
    return Field(check)


def optional(check: Check) -> Field:
    return Field(check, optional=True)


def object_issues(value: Any, fields: Fields, path: str = "") -> list[Issue]:
    """What is wrong with ``value`` as an object of these fields."""
    if not isinstance(value, Mapping):
        return [Issue(path or "data", "mapping")]
    issues: list[Issue] = []
    for key, spec in fields.items():
        where = join(path, key)
        present = value.get(key)
        if present is None:
            if not spec.optional:
                issues.append(Issue(where, "required"))
        else:
            issues += spec.check(present, where)
    issues += [Issue(join(path, str(key)), "unknown_field") for key in value if key not in fields]
    return issues


def obj(fields: Fields) -> Check:
    def check(value: Any, path: str) -> list[Issue]:
        return object_issues(value, fields, path)

    return check
