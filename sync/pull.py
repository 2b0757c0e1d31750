"""Applying the records a pull brings (protocol.md, "Pulling").

A local change waiting to be pushed, or waiting for a person, always wins
over the incoming version locally: the incoming one becomes the new ``base``
so that the push conflicts (and merges) on the server rather than silently
overwriting either side.
"""

from __future__ import annotations

from store import outbox
from sync.local import JSON, RECORDS, Tx, record_key, server_version

_LOCAL_FIELDS = {"pending": None, "rejected": None, "local_conflict": None}
_CREATION_FIELDS = ("created_by", "created_at")


def is_record(value: object) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("collection"), str)
        and isinstance(value.get("id"), str)
        and isinstance(value.get("rev"), int)
        and isinstance(value.get("seq"), int)
    )


def _same_content(local: JSON, incoming: JSON) -> bool:
    return bool(local.get("deleted")) == bool(incoming.get("deleted")) and (
        local.get("data") or {}
    ) == (incoming.get("data") or {})


def apply_incoming(tx: Tx, incoming: JSON, lifetime: str | None, resyncing: bool) -> None:
    """Keep one pulled record; ``lifetime`` tags its base (sync/local.py).

    ``incoming`` is handed to the store as it is: never change it afterwards.
    """
    key = record_key(incoming["collection"], incoming["id"])
    local = tx.get(RECORDS, key)
    version = server_version(incoming, lifetime)
    if local is None:
        tx.put(RECORDS, key, {**incoming, "base": version, **_LOCAL_FIELDS}, handed_over=True)
        return
    base = local.get("base")
    same_lifetime = base is not None and base.get("lifetime") == lifetime
    waiting = local.get("pending") or local.get("rejected") or local.get("local_conflict")
    if same_lifetime and incoming["seq"] <= int(local.get("seq") or 0):
        # already have it: our own push coming back, or a page fetched twice
        if incoming["seq"] == local.get("seq"):
            _take_server_set_fields(tx, key, local, incoming, version, bool(waiting))
        return
    local = dict(local)
    if same_lifetime and _settled_elsewhere(local, incoming):
        tx.put(RECORDS, key, {**incoming, "base": version, **_LOCAL_FIELDS}, handed_over=True)
        return
    if not waiting:
        if (
            resyncing
            and base is not None
            and not same_lifetime
            and not _same_content(local, incoming)
            and incoming["rev"] <= int(base.get("rev") or 0)
        ):
            # the server came back from an older copy than what we saw: put ours back
            _adopt_server_version(local, incoming, version)
            outbox.add(
                tx,
                local,
                deleted=bool(local.get("deleted")),
                data=local.get("data") or {},
                base_rev=incoming["rev"],
                restoring=True,
            )
            tx.put(RECORDS, key, local)
            return
        tx.put(RECORDS, key, {**incoming, "base": version, **_LOCAL_FIELDS}, handed_over=True)
        return
    if local.get("pending") and base is not None and "merge_base" not in local:
        local["merge_base"] = base  # the version our pending edit started from
    _adopt_server_version(local, incoming, version)
    conflict = local.get("local_conflict")
    if conflict:
        local["local_conflict"] = {
            **conflict,
            "rev": incoming["rev"],
            "seq": incoming["seq"],
            "deleted": bool(incoming.get("deleted")),
            "data": incoming.get("data") or {},
            "by": incoming.get("updated_by"),
            "at": incoming.get("updated_at"),
        }
    tx.put(RECORDS, key, local)


def _settled_elsewhere(local: JSON, incoming: JSON) -> bool:
    """A person on another client settled the clash our push made.

    The server lists our clashing mutations in the record's ``conflicts``
    until a resolution names them; once it lists none of them, the version it
    now holds is the settled one. Only within one server lifetime: after a
    restore, a missing clash means the server lost it, not that it was settled.
    """
    conflict = local.get("local_conflict")
    if not conflict or local.get("pending") or local.get("rejected"):
        return False
    ours = set(conflict.get("mutation_ids") or ())
    listed = {c.get("mutation_id") for c in incoming.get("conflicts") or [] if isinstance(c, dict)}
    return bool(ours) and not ours & listed


def _take_server_set_fields(
    tx: Tx, key: str, local: JSON, incoming: JSON, version: JSON, waiting: bool
) -> None:
    """Our own change came back: keep what the server set on it (protocol 2).

    The server sets ``created_*`` and ``updated_*`` and replaces some data
    fields (``finalised_at``, ``filed_at``...) by its own clock; with nothing
    waiting here, its version is the record. With a newer local edit waiting,
    only the envelope's creation fields are taken.
    """
    if not waiting:
        if incoming != {k: local.get(k) for k in incoming}:
            tx.put(RECORDS, key, {**incoming, "base": version, **_LOCAL_FIELDS}, handed_over=True)
        return
    created = {k: incoming[k] for k in _CREATION_FIELDS if k in incoming}
    if any(local.get(k) != v for k, v in created.items()):
        tx.put(RECORDS, key, {**local, **created})


def _adopt_server_version(local: JSON, incoming: JSON, version: JSON) -> None:
    local["base"] = version
    local["rev"] = incoming["rev"]
    local["seq"] = incoming["seq"]
    local["conflicts"] = incoming.get("conflicts") or []
    local.update({k: incoming[k] for k in _CREATION_FIELDS if k in incoming})
