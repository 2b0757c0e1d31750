"""The Realisasi area's read model: approved SKP, their periods and realisasi."""

from __future__ import annotations

from typing import Any

from client.records import Snapshot
from client.writes import PROBE_ID, Write, may

Record = dict[str, Any]
# What the Realisasi screen reads at each refresh.
COLLECTIONS = ("period", "plan", "plan_item", "progress")


def approved_plans(view: Snapshot, owner: str | None = None) -> list[Record]:
    """The approved SKP of ``owner`` (default: mine), the newest period first."""
    mine = [p for p in view.plans_of(owner or view.me) if p["data"].get("status") == "approved"]
    return sorted(mine, key=view.period_start, reverse=True)


def progress_for(view: Snapshot, item: Record, period_id: str) -> Record | None:
    """The one progress record of an RHK in a period, if written."""
    for record in view.list("progress", owner=item["owner"]):
        data = record["data"]
        if data.get("plan_item_id") == item["id"] and data.get("period_id") == period_id:
            return record
    return None


def progress_periods(view: Snapshot, plan: Record) -> list[Record]:
    """The periods realisasi is recorded for: those of the plan's year.

    The plan's own period first (usually the annual one), then the
    quarterly and monthly periods of the same year in order.
    """
    own = view.get("period", plan["data"].get("period_id") or "")
    year = own["data"].get("year") if own else None
    chosen = [p for p in view.periods_by_start() if p["data"].get("year") == year]
    return sorted(chosen, key=lambda p: (p["id"] != plan["data"].get("period_id"),))


def may_write_progress(view: Snapshot, item: Record) -> bool:
    """Whether realisasi may be recorded against ``item`` (its plan approved, mine)."""
    probe = {"plan_item_id": item["id"], "period_id": "?", "values": [], "evidence": []}
    return may(Write("progress", PROBE_ID, item["owner"], probe), view)
