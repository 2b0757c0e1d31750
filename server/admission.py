"""Whether one mutation may be stored: its references, its files, then the permission table.

``refusal`` returns why not, as the result of a rejected mutation, or None.
Reference rules come from ``domain.references`` and permissions from
``domain.permissions`` (one place each, the client calls them too); this
module gives them what the server holds, in the push's transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from domain.errors import ValidationError
from domain.messages import Issue
from domain.org import Organisation
from domain.permissions import Actor, WriteAttempt, can_read, check_write
from domain.references import Change, blobs_named, reference_issues
from server import blobs
from server.messages import rejection
from server.recordstore import Writer
from server.write_context import ParentMissing, write_contexts


def refusal(
    writer: Writer,
    actor: Actor,
    org: Organisation,
    mutation: Mapping[str, Any],
    current: dict[str, Any] | None,
    moment: datetime,
) -> dict[str, Any] | None:
    """Why ``mutation`` may not be stored (a ``rejected`` result), or None."""
    mutation_id = mutation["mutation_id"]
    upsert = mutation["op"] == "upsert"
    change = Change(
        collection=mutation["collection"],
        record_id=mutation["id"],
        owner=mutation["owner"],
        before=None if current is None or current["deleted"] else current["data"],
        after=mutation["data"] if upsert else None,
    )
    issues = reference_issues(change, writer, org)
    if upsert and not issues:
        issues = _missing_blobs(writer, actor, org, mutation, moment)
    if issues:
        error = ValidationError(issues)
        return rejected(mutation_id, "invalid", error.message("id"), error.message("en"))
    try:
        contexts = write_contexts(writer, mutation, current)
    except ParentMissing as missing:
        return rejected(mutation_id, "invalid", *rejection(missing.reason))
    for context in contexts:
        attempt = WriteAttempt(
            collection=mutation["collection"],
            owner=mutation["owner"],
            op=mutation["op"],
            before=None if current is None else current["data"],
            after=mutation["data"] if upsert else None,
            now=moment,
            before_deleted=bool(current and current["deleted"]),
            **context,
        )
        denial = check_write(actor, attempt, org.on(moment))
        if denial is not None:
            result = rejected(mutation_id, denial.code, denial.message("id"), denial.message("en"))
            result["current"] = readable(actor, org, current, moment)
            return result
    return None


def _missing_blobs(
    writer: Writer, actor: Actor, org: Organisation, mutation: Mapping[str, Any], moment: datetime
) -> list[Issue]:
    """A named file the server lacks, or holds but not for this sender, or of another size:
    all the same ``blob_missing``, so that a push tells nobody whether a file is there."""
    conn = writer.conn
    issues = []
    for index, blob in enumerate(blobs_named(mutation["collection"], mutation["data"])):
        sha = blob["sha256"]
        if blobs.size_of(conn, sha) != blob["size"] or not blobs.may_read(
            conn, actor, sha, org, moment
        ):
            issues.append(Issue(f"evidence[{index}].blob", "blob_missing", {"name": blob["name"]}))
    return issues


def readable(
    actor: Actor, org: Organisation, record: dict[str, Any] | None, moment: datetime
) -> dict[str, Any] | None:
    """The record for an answer, if ``actor`` may read it."""
    if record is None or not can_read(actor, record["collection"], record["owner"], org.on(moment)):
        return None
    return record


def rejected(mutation_id: str, code: str, message: str, message_en: str) -> dict[str, Any]:
    return {
        "mutation_id": mutation_id,
        "status": "rejected",
        "rev": None,
        "seq": None,
        "error": {"code": code, "message": message, "message_en": message_en},
        "current": None,
    }
