"""The schema version of a store and the steps that bring an older one up to date.

``MIGRATIONS[n]`` turns a store of version n into version n + 1. Each step runs
in its own transaction together with the new ``schema_version``, under the
profile lock while the store opens, so a crash mid-way leaves a store that
the next open carries on migrating, and each step runs exactly once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from store import outbox
from store.errors import StoreTooNew
from store.transaction import Transaction

if TYPE_CHECKING:
    from store.core import Store

CURRENT_VERSION = 2


def protocol_2(tx: Transaction) -> None:
    """Schema 1 (protocol 1, up to 038c486) to 2.

    - A record's ``base`` (and the ``merge_base`` kept for a merge) was tagged
      with the server's ``epoch``; it is now tagged with the server's
      ``lifetime`` (sync/local.py), which starts out as that same epoch, so
      that every base stays "learned from the server as it stands".
    - ``meta.lifetime`` is set to the epoch; ``meta.mark`` stays absent: the
      cursor goes on without one, which a protocol 2 server accepts.
    - Outbox times are rewritten in UTC.
    - A follow-up gains ``steps: []`` (protocol 2 requires the list), in its
      data, its base and its waiting mutations, as the server's migration
      gives it to the copies it holds.
    Nothing is dropped: every record and every outbox entry is kept as it was.
    """
    for key, record in tx.all("records").items():
        changed = _with_steps(record)
        for name in ("base", "merge_base"):
            version = record.get(name)
            if isinstance(version, dict) and "epoch" in version:
                version["lifetime"] = version.pop("epoch")
                changed = True
        if changed:
            tx.put("records", key, record)
    epoch = tx.get("meta", "epoch")
    if epoch and not tx.get("meta", "lifetime"):
        tx.put("meta", "lifetime", epoch)
    for key, entry in tx.all("outbox").items():
        if _with_steps(entry):
            tx.put("outbox", key, entry)
    outbox.queued_in_utc(tx)


def _with_steps(value: dict[str, object]) -> bool:
    """Give a follow-up's data (and its base's) the ``steps`` list it lacks; True if changed."""
    if value.get("collection") != "follow_up":
        return False
    changed = False
    for holder in (value, value.get("base"), value.get("merge_base")):
        data = holder.get("data") if isinstance(holder, dict) else None
        if isinstance(data, dict) and "steps" not in data:
            data["steps"] = []
            changed = True
    return changed


MIGRATIONS: dict[int, Callable[[Transaction], None]] = {1: protocol_2}


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
