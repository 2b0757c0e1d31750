"""The demo's records written straight into a profile, as if a sync had brought them.

For tests and the start-up benchmark, which need a signed-in profile with
realistic records but no server: every record goes through the sync
package's own ``apply_incoming`` (the path a pulled page takes), and the
profile gets the session and server address a sign-in leaves behind.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from demo.ids import Write, demo_id, unit_id
from demo.office import PEOPLE
from demo.sample import sample_writes

EPOCH = "demo-offline"
OFFLINE_URL = "http://127.0.0.1:9"  # the discard port: nothing answers there


def office_records() -> list[Write]:
    """Units and employees as ``import-employees`` makes them (ids fixed here); the
    admin's first writes of the sample year then place and rate the units."""
    units: dict[str, str] = {}
    writes: list[Write] = []
    for person in PEOPLE:
        if person.unit not in units:
            units[person.unit] = unit_id(person.unit)
            data: dict[str, Any] = {
                "name": person.unit,
                "parent_id": None,
                "head_nip": None,
                "ratings": {},
            }
            writes.append(Write("", "unit", units[person.unit], None, data))
        writes.append(
            Write(
                "",
                "employee",
                demo_id("employee", person.nip),
                person.nip,
                {
                    "nip": person.nip,
                    "name": person.name,
                    "kind": person.kind,
                    "rank": person.rank,
                    "position": person.position,
                    "unit_id": units[person.unit],
                    "atasan_nip": person.atasan_nip,
                    "roles": list(person.roles),
                    "active": True,
                },
            )
        )
    return writes


def final_versions(writes: Iterable[Write]) -> dict[tuple[str, str], Write]:
    """The last write of each record: what the server holds after the demo's year."""
    latest: dict[tuple[str, str], Write] = {}
    for write in writes:
        latest[(write.collection, write.id)] = write
    return latest


def first_authors(writes: Iterable[Write]) -> dict[tuple[str, str], str]:
    """Who made each record: its ``created_by`` (protocol 2), whoever wrote it last."""
    authors: dict[tuple[str, str], str] = {}
    for write in writes:
        authors.setdefault((write.collection, write.id), write.by)
    return authors


def install_records(
    store: Any,
    writes: Iterable[Write],
    *,
    at: str,
    authors: Mapping[tuple[str, str], str] | None = None,
) -> None:
    """Write ``writes`` into ``store`` as pulled records, in one transaction;
    ``authors`` names who made each (else the writer of its first write here)."""
    from sync.local import put_meta
    from sync.pull import apply_incoming

    revs: dict[tuple[str, str], int] = {}
    made_by = dict(authors or {})
    with store.transaction() as tx:
        for seq, write in enumerate(writes, start=1):
            key = (write.collection, write.id)
            revs[key] = revs.get(key, 0) + 1
            made_by.setdefault(key, write.by)
            record = {
                "collection": write.collection,
                "id": write.id,
                "rev": revs[key],
                "seq": seq,
                "deleted": False,
                "owner": write.owner,
                "created_by": made_by[key] or None,
                "created_at": at,
                "updated_by": write.by or None,
                "updated_at": at,
                "conflicts": [],
                "data": write.data,
            }
            apply_incoming(tx, record, EPOCH, False)
        put_meta(tx, "epoch", EPOCH)
        put_meta(tx, "cursor", len(revs))


def install_profile(
    home: Path,
    me: str,
    *,
    extra: Iterable[Write] = (),
    server_url: str = OFFLINE_URL,
    synced_at: str = "2026-11-27T08:00:00+09:00",
) -> Any:
    """A signed-in profile in ``home`` holding the demo's office and year; returns its store."""
    from store import open_store
    from sync.local import put_meta
    from sync.session import Session, save_session

    store = open_store(home)
    year = sample_writes()
    writes = [*office_records(), *final_versions(year).values(), *extra]
    install_records(store, writes, at=synced_at, authors=first_authors(year))
    with store.transaction() as tx:
        put_meta(tx, "server_url", server_url)
        put_meta(tx, "nip", me)
        put_meta(tx, "last_sync_at", synced_at)
    save_session(home, Session(token="offline-token", expires_at=None, nip=me, name=None, roles=()))
    return store
