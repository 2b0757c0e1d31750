"""Reading the store: copies of what was last committed, through the indexes and TinyDB.

Every read holds the store's mutex and first catches up with what other
processes committed (``_refresh``: one ``stat`` when the journal has not
moved), and hands out copies, so that nothing changes the store's memory
outside a transaction. The state read here (tables, indexes, the TinyDB
over them) is store/core.py's: it replaces the state whole on a reload.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

from tinydb import TinyDB
from tinydb.queries import QueryLike

from store.fileformat import Tables
from store.indexes import Indexes
from store.transaction import check_table, copy_bulk, copy_value

_MISSING = object()


class Reads:
    """The reading half of ``Store``; store/core.py holds the state and keeps it current."""

    _mutex: threading.RLock
    _tables: Tables
    _indexes: Indexes
    _db: TinyDB

    def _refresh(self) -> None:
        """Catch up with what other processes committed (mutex held): ``Store``'s."""
        raise NotImplementedError

    def get(self, table: str, key: str, default: Any = None) -> Any:
        """A copy of the latest committed value, or ``default``."""
        check_table(table)
        with self._mutex:
            self._refresh()
            value = self._tables[table].get(key, _MISSING)
            return default if value is _MISSING else copy_value(value)

    def all(self, table: str) -> dict[str, Any]:
        """A copy of every key and value of ``table``, as last committed."""
        check_table(table)
        with self._mutex:
            self._refresh()
            result = copy_bulk(self._tables[table])
        assert isinstance(result, dict)
        return result

    def search(self, table: str, cond: QueryLike) -> list[dict[str, Any]]:
        """Copies of the values of ``records`` or ``outbox`` matching a TinyDB query."""
        if table not in ("records", "outbox"):
            raise ValueError(f"search works on records and outbox, not {table!r}")
        with self._mutex:
            self._refresh()
            found: list[dict[str, Any]] = copy_bulk(self._db.table(table).search(cond))
            return found

    def collection(
        self, collection: str, keep: Callable[[dict[str, Any]], bool] | None = None
    ) -> list[dict[str, Any]]:
        """Copies of the records of one collection (those ``keep`` accepts, if given).

        ``keep`` sees the store's own values: it must only read them.
        """
        with self._mutex:
            self._refresh()
            records = self._tables["records"]
            keys = self._indexes.of_collection(collection)
            chosen = [records[key] for key in keys if keep is None or keep(records[key])]
            found: list[dict[str, Any]] = copy_bulk(chosen)
            return found

    def collections(self, names: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
        """Copies of the records of each collection named, in one read (through the index)."""
        with self._mutex:
            self._refresh()
            records = self._tables["records"]
            found: dict[str, list[dict[str, Any]]] = copy_bulk(
                {n: [records[k] for k in self._indexes.of_collection(n)] for n in names}
            )
            return found

    def versions(self, names: Iterable[str]) -> tuple[int, ...]:
        """Where each collection stands: equal versions, the same records (a cache's key)."""
        with self._mutex:
            self._refresh()
            return tuple(self._indexes.version_of(name) for name in names)

    def owned(self, collection: str, owner: str | None) -> list[dict[str, Any]]:
        """Copies of the records of one collection about ``owner`` (deleted ones too)."""
        with self._mutex:
            self._refresh()
            records = self._tables["records"]
            found: list[dict[str, Any]] = copy_bulk(
                [records[key] for key in self._indexes.of_owner(collection, owner)]
            )
            return found

    def needing_attention(self) -> list[dict[str, Any]]:
        """Copies of the records holding a conflict or a rejection: what waits for a person."""
        with self._mutex:
            self._refresh()
            records = self._tables["records"]
            found: list[dict[str, Any]] = copy_bulk(
                [records[key] for key in self._indexes.attention]
            )
            return found

    def count(self, table: str, cond: QueryLike | None = None) -> int:
        """How many values ``table`` holds (matching ``cond``), without copying any.

        For status lines: ``store.all("records")`` would copy every record.
        """
        check_table(table)
        with self._mutex:
            self._refresh()
            if cond is None:
                return len(self._tables[table])
            if table == "meta":
                raise ValueError("count with a query works on records and outbox")
            found: int = self._db.table(table).count(cond)
            return found

    def get_meta(self, name: str, default: Any = None) -> Any:
        return self.get("meta", name, default)
