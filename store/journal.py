"""Reading a journal's commits back, and telling which saves a damaged stretch cost.

A line whose checksum or shape fails is skipped, and the reading goes on
after it: one flipped byte costs the one save on that line, not the saves
made after it (the outbox above all). Consecutive bad lines form one
damaged stretch; the stretch is described by the saves around it (their
numbers and times, ``n`` and ``at`` of store/fileformat.py) and by the
times still readable inside it, so that a person can be told which save was
lost and from when. A stretch at the very end, with no good line after it,
is a save cut short: by a crash while saving (it never returned) or by
damage to the file. Either way it is reported, never dropped in silence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import orjson

from store.errors import LostSaves
from store.fileformat import OBJECT_TABLES, TABLES, no_gc_pauses, payload_of

Ops = list[list[Any]]
# the time at the head of a line, even when the line's checksum fails
_TIME = re.compile(rb'(?:^|\n)[^\n]{8} \{"at":"([0-9][0-9T:.+\-Z]{9,39})"')


@dataclass
class Scan:
    """The commits found in a stretch of journal, and the stretches that were damaged."""

    commits: list[Ops]
    end: int  # offset just past the last good line
    last_number: int  # ``n`` of the last good line (0: none)
    last_at: str | None = None
    lost: list[LostSaves] = field(default_factory=list)


@dataclass(frozen=True)
class _Commit:
    ops: Ops
    at: str | None
    number: int | None


def scan_commits(raw: bytes, start: int, last_number: int = 0) -> Scan:
    """Read every good commit of ``raw[start:]``; ``last_number``: the ``n`` before ``start``."""
    with no_gc_pauses():
        return _scan(raw, start, last_number)


def _scan(raw: bytes, start: int, last_number: int) -> Scan:
    scan = Scan([], start, last_number)
    pos, size = start, len(raw)
    bad_from: int | None = None
    while pos < size:
        newline = raw.find(b"\n", pos)
        stop = size if newline < 0 else newline
        commit = _commit_of(raw[pos:stop]) if newline >= 0 else None
        if commit is None:
            bad_from = pos if bad_from is None else bad_from
        else:
            # lines from before protocol 2 carry no number: count them
            number = commit.number if commit.number is not None else scan.last_number + 1
            if bad_from is not None:
                stretch = raw[bad_from:pos]
                scan.lost.append(_describe(stretch, bad_from, scan, commit.number, commit.at))
                bad_from = None
            scan.commits.append(commit.ops)
            scan.end, scan.last_number = newline + 1, number
            scan.last_at = commit.at or scan.last_at
        pos = stop + 1
    if bad_from is not None:
        scan.lost.append(_describe(raw[bad_from:], bad_from, scan, None, None, tail=True))
    return scan


def _commit_of(line: bytes) -> _Commit | None:
    """The commit on one line, or None when its checksum or its shape fails."""
    payload = payload_of(line)
    if payload is None:
        return None
    try:
        entry = orjson.loads(payload)
    except orjson.JSONDecodeError:
        return None
    ops = entry.get("ops") if isinstance(entry, dict) else None
    if not isinstance(ops, list) or not all(_is_op(op) for op in ops):
        return None
    at, number = entry.get("at"), entry.get("n")
    return _Commit(
        ops,
        at if isinstance(at, str) else None,
        number if isinstance(number, int) and not isinstance(number, bool) else None,
    )


def _is_op(op: Any) -> bool:
    return (
        isinstance(op, list)
        and len(op) in (2, 3)
        and op[0] in TABLES
        and isinstance(op[1], str)
        and not (len(op) == 3 and op[0] in OBJECT_TABLES and not isinstance(op[2], dict))
    )


def _describe(
    stretch: bytes,
    offset: int,
    before: Scan,
    next_number: int | None,
    next_at: str | None,
    *,
    tail: bool = False,
) -> LostSaves:
    """What a damaged stretch held, as far as the lines around it (and in it) tell.

    ``next_number`` is the number the next good line carries (None for lines
    from before protocol 2, or at the tail): the saves lost are those between.
    """
    first = before.last_number + 1
    # a time read from a damaged line is believed only between its neighbours' times
    low, high = before.last_at or "", next_at or "~"
    times = tuple(
        text
        for text in (match.decode() for match in _TIME.findall(b"\n" + stretch))
        if low <= text <= high
    )
    return LostSaves(
        first=first,
        last=None if next_number is None else next_number - 1,
        tail=tail,
        times=times,
        after=before.last_at,
        before=next_at,
        offset=offset,
    )
