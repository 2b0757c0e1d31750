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
    return widen_many(conn, before_org, after_org, [viewer], due_seq)


def widen_many(
    conn: Connection,
    before_org: Organisation,
    after_org: Organisation,
    viewers: Iterable[str],
    due_seq: int,
) -> int:
    """``widen`` for several viewers, with one look-up of the records their scopes name
    (an import widens hundreds: a query each was a scan each while the table grew
    within the transaction, where the database's statistics still saw it empty)."""
    moment = db.now()
    before_day, after_day = before_org.on(moment), after_org.on(moment)
    scopes = {
        viewer: (owners_in_scope(viewer, before_day), owners_in_scope(viewer, after_day))
        for viewer in viewers
    }
    by_owner = _keys_by_owner(conn, {o for _before, after in scopes.values() for o in after})
    rows = 0
    for viewer, (before_owners, after_owners) in scopes.items():
        before_actor = Actor(nip=viewer, roles=before_org.roles_of(viewer))
        after_actor = Actor(nip=viewer, roles=after_org.roles_of(viewer))
        newly = [
            (collection, record_id)
            for owner in after_owners
            for collection, record_id in by_owner.get(owner, ())
            if carries(after_actor, collection, owner, after_day, after_owners)
            and not carries(before_actor, collection, owner, before_day, before_owners)
        ]
        _due(conn, viewer, newly, due_seq)
        rows += len(newly)
    return rows


def _keys_by_owner(conn: Connection, owners: set[str]) -> dict[str, list[tuple[str, str]]]:
    """(collection, id) of every record about each of ``owners``."""
    found: dict[str, list[tuple[str, str]]] = {}
    ordered = sorted(owners)
    for start in range(0, len(ordered), CHUNK):  # within the databases' limits on bound values
        rows = conn.execute(_KEYS.where(db.records.c.owner.in_(ordered[start : start + CHUNK])))
        for collection, record_id, owner in rows:
            found.setdefault(owner, []).append((collection, record_id))
    return found


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
