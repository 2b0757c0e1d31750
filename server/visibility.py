"""What a change to the organisation brings into someone's feed, kept as backfill.

When an employee record changes its ``atasan_nip`` or ``roles`` (or
appears), or an acting assignment starts, some people's scope widens
(``server.scope``) over older records they never pulled: the new atasan
works on the employee's records, that atasan's own atasan on them as atasan
PPK, the new atasan is also atasan PPK of the employee's staff, whoever
stands in for those two today gets the same, and an acting official gets
the team of the holder. Those pairs are written to ``backfill`` with the
seq of the change (``due_seq``); ``server.feed`` hands them out to every
pull of the viewer whose range crosses ``due_seq``. Keying the rows on a
seq rather than deleting them on delivery means a lost answer, a retried
pull or a second device of the same person each get them again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from domain.org import Organisation
from domain.permissions import Actor
from server import db
from server.scope import carries, owners_in_scope

CHUNK = 500
# Only what the rules look at.
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
    viewers = viewers_of_change(after_org, before, after)
    return sum(widen(conn, before_org, after_org, viewer, due_seq) for viewer in viewers)


def viewers_of_change(
    after_org: Organisation, before: Mapping[str, Any] | None, after: Mapping[str, Any] | None
) -> set[str]:
    """Whose scope an employee change from ``before`` to ``after`` may widen."""
    old_atasan, old_roles, old_active = _watched(before)
    new_atasan, new_roles, new_active = _watched(after)
    if after is None or not isinstance(after.get("nip"), str) or not new_active:
        return set()
    nip = after["nip"]
    today = after_org.on(db.now())
    viewers: set[str] = set()
    if new_atasan and (new_atasan != old_atasan or not old_active):
        bosses = {new_atasan, after_org.atasan_of(new_atasan)} - {None}
        viewers |= {
            v for boss in bosses for v in (boss, *after_org.stand_ins(str(boss), today.day))
        }
    if new_roles - old_roles or (new_roles and not old_active):
        viewers.add(nip)  # a new role may open records already in their scope
    return viewers


def widen(
    conn: Connection, before_org: Organisation, after_org: Organisation, viewer: str, due_seq: int
) -> int:
    """Backfill for ``viewer`` what ``after_org`` carries to them and ``before_org`` did not."""
    moment = db.now()
    before_day, after_day = before_org.on(moment), after_org.on(moment)
    before_actor = Actor(nip=viewer, roles=before_org.roles_of(viewer))
    after_actor = Actor(nip=viewer, roles=after_org.roles_of(viewer))
    before_owners = owners_in_scope(viewer, before_day)
    after_owners = owners_in_scope(viewer, after_day)
    candidates: list[tuple[str, str, str]] = []
    owners = sorted(after_owners)
    for start in range(0, len(owners), CHUNK):  # within the databases' limits on bound values
        found = conn.execute(_KEYS.where(db.records.c.owner.in_(owners[start : start + CHUNK])))
        candidates.extend((c, i, o) for c, i, o in found)
    newly = [
        (collection, record_id)
        for collection, record_id, owner in candidates
        if carries(after_actor, collection, owner, after_day, after_owners)
        and not carries(before_actor, collection, owner, before_day, before_owners)
    ]
    _due(conn, viewer, newly, due_seq)
    return len(newly)


def _due(conn: Connection, viewer: str, keys: Iterable[tuple[str, str]], due_seq: int) -> None:
    """Backfill rows for ``viewer``, due at ``due_seq`` (replacing older ones), in bulk."""
    keys = list(keys)
    if not keys:
        return
    table = db.backfill
    by_collection: dict[str, list[str]] = {}
    for collection, record_id in keys:
        by_collection.setdefault(collection, []).append(record_id)
    for collection, ids in by_collection.items():
        for start in range(0, len(ids), CHUNK):
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
