"""The Rencana area's read model: plans, their RHK, and what may be changed.

No Textual here: these functions turn a snapshot of the store
(client/records.py) into what the Rencana and Realisasi screens show, build
the record data the protocol asks for, and ask the shared permission rules
what a person may change, so the screens can show a field read-only before
anyone types in vain.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from client.numbers import format_number
from client.records import Snapshot
from client.writes import PROBE_ID, Write, may
from store import new_id

__all__ = ["new_id"]  # the one id maker (store.records), offered to the screens from here

Record = dict[str, Any]

# What the Rencana screens read at each refresh.
COLLECTIONS = ("period", "plan", "plan_item")
ATTACHMENT_KEYS = ("resources", "accountability", "consequences")
RETURNED = "returned"
EDITABLE_STATUSES = ("draft", "returned")


def label_of(labels: Mapping[Any, str], key: object) -> str:
    """The official label of a vocabulary value (domain.vocab), or the value itself."""
    return labels.get(key, str(key) if key else "-")


def find_period(view: Snapshot, typed: str) -> Record | None:
    """The period a person named, by its id or its name (case and spaces ignored)."""
    wanted = " ".join(typed.split()).casefold()
    if not wanted:
        return None
    for period in view.periods_by_start():
        name = " ".join(str(period["data"].get("name", "")).split()).casefold()
        if wanted in (period["id"].casefold(), name):
            return period
    return None


def plan_for_period(view: Snapshot, owner: str, period_id: str) -> Record | None:
    for plan in view.plans_of(owner):
        if plan["data"].get("period_id") == period_id:
            return plan
    return None


def subordinate_plans(view: Snapshot) -> list[Record]:
    """Plans whose owner has me as atasan: what I approve or return as PPK."""
    team = set(view.org.team_of(view.me))
    found = [p for p in view.list("plan") if p["owner"] in team]
    waiting_first = {"submitted": 0, "returned": 1, "draft": 2, "approved": 3}
    return sorted(found, key=lambda p: (waiting_first.get(p["data"].get("status"), 9), p["owner"]))


def atasan_items(view: Snapshot, owner: str, period_id: str) -> list[Record]:
    """The atasan's RHK for the same period, when this store holds them.

    A subordinate's store usually does not: the atasan's plan is not among
    what protocol.md lets a subordinate read. An empty list must never block
    the subordinate: the link can be made later.
    """
    atasan = view.org.atasan_of(owner)
    if not atasan:
        return []
    plan = plan_for_period(view, atasan, period_id)
    return view.items_of(plan) if plan else []


# --- building record data ---------------------------------------------------


def new_plan_data(period_id: str, ppk_nip: str, approach: str = "quantitative") -> Record:
    return {
        "period_id": period_id,
        "ppk_nip": ppk_nip,
        "approach": approach,
        "status": "draft",
        "expectations": {},
        "attachments": {key: [] for key in ATTACHMENT_KEYS},
    }


def target_of(indicator: Mapping[str, Any], lang: str = "id") -> str:
    """ "120 berkas", or the narrative target of a kualitatif IKI."""
    if indicator.get("target_text"):
        return str(indicator["target_text"])
    parts = (format_number(indicator.get("target"), lang), str(indicator.get("unit") or ""))
    return " ".join(part for part in parts if part)


def indicator_summary(indicators: Sequence[Mapping[str, Any]], lang: str = "id") -> str:
    """One table cell for an RHK's IKI: the first in full, a count of the others."""
    if not indicators:
        return ""
    first = indicators[0]
    summary = f"{first.get('indicator', '')}: {target_of(first, lang)}".strip(": ")
    return summary + (f" (+{len(indicators) - 1})" if len(indicators) > 1 else "")


def lines_of(text: str) -> list[str]:
    """One list entry per non-empty line (the lampiran lists)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def without_none(data: Mapping[str, Any]) -> Record:
    """Optional fields are left out rather than sent as null."""
    return {key: value for key, value in data.items() if value is not None}


def reopened(status: object) -> object:
    """The status an owner's edit gives: a returned SKP becomes a draft again.

    domain.permissions lets the owner write only the statuses draft and
    submitted; the PPK's note stays on the record and is still shown.
    """
    return "draft" if status == RETURNED else status


# --- what may be written -----------------------------------------------------


@dataclass(frozen=True)
class Gate:
    """Asks the shared permission rules (client.writes.may) what a person may change.

    Probes are sample writes: the permission rules speak of which fields a
    person may change, not of screens.
    """

    view: Snapshot

    def may_change_plan(self, plan: Record, change: Callable[[Record], Record]) -> bool:
        return may(Write("plan", plan["id"], plan["owner"], change(dict(plan["data"]))), self.view)

    def may_edit_plan_content(self, plan: Record) -> bool:
        """Whether the lampiran, expectations and approach may be changed."""

        def probe(data: Record) -> Record:
            attachments = dict(data.get("attachments") or {})
            attachments["resources"] = [*attachments.get("resources", []), "?"]
            return {**data, "attachments": attachments, "status": reopened(data.get("status"))}

        return self.may_change_plan(plan, probe)

    def may_write_expectations(self, plan: Record) -> bool:
        """Whether the Ekspektasi Khusus Pimpinan may be changed: the PPK's, at any
        status (protocol 2), never the owner's."""

        def probe(data: Record) -> Record:
            written = dict(data.get("expectations") or {})
            written["service"] = str(written.get("service") or "") + "?"
            return {**data, "expectations": written}

        return self.may_change_plan(plan, probe)

    def may_set_status(self, plan: Record, status: str) -> bool:
        def probe(data: Record) -> Record:
            changed = {**data, "status": status}
            if status == RETURNED:
                changed["return_note"] = "?"
            return changed

        return plan["data"].get("status") != status and self.may_change_plan(plan, probe)

    def may_write_items(self, plan: Record) -> bool:
        probe = {"plan_id": plan["id"], "kind": "main", "text": "?", "indicators": []}
        return may(Write("plan_item", PROBE_ID, plan["owner"], probe), self.view)
