"""Small composable checks of JSON values, each giving ``Issue``s at a path.

A ``Check`` takes a value that is present and not null, and the dotted path
it sits at, and returns what is wrong with it. ``Fields`` describes an
object: which keys it has, which of them are optional (the ``?`` of
protocol.md: null or absent), and the check of each. Unknown keys are
reported, never ignored, so a misspelt field cannot vanish silently.
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

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def checked_elsewhere(value: Any, path: str) -> list[Issue]:
    """For a field whose check needs its neighbours (a record's data needs its collection)."""
    return []


def text(value: Any, path: str) -> list[Issue]:
    return [] if isinstance(value, str) else [Issue(path, "text")]


def filled_text(value: Any, path: str) -> list[Issue]:
    """Text with something in it: a required name or RHK may not be blank."""
    if not isinstance(value, str):
        return [Issue(path, "text")]
    return [] if value.strip() else [Issue(path, "required")]


def reference(value: Any, path: str) -> list[Issue]:
    """The id of another record (made by a client, so any non-blank string)."""
    return filled_text(value, path)


def uuid(value: Any, path: str) -> list[Issue]:
    return [] if isinstance(value, str) and _UUID.fullmatch(value) else [Issue(path, "uuid")]


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def number(value: Any, path: str) -> list[Issue]:
    return [] if is_number(value) else [Issue(path, "number")]


def positive(example: str) -> Check:
    def check(value: Any, path: str) -> list[Issue]:
        if not is_number(value):
            return [Issue(path, "number")]
        return [] if value > 0 else [Issue(path, "positive", {"example": example})]

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


def list_of(item: Check, non_empty: bool = False, nullable_items: bool = False) -> Check:
    def check(value: Any, path: str) -> list[Issue]:
        if not isinstance(value, list):
            return [Issue(path, "list")]
        if non_empty and not value:
            return [Issue(path, "not_empty")]
        issues: list[Issue] = []
        for index, element in enumerate(value):
            where = join(path, index)
            if element is not None:
                issues += item(element, where)
            elif not nullable_items:
                issues.append(Issue(where, "required"))
        return issues

    return check


def map_of(value_check: Check, keys: Collection[str] | None = None) -> Check:
    """An object of free keys (or of ``keys`` only) to values of one kind."""

    def check(value: Any, path: str) -> list[Issue]:
        if not isinstance(value, Mapping):
            return [Issue(path, "mapping")]
        issues: list[Issue] = []
        for key, element in value.items():
            where = join(path, str(key))
            if keys is not None and key not in keys:
                issues.append(Issue(where, "unknown_field"))
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
