"""What the Rencana and Realisasi screens read from and write to the store.

No Textual here: these functions turn store records into what the screens
show, build the record data the protocol asks for, and ask the shared
permission function (domain.permissions) what a person may change, so the
screens can show a field read-only before anyone types in vain.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from domain.messages import Issue
from domain.nip import format_nip
from domain.permissions import Actor, Denial, Org, WriteAttempt, check_write
from domain.validation import validate_data

Record = dict[str, Any]

ATTACHMENT_KEYS = ("resources", "accountability", "consequences")
RETURNED = "returned"
EDITABLE_STATUSES = ("draft", "returned")


class TeamOrg(Org, Protocol):
    """domain.permissions.Org, plus who reports to whom (tui.services.LocalOrg)."""

    def subordinates_of(self, nip: str) -> list[str]: ...


class Services(Protocol):
    """The part of tui.services.Services these screens use."""

    store: Any
    me: str
    lang: str

    def actor(self) -> Actor: ...
    def org(self) -> TeamOrg: ...
    def now(self) -> datetime: ...
    def request_sync(self) -> None: ...


def label_of(labels: Mapping[Any, str], key: object) -> str:
    """The official label of a vocabulary value (domain.vocab), or the value itself."""
    return labels.get(key, str(key) if key else "-")


def live(records: Iterable[Record]) -> list[Record]:
    return [r for r in records if not r.get("deleted")]


def periods(services: Services) -> list[Record]:
    """Every period, the annual ones of a year before its parts, by start date."""
    order = {"annual": 0, "quarterly": 1, "monthly": 2}
    found = live(services.store.records.list("period"))
    return sorted(
        found,
        key=lambda r: (r["data"].get("start", ""), order.get(r["data"].get("kind", ""), 9)),
    )


def find_period(services: Services, typed: str) -> Record | None:
    """The period a person named, by its id or its name (case and spaces ignored)."""
    wanted = " ".join(typed.split()).casefold()
    if not wanted:
        return None
    for period in periods(services):
        name = " ".join(str(period["data"].get("name", "")).split()).casefold()
        if wanted in (period["id"].casefold(), name):
            return period
    return None


def period_name(services: Services, period_id: str | None) -> str:
    period = services.store.records.get("period", period_id) if period_id else None
    if period is None or period.get("deleted"):
        return period_id or "-"
    return str(period["data"].get("name") or period_id)


def period_start(services: Services, plan: Record) -> str:
    """The start date of a plan's period ("" when the period is unknown), for ordering."""
    period = services.store.records.get("period", plan["data"].get("period_id") or "")
    return str(period["data"].get("start", "")) if period else ""


def employee(services: Services, nip: str | None) -> Record | None:
    if not nip:
        return None
    for record in live(services.store.records.list("employee")):
        if record["id"] == nip or record["data"].get("nip") == nip:
            return record
    return None


def person_label(services: Services, nip: str | None) -> str:
    """ "Name (NIP)", or the bare NIP when the employee record is missing."""
    if not nip:
        return "-"
    found = employee(services, nip)
    name = found["data"].get("name") if found else None
    return f"{name} ({format_nip(nip)})" if name else format_nip(nip)


def plans_of(services: Services, owner: str) -> list[Record]:
    return live(services.store.records.list("plan", owner=owner))


def plan_for_period(services: Services, owner: str, period_id: str) -> Record | None:
    for plan in plans_of(services, owner):
        if plan["data"].get("period_id") == period_id:
            return plan
    return None


def items_of(services: Services, plan: Record, kind: str | None = None) -> list[Record]:
    """The RHK of a plan: utama first, then tambahan."""
    found = [
        item
        for item in live(services.store.records.list("plan_item", owner=plan["owner"]))
        if item["data"].get("plan_id") == plan["id"]
        and (kind is None or item["data"].get("kind") == kind)
    ]
    # The protocol keeps no order for RHK; by text is the same on every client.
    return sorted(
        found,
        key=lambda r: (r["data"].get("kind") != "main", str(r["data"].get("text", "")).casefold()),
    )


def subordinate_plans(services: Services) -> list[Record]:
    """Plans whose owner has me as atasan: what I approve or return as PPK."""
    team = {
        r["data"].get("nip") or r["id"]
        for r in live(services.store.records.list("employee"))
        if r["data"].get("atasan_nip") == services.me
    }
    found = [p for p in live(services.store.records.list("plan")) if p["owner"] in team]
    waiting_first = {"submitted": 0, "returned": 1, "draft": 2, "approved": 3}
    return sorted(found, key=lambda p: (waiting_first.get(p["data"].get("status"), 9), p["owner"]))


def atasan_items(services: Services, owner: str, period_id: str) -> list[Record]:
    """The atasan's RHK for the same period, when this store holds them.

    A subordinate's store usually does not: the atasan's plan is not among
    what protocol.md lets a subordinate read. An empty list must never block
    the subordinate: the link can be made later.
    """
    atasan = services.org().atasan_of(owner)
    if not atasan:
        return []
    plan = plan_for_period(services, atasan, period_id)
    return items_of(services, plan) if plan else []


# --- building record data ---------------------------------------------------


def new_id() -> str:
    return str(uuid.uuid4())


def new_plan_data(period_id: str, ppk_nip: str, approach: str = "quantitative") -> Record:
    return {
        "period_id": period_id,
        "ppk_nip": ppk_nip,
        "approach": approach,
        "status": "draft",
        "expectations": {},
        "attachments": {key: [] for key in ATTACHMENT_KEYS},
    }


_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


def parse_number(text: str) -> float | int | str | None:
    """A typed number ("120", "99,5") as a number; empty as None.

    Anything else is returned as typed, so that domain.validation reports it
    in its own words ("Target must be a number ...") beside the field.
    """
    stripped = text.strip()
    if not stripped:
        return None
    if not _NUMBER.match(stripped):
        return stripped
    value = float(stripped.replace(",", "."))
    return (
        int(value) if value.is_integer() and "." not in stripped and "," not in stripped else value
    )


def format_number(value: object, lang: str = "id") -> str:
    """A number as people here write it: "2,5" in Indonesian, "2.5" in English."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    return text.replace(".", ",") if lang == "id" and isinstance(value, float) else text


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


def issues_for(collection: str, data: Mapping[str, Any]) -> list[Issue]:
    return validate_data(collection, data)


def reopened(status: object) -> object:
    """The status an owner's edit gives: a returned SKP becomes a draft again.

    domain.permissions lets the owner write only the statuses draft and
    submitted; the PPK's note stays on the record and is still shown.
    """
    return "draft" if status == RETURNED else status


# --- what may be written -----------------------------------------------------


@dataclass(frozen=True)
class Gate:
    """Asks the shared permission function about one person and one moment."""

    actor: Actor
    org: Org
    now: datetime

    @classmethod
    def of(cls, services: Services) -> Gate:
        return cls(services.actor(), services.org(), services.now())

    def denial(
        self,
        collection: str,
        owner: str | None,
        before: Mapping[str, Any] | None,
        after: Mapping[str, Any] | None,
        plan_status: str | None = None,
    ) -> Denial | None:
        attempt = WriteAttempt(
            collection=collection,
            owner=owner,
            op="upsert" if after is not None else "delete",
            before=before,
            after=after,
            now=self.now,
            plan_status=plan_status,
        )
        return check_write(self.actor, attempt, self.org)

    def may_change_plan(self, plan: Record, change: Callable[[Record], Record]) -> bool:
        before = plan["data"]
        return self.denial("plan", plan["owner"], before, change(dict(before))) is None

    def may_edit_plan_content(self, plan: Record) -> bool:
        """Whether the lampiran, expectations and approach may be changed.

        Probed with a change to the lampiran: the permission rules speak of
        which fields a person may change, not of screens.
        """

        def probe(data: Record) -> Record:
            attachments = dict(data.get("attachments") or {})
            attachments["resources"] = [*attachments.get("resources", []), "?"]
            return {**data, "attachments": attachments, "status": reopened(data.get("status"))}

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
        status = plan["data"].get("status")
        return self.denial("plan_item", plan["owner"], None, probe, plan_status=status) is None

    def may_write_progress(self, plan: Record) -> bool:
        probe = {"plan_item_id": "?", "period_id": "?", "values": [], "evidence": []}
        status = plan["data"].get("status")
        return self.denial("progress", plan["owner"], None, probe, plan_status=status) is None


def progress_for(services: Services, item: Record, period_id: str) -> Record | None:
    """The one progress record of an RHK in a period, if written."""
    for record in live(services.store.records.list("progress", owner=item["owner"])):
        data = record["data"]
        if data.get("plan_item_id") == item["id"] and data.get("period_id") == period_id:
            return record
    return None


def progress_periods(services: Services, plan: Record) -> list[Record]:
    """The periods realisasi is recorded for: those of the plan's year.

    The plan's own period first (usually the annual one), then the
    quarterly and monthly periods of the same year in order.
    """
    own = services.store.records.get("period", plan["data"].get("period_id"))
    year = own["data"].get("year") if own else None
    chosen = [p for p in periods(services) if p["data"].get("year") == year]
    return sorted(chosen, key=lambda p: (p["id"] != plan["data"].get("period_id"),))


def field_index(field: str) -> tuple[str, int | None, str]:
    """Split a validation field path: "indicators[1].target" -> ("indicators", 1, "target")."""
    match = re.match(r"^(\w+)(?:\[(\d+)\])?(?:\.(\w+))?", field)
    if not match:
        return field, None, ""
    head, index, tail = match.groups()
    return head, int(index) if index is not None else None, tail or ""


def save_if_allowed(
    services: Services,
    collection: str,
    record: Record | None,
    owner: str,
    data: dict[str, Any],
    *,
    plan_status: str | None,
) -> Denial | None:
    """Save ``data`` as ``record`` (a new one when None) unless the permission function says no.

    The screens show what is forbidden as read-only before anyone types; this
    last check catches a change that arrived by sync while the form was open.
    """
    before = record["data"] if record else None
    denial = Gate.of(services).denial(collection, owner, before, data, plan_status=plan_status)
    if denial is None:
        record_id = record["id"] if record else new_id()
        services.store.records.edit(collection, record_id, data, owner=owner, by=services.me)
        services.request_sync()
    return denial
