"""A profile folder whose local store holds the office of ``world``, signed in as someone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from store import open_store
from store.records import record_key
from tests.documents import world as w


def seeded_profile(home: Path, me: str | None, records: list[dict[str, Any]] | None = None) -> Path:
    """Store ``records`` (default: the office) as a sync pulled them; ``me`` is the profile's NIP."""
    home.mkdir(parents=True, exist_ok=True)
    store = open_store(home)
    with store.transaction() as tx:
        for record in records if records is not None else w.world():
            pulled = {
                **record,
                "base": {"rev": record["rev"], "deleted": False, "data": record["data"]},
                "pending": None,
                "rejected": None,
                "local_conflict": None,
            }
            tx.put("records", record_key(record["collection"], record["id"]), pulled)
        if me:
            tx.put("meta", "nip", me)
    return home
