"""The store's indexes over ``records``, kept as changes commit.

So that a screen's cost follows what it shows, not what is held: the keys
of each collection (listing one never walks the others: at 50k records a
walk costs ~60 ms), of one owner's records of a collection, and of the
records waiting for a person (a conflict, a rejection), which the status
line and ``kinerja status`` count. Dicts, not sets: listing keeps the
table's (insertion) order in every process.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from typing import Any

Keys = dict[str, None]
# Versions are drawn from one counter for the process, so a rebuilt index (after
# another process's compaction) never hands out a version an earlier one had.
_VERSIONS = itertools.count(1)


def needs_attention(record: Mapping[str, Any]) -> bool:
    return bool(record.get("conflicts") or record.get("local_conflict") or record.get("rejected"))


class Indexes:
    def __init__(self, records: Mapping[str, Mapping[str, Any]] | None = None) -> None:
        self.collections: dict[str, Keys] = {}
        self.owners: dict[tuple[str, str | None], Keys] = {}
        self.attention: Keys = {}
        self.versions: dict[str, int] = {}  # collection -> changes a cached answer is of
        for key, record in (records or {}).items():
            self.add(key, record)

    def add(self, key: str, record: Mapping[str, Any]) -> None:
        collection = key.partition("/")[0]
        self.versions[collection] = next(_VERSIONS)
        self.collections.setdefault(collection, {})[key] = None
        self.owners.setdefault((collection, record.get("owner")), {})[key] = None
        if needs_attention(record):
            self.attention[key] = None

    def drop(self, key: str, record: Mapping[str, Any] | None) -> None:
        if record is None:
            return
        collection = key.partition("/")[0]
        self.versions[collection] = next(_VERSIONS)
        self.collections.get(collection, {}).pop(key, None)
        self.owners.get((collection, record.get("owner")), {}).pop(key, None)
        self.attention.pop(key, None)

    def version_of(self, collection: str) -> int:
        return self.versions.get(collection, 0)

    def of_collection(self, collection: str) -> Iterable[str]:
        return self.collections.get(collection, ())

    def of_owner(self, collection: str, owner: str | None) -> Iterable[str]:
        return self.owners.get((collection, owner), ())
