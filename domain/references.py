"""The rules that tie a record to others: references, counts across records, the atasan chain.

protocol.md, "Limits": a ``period_id``, ``plan_id``, ``plan_item_id`` or
``evaluation_id`` names an existing record of the same owner (periods: any);
``plan_item.plan_id``, ``progress.plan_item_id``, ``evaluation.plan_id`` and
``objection.evaluation_id`` never change once set; at most 50 RHK a plan;
``values`` one per indicator of its RHK; one evaluation per plan and period,
final only on an approved plan; an ``atasan_nip``, ``ppk_nip`` or
``for_nip`` names an existing employee, never the record's own, and the
atasan chain has no cycle.

The rules are pure: ``reference_issues`` takes the change, a ``Lookup`` of
the records the caller holds and the ``Organisation``. The server calls it
with what its database holds (in the push's transaction); the client calls
it with its store before saving, to tell people first.

A reference is checked when it is set or changed, not at every later edit:
a feedback whose RHK was deleted since can still be acknowledged.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from domain.messages import Issue
from domain.org import Organisation
from domain.schema import ITEMS_MAX
from domain.vocab import COLLECTION_LABELS

# collection -> its reference fields and the collection each names
REFERENCES: Mapping[str, tuple[tuple[str, str], ...]] = {
    "plan": (("period_id", "period"),),
    "plan_item": (("plan_id", "plan"),),
    "progress": (("plan_item_id", "plan_item"), ("period_id", "period")),
    "feedback": (("period_id", "period"), ("plan_item_id", "plan_item")),
    "evaluation": (("period_id", "period"), ("plan_id", "plan")),
    "objection": (("evaluation_id", "evaluation"),),
    "follow_up": (("evaluation_id", "evaluation"),),
}
# The references that never change once set (like a record's owner).
FIXED: Mapping[str, str] = {
    "plan_item": "plan_id",
    "progress": "plan_item_id",
    "evaluation": "plan_id",
    "objection": "evaluation_id",
}
# Collections whose records anyone's records may name (no owner to match).
SHARED = frozenset({"period"})


class Lookup(Protocol):
    """The records the caller holds, as envelopes (``collection``, ``id``, ``owner``, ``deleted``, ``data``)."""

    def get(self, collection: str, record_id: str) -> Mapping[str, Any] | None:
        """The record, deleted or not, or None when there is none."""
        ...

    def owned_by(self, collection: str, owner: str) -> Iterable[Mapping[str, Any]]:
        """Every record of ``collection`` about ``owner``, deleted ones included."""
        ...


@dataclass(frozen=True)
class Change:
    """One upsert or delete as the rules see it."""

    collection: str
    record_id: str
    owner: str | None
    before: Mapping[str, Any] | None  # the stored data; None when the record is new
    after: Mapping[str, Any] | None  # the new data; None for a delete

    def sets(self, field: str) -> bool:
        """Whether this change gives ``field`` a value it did not have."""
        value = (self.after or {}).get(field)
        return value is not None and (self.before is None or self.before.get(field) != value)


def reference_issues(change: Change, lookup: Lookup, org: Organisation) -> list[Issue]:
    """Everything wrong with how ``change`` points at other records; empty when nothing is."""
    if change.after is None:
        return []  # a delete names nothing new
    issues = _fixed(change)
    for field, target in REFERENCES.get(change.collection, ()):
        if change.sets(field) and not issues:
            issues += _named(change, field, target, lookup)
    if not issues:
        issues += _ACROSS.get(change.collection, _nothing)(change, lookup, org)
    return [Issue(i.field, i.code, i.params, change.collection) for i in issues]


def _fixed(change: Change) -> list[Issue]:
    field = FIXED.get(change.collection)
    if field is None or change.before is None:
        return []
    if change.before.get(field) == (change.after or {}).get(field):
        return []
    return [Issue(field, "reference_changed")]


def _named(change: Change, field: str, target: str, lookup: Lookup) -> list[Issue]:
    found = lookup.get(target, str((change.after or {})[field]))
    params = {"target": COLLECTION_LABELS[target]}  # type: ignore[index]
    if found is None or found.get("deleted"):
        return [Issue(field, "reference_missing", params)]
    if target not in SHARED and found.get("owner") != change.owner:
        return [Issue(field, "reference_other_owner", params)]
    return []


def _live(records: Iterable[Mapping[str, Any]], change: Change) -> list[Mapping[str, Any]]:
    """The others: live records other than the one changed."""
    return [r for r in records if not r.get("deleted") and r.get("id") != change.record_id]


def _plan_item(change: Change, lookup: Lookup, org: Organisation) -> list[Issue]:
    if change.before is not None or change.owner is None:
        return []
    plan_id = (change.after or {}).get("plan_id")
    siblings = [
        r
        for r in _live(lookup.owned_by("plan_item", change.owner), change)
        if r["data"].get("plan_id") == plan_id
    ]
    if len(siblings) >= ITEMS_MAX:
        return [Issue("plan_id", "plan_full", {"limit": ITEMS_MAX})]
    return []


def _progress(change: Change, lookup: Lookup, org: Organisation) -> list[Issue]:
    after = change.after or {}
    item = lookup.get("plan_item", str(after.get("plan_item_id")))
    values, indicators = after.get("values"), (item or {}).get("data", {}).get("indicators")
    if not isinstance(values, list) or not isinstance(indicators, list):
        return []
    if len(values) == len(indicators):
        return []
    return [Issue("values", "values_count", {"expected": len(indicators), "count": len(values)})]


def _evaluation(change: Change, lookup: Lookup, org: Organisation) -> list[Issue]:
    after, before = change.after or {}, change.before or {}
    issues: list[Issue] = []
    if change.owner is not None and (change.sets("plan_id") or change.sets("period_id")):
        twins = [
            r
            for r in _live(lookup.owned_by("evaluation", change.owner), change)
            if r["data"].get("plan_id") == after.get("plan_id")
            and r["data"].get("period_id") == after.get("period_id")
        ]
        if twins:
            issues.append(Issue("period_id", "evaluation_exists"))
    if after.get("status") == "final" and before.get("status") != "final":
        plan = lookup.get("plan", str(after.get("plan_id")))
        if plan is None or plan.get("deleted") or plan["data"].get("status") != "approved":
            issues.append(Issue("status", "final_needs_approved"))
    return issues


def _nip(field: str, nip: Any, own: Any, org: Organisation) -> list[Issue]:
    if nip == own:
        return [Issue(field, "nip_own")]
    if not org.known(str(nip)):
        return [Issue(field, "nip_unknown", {"nip": nip})]
    return []


def _employee(change: Change, lookup: Lookup, org: Organisation) -> list[Issue]:
    after = change.after or {}
    nip, atasan = after.get("nip"), after.get("atasan_nip")
    if not change.sets("atasan_nip"):
        return []
    issues = _nip("atasan_nip", atasan, nip, org)
    if not issues and org.makes_cycle(str(nip), str(atasan)):
        issues.append(Issue("atasan_nip", "atasan_cycle", {"nip": atasan}))
    return issues


def _plan(change: Change, lookup: Lookup, org: Organisation) -> list[Issue]:
    if not change.sets("ppk_nip"):
        return []
    return _nip("ppk_nip", (change.after or {})["ppk_nip"], change.owner, org)


def _acting(change: Change, lookup: Lookup, org: Organisation) -> list[Issue]:
    after = change.after or {}
    issues: list[Issue] = []
    if change.sets("nip") and not org.known(str(after["nip"])):
        issues.append(Issue("nip", "nip_unknown", {"nip": after["nip"]}))
    if change.sets("for_nip") or change.sets("nip"):
        issues += _nip("for_nip", after.get("for_nip"), after.get("nip"), org)
    return issues


def _nothing(change: Change, lookup: Lookup, org: Organisation) -> list[Issue]:
    return []


_ACROSS = {
    "plan_item": _plan_item,
    "progress": _progress,
    "evaluation": _evaluation,
    "employee": _employee,
    "plan": _plan,
    "acting": _acting,
}


def blobs_named(collection: str, data: Mapping[str, Any] | None) -> list[Mapping[str, Any]]:
    """The evidence files (``{sha256, name, size, type}``) a record's data names, in order."""
    if collection != "progress" or not isinstance(data, Mapping):
        return []
    evidence = data.get("evidence")
    return [
        item["blob"]
        for item in (evidence if isinstance(evidence, list) else [])
        if isinstance(item, Mapping) and isinstance(item.get("blob"), Mapping)
    ]
