"""What the review screens (umpan balik, evaluasi, konflik) may write, and how.

Every question "may I?" goes to domain.permissions.check_write, the one rule
book the server keeps too, so a key is hidden exactly when the server would
refuse it. ``save`` is the one way these screens write: validate the data
(domain.validation), check the permission, then ``records.edit`` (record and
outbox mutation in one step) and ask for a sync.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from textual.screen import Screen

from tui.screens.feedback_keys import _
from tui.screens.feedback_model import FeedbackEntry


def denial(
    services: Any,
    collection: str,
    owner: str | None,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
    **context: Any,
) -> Any:
    """domain.permissions' verdict on one write: a Denial, or None when allowed."""
    from domain.permissions import WriteAttempt, check_write

    attempt = WriteAttempt(
        collection=collection,
        owner=owner,
        op="upsert" if after is not None else "delete",
        before=before,
        after=after,
        now=services.now(),
        **context,
    )
    return check_write(services.actor(), attempt, services.org())


def may_give_feedback(services: Any, owner: str) -> bool:
    return denial(services, "feedback", owner, None, {"text": "-"}) is None


def may_edit_feedback(services: Any, found: FeedbackEntry) -> bool:
    record = services.store.records.get("feedback", found.id)
    if record is None:
        return False
    before = record["data"]
    after = {**before, "text": str(before.get("text", "")) + " "}
    return denial(services, "feedback", found.owner, before, after) is None


def may_acknowledge(services: Any, found: FeedbackEntry) -> bool:
    if found.acknowledged_at:
        return False
    record = services.store.records.get("feedback", found.id)
    if record is None:
        return False
    before = record["data"]
    after = {**before, "acknowledged_at": iso(services.now())}
    return denial(services, "feedback", found.owner, before, after) is None


def new_id(services: Any) -> str:
    make = getattr(services.store.records, "new_id", None)
    return str(make()) if callable(make) else str(uuid.uuid4())


def problems(services: Any, collection: str, data: Mapping[str, Any]) -> list[str]:
    """domain.validation's issues with the data, in the person's language."""
    from domain.validation import validate_data

    return [issue.message(services.lang) for issue in validate_data(collection, data)]


def write_context(records: Any, collection: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """What domain.permissions needs to know beyond the record itself."""
    if collection in ("plan_item", "progress"):
        item = (
            records.get("plan_item", data.get("plan_item_id", ""))
            if collection == "progress"
            else None
        )
        plan_id = item["data"].get("plan_id") if item else data.get("plan_id")
        plan = records.get("plan", plan_id) if plan_id else None
        return {"plan_status": plan["data"].get("status") if plan else None}
    return {}


def save(
    screen: Screen[Any],
    collection: str,
    record_id: str,
    owner: str | None,
    data: Mapping[str, Any],
    **context: Any,
) -> bool:
    """Validate, check, write and ask for a sync; say why when nothing was saved."""
    services = screen.services  # type: ignore[attr-defined]
    found = problems(services, collection, data)
    if found:
        screen.notify("\n".join(found), title=_("Not saved"), severity="error")
        return False
    current = services.store.records.get(collection, record_id)
    before = current["data"] if current and not current.get("deleted") else None
    context = {**write_context(services.store.records, collection, data), **context}
    refused = denial(services, collection, owner, before, data, **context)
    if refused is not None:
        screen.notify(refused.message(services.lang), title=_("Not saved"), severity="error")
        return False
    services.store.records.edit(collection, record_id, dict(data), owner=owner, by=services.me)
    services.request_sync()
    return True


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")
