"""Three-way merge of a record's data, field by field, against the base version.

Only top-level keys of ``data`` are fields; a nested value (a list of
indicators, a map of notes) is one opaque unit, because merging inside it
could make a combination neither person wrote (half of one indicator list
and half of another).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

_ABSENT = object()


@dataclass(frozen=True)
class Merge:
    """The outcome: ``merged`` holds every field; clashing ones take ``mine``."""

    merged: dict[str, Any]
    mine: list[str] = field(default_factory=list)  # changed by us only
    theirs: list[str] = field(default_factory=list)  # changed by them only
    clashes: list[str] = field(default_factory=list)  # changed by both, differently

    @property
    def clean(self) -> bool:
        return not self.clashes


def merge_fields(
    base: dict[str, Any] | None, mine: dict[str, Any], theirs: dict[str, Any]
) -> Merge:
    """Merge two edits of one record; a field both changed the same way is no clash."""
    base = base or {}
    merged: dict[str, Any] = {}
    result = Merge(merged)
    for key in sorted(set(base) | set(mine) | set(theirs)):
        was = base.get(key, _ABSENT)
        ours = mine.get(key, _ABSENT)
        their = theirs.get(key, _ABSENT)
        if ours == their:
            chosen = ours
        elif ours == was:
            chosen = their
            result.theirs.append(key)
        elif their == was:
            chosen = ours
            result.mine.append(key)
        else:
            chosen = ours
            result.clashes.append(key)
        if chosen is not _ABSENT:
            merged[key] = chosen
    return result
