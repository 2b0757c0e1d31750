"""The two files of a store: the snapshot and the journal of commits since it.

Snapshot (store.json): one JSON object ``{"kinerja_store": 1, "generation": G,
"tables": {"records": {...}, "outbox": {...}, "meta": {...}}}``, replaced
whole by compaction.

Journal (store.journal): lines ``<crc32 as 8 hex digits> <JSON>\\n``. The first
is the header ``{"kinerja_journal": 1, "generation": G}`` naming the snapshot
it continues; each other line is one committed transaction, ``{"ops": [...]}``
with ``[table, key, value]`` for a put and ``[table, key]`` for a removal.
A final line that is incomplete or fails its checksum is a commit cut short
by a crash (its save never returned) and is dropped; a bad line with good
lines after it is damage.
"""

from __future__ import annotations

import gc
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import orjson

from store import errors

TABLES = ("records", "outbox", "meta")
# Values of these tables are JSON objects; meta values are any JSON.
OBJECT_TABLES = ("records", "outbox")
FORMAT_VERSION = 1

Tables = dict[str, dict[str, Any]]
Op = tuple[str, str, bytes | None]  # table, key, serialized value or None for a removal


class FormatDamage(Exception):
    """A file is not what the store wrote; ``reason`` is an errors.* msgid."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason, detail)
        self.reason = reason
        self.detail = detail


def empty_tables() -> Tables:
    return {name: {} for name in TABLES}


@contextmanager
def no_gc_pauses() -> Iterator[None]:
    """Decode without the cyclic GC: JSON makes no cycles, and at 50k records the
    collections it triggers while allocating would triple the time to open."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# --- snapshot ---------------------------------------------------------------


def encode_snapshot(generation: int, tables: Tables) -> bytes:
    return orjson.dumps(
        {"kinerja_store": FORMAT_VERSION, "generation": generation, "tables": tables}
    )


def decode_snapshot(raw: bytes) -> tuple[int, Tables]:
    try:
        with no_gc_pauses():
            doc = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise FormatDamage(errors.NOT_JSON) from None
    if not isinstance(doc, dict) or doc.get("kinerja_store") != FORMAT_VERSION:
        raise FormatDamage(errors.WRONG_SHAPE)
    generation, tables = doc.get("generation"), doc.get("tables")
    if not isinstance(generation, int) or not isinstance(tables, dict):
        raise FormatDamage(errors.WRONG_SHAPE)
    if set(tables) != set(TABLES) or not all(isinstance(t, dict) for t in tables.values()):
        raise FormatDamage(errors.WRONG_SHAPE)
    for name in OBJECT_TABLES:
        if not all(isinstance(value, dict) for value in tables[name].values()):
            raise FormatDamage(errors.WRONG_SHAPE)
    return generation, tables


# --- journal ----------------------------------------------------------------


def _line(payload: bytes) -> bytes:
    return b"%08x %s\n" % (zlib.crc32(payload), payload)


def encode_header(generation: int) -> bytes:
    return _line(orjson.dumps({"kinerja_journal": FORMAT_VERSION, "generation": generation}))


def encode_commit(ops: list[Op], at: str, number: int) -> bytes:
    """One save: ``at`` first, so that even a line cut short tells when it was made."""
    # Values are already JSON; splicing them in spares a second serialization.
    spliced = [[t, k] if v is None else [t, k, orjson.Fragment(v)] for t, k, v in ops]
    return _line(orjson.dumps({"at": at, "n": number, "ops": spliced}))


def payload_of(line: bytes) -> bytes | None:
    """The checked payload of one line (without its newline), or None if it fails."""
    if len(line) < 10 or line[8:9] != b" ":
        return None
    try:
        crc = int(line[:8], 16)
    except ValueError:
        return None
    payload = line[9:]
    return payload if zlib.crc32(payload) == crc else None


def decode_header(raw: bytes) -> tuple[int, int]:
    """The generation a journal continues, and the offset of its first commit."""
    end = raw.find(b"\n")
    payload = payload_of(raw[:end]) if end >= 0 else None
    if payload is None:
        raise FormatDamage(errors.WRONG_SHAPE)
    try:
        header = orjson.loads(payload)
    except orjson.JSONDecodeError:
        raise FormatDamage(errors.NOT_JSON) from None
    if not isinstance(header, dict) or header.get("kinerja_journal") != FORMAT_VERSION:
        raise FormatDamage(errors.WRONG_SHAPE)
    generation = header.get("generation")
    if not isinstance(generation, int):
        raise FormatDamage(errors.WRONG_SHAPE)
    return generation, end + 1


def apply_commit(tables: Tables, ops: list[list[Any]]) -> None:
    for op in ops:
        if len(op) == 3:
            tables[op[0]][op[1]] = op[2]
        else:
            tables[op[0]].pop(op[1], None)
