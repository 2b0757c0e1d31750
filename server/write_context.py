"""The facts outside a record that decide whether it may be written.

``domain.permissions.WriteAttempt`` needs, besides the record itself: the
status of the plan an RHK or a realisasi belongs to, when the evaluation an
objection is about became final, and whether an objection to an evaluation
awaits its decision. They are read here from the current records, inside the
push's write transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from server import db, recordstore
from server.recordstore import Writer

# collection -> (the data key naming its parent, the parent's collection)
PARENTS = {
    "plan_item": ("plan_id", "plan"),
    "progress": ("plan_item_id", "plan_item"),
    "objection": ("evaluation_id", "evaluation"),
}


class ParentMissing(Exception):
    """The record names a parent the server does not have, or someone else's."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def write_contexts(
    writer: Writer, mutation: Mapping[str, Any], current: Mapping[str, Any] | None
) -> list[dict[str, Any]]:
    """The keyword arguments of ``WriteAttempt`` beyond the record itself, as the new data
    and, for an edit, as the stored data see them: a rule about the status of a plan holds
    against both (an RHK cannot leave an approved SKP by naming another)."""
    upsert = mutation["op"] == "upsert"
    stored = None if current is None else current["data"]
    found = [write_context(writer, mutation, mutation["data"] if upsert else stored or {})]
    if upsert and current is not None and not current["deleted"]:
        other = write_context(writer, mutation, current["data"])
        if other != found[0]:
            found.append(other)
    return found


def write_context(
    writer: Writer, mutation: Mapping[str, Any], data: Mapping[str, Any]
) -> dict[str, Any]:
    """The context of ``mutation``'s record when its data is ``data``."""
    collection = mutation["collection"]
    if collection == "plan_item":
        plan = _parent(writer, collection, data, mutation["owner"])
        return {"plan_status": plan["data"].get("status")}
    if collection == "progress":
        item = _parent(writer, collection, data, mutation["owner"])
        plan = _parent(writer, "plan_item", item["data"], mutation["owner"])
        return {"plan_status": plan["data"].get("status")}
    if collection == "objection":
        evaluation = _parent(writer, collection, data, mutation["owner"])
        return {"evaluation_finalised_at": finalised_at(evaluation)}
    if collection == "evaluation":
        writer.flush()  # objections saved earlier in this push must be in the query
        return {
            "objection_pending": objection_pending(writer.conn, mutation["id"], mutation["owner"])
        }
    return {}


def _parent(
    writer: Writer, collection: str, data: Mapping[str, Any], owner: str | None
) -> dict[str, Any]:
    key, parent_collection = PARENTS[collection]
    parent_id = data.get(key)
    parent = writer.get(parent_collection, parent_id) if isinstance(parent_id, str) else None
    if parent is None or parent["deleted"]:
        raise ParentMissing(f"{parent_collection}_missing")
    if parent["owner"] != owner:
        raise ParentMissing(f"{parent_collection}_of_other")
    return parent


def finalised_at(evaluation: Mapping[str, Any]) -> datetime | None:
    """When the evaluation became final: its ``finalised_at``, else its last write."""
    data = evaluation["data"]
    if data.get("status") != "final":
        return None
    for text in (data.get("finalised_at"), evaluation.get("updated_at")):
        if isinstance(text, str):
            try:
                return datetime.fromisoformat(text)
            except ValueError:
                continue
    return None


def objection_pending(conn: Connection, evaluation_id: str, owner: str | None) -> bool:
    rows = conn.execute(
        select(db.records).where(
            db.records.c.collection == "objection",
            db.records.c.owner == owner,
            db.records.c.deleted.is_(False),
        )
    )
    for row in rows:
        data = recordstore.envelope(row)["data"]
        if data.get("evaluation_id") == evaluation_id and not data.get("decision"):
            return True
    return False
