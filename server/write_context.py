"""The facts outside a record that decide whether it may be written, on the server.

The rules are domain.write_facts', shared with the client; here they look
records up inside the push's write transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from domain.write_facts import facts_for
from server import db, recordstore
from server.recordstore import Writer


class ParentMissing(Exception):
    """The record names a parent the server does not have, or someone else's."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def write_contexts(
    writer: Writer, mutation: Mapping[str, Any], current: Mapping[str, Any] | None
) -> list[dict[str, Any]]:
    """The keyword arguments of ``WriteAttempt`` beyond the record itself, as the new data
    and, for an edit, as the stored data see them (domain.write_facts.facts_for)."""
    upsert = mutation["op"] == "upsert"
    stored = None if current is None or current["deleted"] else current["data"]
    if not upsert and stored is None and current is not None:
        stored = current["data"]  # deleting a tombstone: judged on what it last held

    asked: dict[str | None, list[dict[str, Any]]] = {}

    def objections_of(owner: str | None) -> list[dict[str, Any]]:
        if owner not in asked:
            writer.flush()  # objections saved earlier in this push must be in the query
            rows = writer.conn.execute(
                select(db.records).where(
                    db.records.c.collection == "objection", db.records.c.owner == owner
                )
            )
            asked[owner] = [recordstore.envelope(row) for row in rows]
        return asked[owner]

    facts = facts_for(
        mutation["collection"],
        mutation["id"],
        mutation["owner"],
        mutation["data"] if upsert else None,
        stored,
        writer.get,
        objections_of,
    )
    for fact in facts:
        if fact.missing is not None:
            raise ParentMissing(fact.missing)
    return [fact.attempt_fields() for fact in facts]
