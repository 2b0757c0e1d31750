"""What a change to the organisation makes newly readable, kept for the feed.

When an employee record changes its ``atasan_nip`` or ``roles`` (or appears),
some people may now read older records they never pulled: the new atasan
reads the employee's records, that atasan's own atasan reads them as atasan
PPK, the new atasan also becomes atasan PPK of the employee's staff, and a
new admin reads everything. Those pairs are written to ``backfill`` with the
seq of the employee change (``due_seq``); ``server.feed`` hands them out to
every pull of the viewer whose range crosses ``due_seq``. Keying the rows on
a seq rather than deleting them on delivery means a lost answer, a retried
pull or a second device of the same person each get them again.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, Row, delete, insert, select

from domain.org import Organisation
from domain.permissions import Actor, can_read
from server import db

CHUNK = 500
# Only what the rules look at: a new admin's backfill touches every record.
_KEYS = select(db.records.c.collection, db.records.c.id, db.records.c.owner)


def _watched(data: Mapping[str, Any] | None) -> tuple[Any, frozenset[str], bool]:
    if data is None:
        return None, frozenset(), False
    roles = frozenset(r for r in data.get("roles") or [] if isinstance(r, str))
    return data.get("atasan_nip") or None, roles, data.get("active", True) is not False


def note_employee_change(
    conn: Connection,
    before_org: Organisation,
    after_org: Organisation,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
    due_seq: int,
) -> int:
    """Record the backfill one employee change causes; returns how many rows."""
    old_atasan, old_roles, old_active = _watched(before)
    new_atasan, new_roles, new_active = _watched(after)
    if after is None or not isinstance(after.get("nip"), str):
        return 0
    nip = after["nip"]
    pairs: list[tuple[str, list[Row[Any]]]] = []
    if new_atasan and (new_atasan != old_atasan or not old_active) and new_active:
        owners = sorted({nip, *after_org.subordinates_of(nip)})
        owned = conn.execute(_KEYS.where(db.records.c.owner.in_(owners))).all()
        viewers = {new_atasan}
        grand = after_org.atasan_of(new_atasan)
        if grand:
            viewers.add(grand)
        pairs.extend((viewer, owned) for viewer in viewers)
    if new_active and (new_roles - old_roles or (new_roles and not old_active)):
        pairs.append((nip, conn.execute(_KEYS.where(db.records.c.owner.is_not(None))).all()))
    count = 0
    today = db.now()
    before_day, after_day = before_org.on(today), after_org.on(today)
    for viewer, candidates in pairs:
        before_actor = Actor(nip=viewer, roles=before_org.roles_of(viewer))
        after_actor = Actor(nip=viewer, roles=after_org.roles_of(viewer))
        newly = [
            (collection, record_id)
            for collection, record_id, owner in candidates
            if can_read(after_actor, collection, owner, after_day)
            and not can_read(before_actor, collection, owner, before_day)
        ]
        _due(conn, viewer, newly, due_seq)
        count += len(newly)
    return count


def _due(conn: Connection, viewer: str, keys: list[tuple[str, str]], due_seq: int) -> None:
    """Backfill rows for ``viewer``, due at ``due_seq`` (replacing older ones), in bulk."""
    if not keys:
        return
    table = db.backfill
    by_collection: dict[str, list[str]] = {}
    for collection, record_id in keys:
        by_collection.setdefault(collection, []).append(record_id)
    for collection, ids in by_collection.items():
        for start in range(0, len(ids), CHUNK):  # within the databases' limits on bound values
            conn.execute(
                delete(table).where(
                    table.c.viewer == viewer,
                    table.c.collection == collection,
                    table.c.record_id.in_(ids[start : start + CHUNK]),
                )
            )
    rows = [
        {"viewer": viewer, "collection": c, "record_id": i, "due_seq": due_seq} for c, i in keys
    ]
    conn.execute(insert(table), rows)
