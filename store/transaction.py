"""The changes of one ``Store.transaction()`` block, buffered until it exits cleanly."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import orjson

from store.fileformat import OBJECT_TABLES, TABLES, Op, Tables, no_gc_pauses


def check_table(table: str) -> None:
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; the store has {', '.join(TABLES)}")


def copy_value(value: Any) -> Any:
    """A private deep copy of a JSON value, so callers never alias the store's state."""
    return orjson.loads(orjson.dumps(value))


def copy_bulk(value: Any) -> Any:
    """copy_value for many values at once (a table, a list of records): one pass, no GC pauses.

    Pausing the GC around each small copy instead would cost more than the
    copy: every re-enable lets a collection run over the whole heap.
    """
    with no_gc_pauses():
        return orjson.loads(orjson.dumps(value))


Savepoint = tuple[dict[tuple[str, str], bytes | None], dict[tuple[str, str], tuple[bytes, Any]]]


class Transaction:
    """Reads see the committed state plus this block's own writes.

    Values are serialized when put (so a value that is not JSON fails inside
    the block, before anything is written) and every value read is a copy.
    """

    def __init__(self, committed: Tables) -> None:
        self._committed = committed
        self._writes: dict[tuple[str, str], bytes | None] = {}
        # put(handed_over=True): the value itself, beside the bytes it was written as.
        self._handed: dict[tuple[str, str], tuple[bytes, Any]] = {}

    def get(self, table: str, key: str, default: Any = None) -> Any:
        check_table(table)
        if (table, key) in self._writes:
            written = self._writes[(table, key)]
            return default if written is None else orjson.loads(written)
        if key in self._committed[table]:
            return copy_value(self._committed[table][key])
        return default

    def put(self, table: str, key: str, value: Any, *, handed_over: bool = False) -> None:
        """``handed_over``: the store keeps ``value`` itself rather than a copy.

        For values made of JSON's own types only (as decoded) that the
        caller never touches again: a pulled page's records, whose copies
        were a tenth of a first sync.
        """
        check_table(table)
        if not isinstance(key, str):
            raise TypeError(f"store keys are strings, not {type(key).__name__}")
        if table in OBJECT_TABLES and not isinstance(value, dict):
            raise TypeError(f"values of {table} are JSON objects, not {type(value).__name__}")
        written = self._writes[(table, key)] = orjson.dumps(value)
        if handed_over:
            self._handed[(table, key)] = (written, value)

    def remove(self, table: str, key: str) -> None:
        check_table(table)
        self._writes[(table, key)] = None

    def all(self, table: str) -> dict[str, Any]:
        """Every key of ``table`` and a copy of its value."""
        check_table(table)
        merged = copy_bulk(self._committed[table])
        for (name, key), written in self._writes.items():
            if name != table:
                continue
            if written is None:
                merged.pop(key, None)
            else:
                merged[key] = orjson.loads(written)
        assert isinstance(merged, dict)
        return merged

    def peek(self, table: str) -> Iterator[Any]:
        """The values of ``table`` as this block sees them, NOT copied: read them, never change them.

        For scans over a whole table (the outbox's next order) where copying
        every value would cost more than the save itself.
        """
        check_table(table)
        for key, value in self._committed[table].items():
            if (table, key) not in self._writes:
                yield value
        for (name, _key), written in self._writes.items():
            if name == table and written is not None:
                yield orjson.loads(written)

    # --- used by Store -------------------------------------------------------

    def savepoint(self) -> Savepoint:
        return dict(self._writes), dict(self._handed)

    def rollback_to(self, savepoint: Savepoint) -> None:
        self._writes, self._handed = dict(savepoint[0]), dict(savepoint[1])

    def ops(self) -> list[Op]:
        return [(table, key, value) for (table, key), value in self._writes.items()]

    def committed_ops(self) -> list[list[Any]]:
        """The ``[table, key, value]`` puts and ``[table, key]`` removals to apply in memory."""
        applied: list[list[Any]] = []
        for (table, key), written in self._writes.items():
            if written is None:
                applied.append([table, key])
                continue
            handed = self._handed.get((table, key))
            # A later put, or a rollback past this one, leaves other bytes written.
            kept = handed[1] if handed is not None and handed[0] is written else None
            applied.append([table, key, orjson.loads(written) if kept is None else kept])
        return applied
