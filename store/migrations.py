"""The schema version of a store and the steps that bring an older one up to date.

``MIGRATIONS[n]`` turns a store of version n into version n + 1. Each step runs
in its own transaction together with the new ``schema_version``, under the
profile lock while the store opens, so a crash mid-way leaves a store that
the next open carries on migrating, and each step runs exactly once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from store.errors import StoreTooNew
from store.transaction import Transaction

if TYPE_CHECKING:
    from store.core import Store

CURRENT_VERSION = 1

MIGRATIONS: dict[int, Callable[[Transaction], None]] = {}


def migrate(store: Store) -> None:
    """Run the missing steps; raise StoreTooNew for a store from a newer Kinerja."""
    version = store.get_meta("schema_version", 1)
    if not isinstance(version, int) or version < 1:
        version = 1
    if version > CURRENT_VERSION:
        raise StoreTooNew(store.home, version, CURRENT_VERSION)
    while version < CURRENT_VERSION:
        step = MIGRATIONS[version]
        with store.transaction() as tx:
            step(tx)
            tx.put("meta", "schema_version", version + 1)
        version += 1
