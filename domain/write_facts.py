"""The facts outside a record that decide whether it may be written.

``domain.permissions.WriteAttempt`` needs, besides the record itself: the
status of the plan an RHK or a realisasi belongs to, when the evaluation an
objection is about became final, and whether an objection to an evaluation
awaits its decision. Client and server work them out here, each handing in a
way to look records up (the server inside its push transaction, the client
from the records it read for the screen), so both judge a write alike.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any

Record = Mapping[str, Any]
# (collection, id) -> the record's envelope (deleted ones included), or None
Lookup = Callable[[str, str], Record | None]

# collection -> (the data key naming its parent, the parent's collection)
PARENTS: Mapping[str, tuple[str, str]] = {
    "plan_item": ("plan_id", "plan"),
    "progress": ("plan_item_id", "plan_item"),
    "objection": ("evaluation_id", "evaluation"),
}


@dataclasses.dataclass(frozen=True)
class WriteFacts:
    """What ``WriteAttempt`` takes beyond the record, and which parent is missing.

    ``missing`` is ``"<parent>_missing"`` or ``"<parent>_of_other"`` when the
    record names a parent that is absent, deleted or someone else's: the
    server refuses such a write as invalid, the client before sending it.
    """

    plan_status: str | None = None
    evaluation_finalised_at: datetime | None = None
    objection_pending: bool = False
    missing: str | None = None

    def attempt_fields(self) -> dict[str, Any]:
        """The keyword arguments of ``WriteAttempt`` these facts fill."""
        return {
            "plan_status": self.plan_status,
            "evaluation_finalised_at": self.evaluation_finalised_at,
            "objection_pending": self.objection_pending,
        }


class _Missing(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _parent(lookup: Lookup, collection: str, data: Record, owner: str | None) -> Record:
    key, parent_collection = PARENTS[collection]
    parent_id = data.get(key)
    parent = lookup(parent_collection, parent_id) if isinstance(parent_id, str) else None
    if parent is None or parent.get("deleted"):
        raise _Missing(f"{parent_collection}_missing")
    if parent.get("owner") != owner:
        raise _Missing(f"{parent_collection}_of_other")
    return parent


def finalised_at(evaluation: Record) -> datetime | None:
    """When the evaluation became final: its ``finalised_at``, else its last write."""
    data = evaluation.get("data") or {}
    if data.get("status") != "final":
        return None
    for text in (data.get("finalised_at"), evaluation.get("updated_at")):
        if isinstance(text, str):
            try:
                return datetime.fromisoformat(text)
            except ValueError:
                continue
    return None


def objection_pending(objections: Iterable[Record], evaluation_id: str) -> bool:
    """Whether an undecided objection to the evaluation is among ``objections``."""
    return any(
        not record.get("deleted")
        and (record.get("data") or {}).get("evaluation_id") == evaluation_id
        and not (record.get("data") or {}).get("decision")
        for record in objections
    )


def facts_for(
    collection: str,
    record_id: str,
    owner: str | None,
    new: Record | None,
    stored: Record | None,
    lookup: Lookup,
    objections_of: Callable[[str | None], Iterable[Record]],
) -> list[WriteFacts]:
    """The facts as the new data and, for an edit, as the stored data see them.

    ``new`` is None for a delete, ``stored`` None for a new record. A rule
    about the status of a plan must hold against both (protocol 2): an RHK
    cannot leave an approved SKP by naming another, nor a draft's RHK join
    an approved one.
    """
    found = [
        write_facts(
            collection, record_id, owner, new if new is not None else stored or {}, lookup,
            objections_of,
        )
    ]  # fmt: skip
    if new is not None and stored is not None:
        other = write_facts(collection, record_id, owner, stored, lookup, objections_of)
        if other != found[0]:
            found.append(other)
    return found


def write_facts(
    collection: str,
    record_id: str,
    owner: str | None,
    data: Record,
    lookup: Lookup,
    objections_of: Callable[[str | None], Iterable[Record]],
) -> WriteFacts:
    """The facts for writing ``data`` (for a delete: the record's current data).

    ``objections_of(owner)`` gives the owner's objection records; it is asked
    only for an evaluation.
    """
    try:
        if collection == "plan_item":
            plan = _parent(lookup, collection, data, owner)
            return WriteFacts(plan_status=(plan.get("data") or {}).get("status"))
        if collection == "progress":
            item = _parent(lookup, collection, data, owner)
            plan = _parent(lookup, "plan_item", item.get("data") or {}, owner)
            return WriteFacts(plan_status=(plan.get("data") or {}).get("status"))
        if collection == "objection":
            evaluation = _parent(lookup, collection, data, owner)
            return WriteFacts(evaluation_finalised_at=finalised_at(evaluation))
    except _Missing as missing:
        return WriteFacts(missing=missing.reason)
    if collection == "evaluation":
        return WriteFacts(objection_pending=objection_pending(objections_of(owner), record_id))
    return WriteFacts()
