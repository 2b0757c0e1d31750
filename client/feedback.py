"""The Umpan balik area's read model: threads, dialog kinerja notes, what may be written.

protocol.md gives feedback only ``period_id?``, ``plan_item_id?``, ``text``
and ``acknowledged_at?``, and validation refuses any other key. So a thread
is what the data already says: the feedback of one employee on one target
(their SKP as a whole, no plan_item_id, or one RHK) in one period. A dialog
kinerja note is a feedback record of that thread whose text starts with
``DIALOG_PREFIX`` and the date the conversation was held. The prefix is the
official Indonesian term, the same in both languages, so that every client
and the server's exports read it alike, and a plain-text reader (CSV export,
the national form) still sees "Dialog kinerja 2026-03-14: ...". The employee
acknowledges a dialog note as any other feedback.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from client.records import Snapshot
from client.writes import PROBE_ID, Write, may
from store import new_id

__all__ = ["new_id"]  # the one id maker (store.records), offered to the screen from here

# What the Umpan balik screen reads at each refresh.
COLLECTIONS = ("period", "plan", "plan_item", "feedback")

DIALOG_PREFIX = "Dialog kinerja"
_DIALOG = re.compile(rf"^{DIALOG_PREFIX} (\d{{4}}-\d{{2}}-\d{{2}}): ?(.*)$", re.DOTALL)


def dialog_text(held_on: date, note: str) -> str:
    return f"{DIALOG_PREFIX} {held_on.isoformat()}: {note.strip()}"


def parse_dialog(text: str) -> tuple[date, str] | None:
    """The date and note of a dialog kinerja text, None for plain feedback."""
    found = _DIALOG.match(text)
    if not found:
        return None
    try:
        return date.fromisoformat(found.group(1)), found.group(2)
    except ValueError:
        return None


@dataclass(frozen=True)
class FeedbackEntry:
    id: str
    owner: str
    period_id: str | None
    plan_item_id: str | None
    text: str
    acknowledged_at: str | None
    updated_at: str
    updated_by: str | None
    created_by: str | None  # the author: an acknowledgement updates, it doesn't write
    dialog_on: date | None
    rejected: Mapping[str, Any] | None

    @property
    def body(self) -> str:
        """The words people read: a dialog note without its prefix."""
        found = parse_dialog(self.text)
        return found[1] if found else self.text

    @property
    def thread(self) -> tuple[str, str]:
        return (self.period_id or "", self.plan_item_id or "")


def entry(record: Mapping[str, Any]) -> FeedbackEntry:
    data = record["data"]
    found = parse_dialog(data.get("text", ""))
    return FeedbackEntry(
        id=record["id"],
        owner=record["owner"],
        period_id=data.get("period_id"),
        plan_item_id=data.get("plan_item_id"),
        text=data.get("text", ""),
        acknowledged_at=data.get("acknowledged_at"),
        updated_at=record.get("updated_at") or "",
        updated_by=record.get("updated_by"),
        # Protocol 1 records have no created_by: their last editor is the best guess.
        created_by=record.get("created_by") or record.get("updated_by"),
        dialog_on=found[0] if found else None,
        rejected=record.get("rejected"),
    )


def entries(records: Iterable[Mapping[str, Any]], period_id: str | None) -> list[FeedbackEntry]:
    """One employee's feedback in a period (all periods for None), thread by thread."""
    found = [entry(r) for r in records if not r.get("deleted")]
    if period_id:
        found = [e for e in found if e.period_id == period_id]
    return sorted(found, key=lambda e: (e.thread, e.updated_at, e.id))


def unacknowledged(records: Iterable[Mapping[str, Any]]) -> int:
    return sum(1 for r in records if not r.get("deleted") and not r["data"].get("acknowledged_at"))


def feedback_data(text: str, period_id: str | None, plan_item_id: str | None) -> dict[str, Any]:
    """New feedback in protocol.md's shape (absent optional keys, not nulls)."""
    data: dict[str, Any] = {"text": text}
    if period_id:
        data["period_id"] = period_id
    if plan_item_id:
        data["plan_item_id"] = plan_item_id
    return data


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


# --- what may be written: asked of the permission rules, so a key is hidden
# exactly when the server would refuse it --------------------------------------


def may_give_feedback(view: Snapshot, owner: str) -> bool:
    return may(Write("feedback", PROBE_ID, owner, {"text": "-"}), view)


def may_edit_feedback(view: Snapshot, found: FeedbackEntry) -> bool:
    record = view.get("feedback", found.id)
    if record is None:
        return False
    after = {**record["data"], "text": str(record["data"].get("text", "")) + " "}
    return may(Write("feedback", found.id, found.owner, after), view)


def acknowledged(record: Mapping[str, Any], now: datetime) -> dict[str, Any]:
    """The feedback's data, read by its owner at ``now``."""
    return {**record["data"], "acknowledged_at": iso(now)}


def may_acknowledge(view: Snapshot, found: FeedbackEntry) -> bool:
    if found.acknowledged_at:
        return False
    record = view.get("feedback", found.id)
    if record is None:
        return False
    return may(Write("feedback", found.id, found.owner, acknowledged(record, view.now)), view)
