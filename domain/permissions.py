"""Who may read and write what: the permission table of protocol.md, in one place.

The server enforces these rules on every push; the client asks the same
functions first, only to tell people before they type in vain (protocol.md,
"Who may write what"). Both must call this module, never restate it.

Relations are computed from the record's owner: the PPK of an owner is
``org.atasan_of(owner)`` (the ``atasan_nip`` of their employee record) and
the atasan PPK is the atasan of that PPK. Nobody is their own PPK or atasan
PPK, even when the employee data says so by mistake.

Acting officials (protocol.md, "Acting officials"): the ``Org`` given is
the organisation on one day (``domain.org.Organisation.on(day)``), and
whoever stands in for a PPK or an atasan PPK on that day has that relation
too. Nobody gains a relation to their own records by acting.

Where the table leaves a case open, the choice made here is:

- plan: the owner writes the plan's content while it is draft or returned,
  except ``expectations`` (Ekspektasi Khusus Pimpinan), which only the PPK
  writes, at any status. The PPK also changes the status: approve a
  submitted plan, return a submitted or approved one (with a non-empty
  note), and edit the note of a plan already returned.
- plan and plan_item are readable by the owner's direct subordinates once
  the plan is submitted or approved (so that they can serve its RHK); the
  caller says the plan's status (``plan_status``), and without it they are
  not.
- feedback: the PPK writes everything but ``acknowledged_at``, which only
  the owner sets.
- Deletes follow the writer rules of upserts, except where a rule allows
  changing one field only (the owner acknowledging feedback, the atasan PPK
  deciding an objection or the evaluation under objection): deleting is not
  changing that field, so it is forbidden.
- objection: the owner may file, edit or withdraw (delete) it until it is
  decided, within the window of ``domain.deadlines.objection_open``; once
  decided, the decision is final for everyone (``immutable``). The atasan
  PPK's decision must carry their own NIP in ``decided_by``.
- A record that is ``immutable`` for its usual writer (an approved plan, a
  final evaluation, a decided objection) is still only ``forbidden`` for a
  stranger to it, except the approved plan, which protocol.md names
  immutable for everyone but its PPK.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, Protocol

from domain.deadlines import objection_deadline, objection_open
from domain.messages import render

OWNER, PPK, ATASAN_PPK, ADMIN = "owner", "ppk", "atasan_ppk", "admin"
# the owner's direct subordinate: reads their atasan's submitted or approved plan
SUBORDINATE = "subordinate"

PUBLIC = frozenset({"employee", "unit", "period", "acting"})
_LINE = frozenset({OWNER, PPK, ATASAN_PPK, ADMIN})
READERS: Mapping[str, frozenset[str]] = {
    **dict.fromkeys(("plan", "plan_item", "progress", "evaluation", "objection"), _LINE),
    "follow_up": _LINE,
    "feedback": frozenset({OWNER, PPK, ADMIN}),
    "training": frozenset({OWNER, PPK, ADMIN}),
}
# (status before, status after) that a PPK may make of a subordinate's plan
PPK_PLAN_TRANSITIONS = frozenset(
    {("submitted", "approved"), ("submitted", "returned"), ("approved", "returned")}
    | {("returned", "returned")}  # correcting the return note
)
OWNER_PLAN_STATUSES = frozenset({"draft", "submitted"})
# the plan statuses at which the owner's subordinates may read the plan and its RHK
SHOWN_TO_SUBORDINATES = frozenset({"submitted", "approved"})


@dataclasses.dataclass(frozen=True)
class Actor:
    """The person acting: their NIP and roles (``admin`` or none)."""

    nip: str
    roles: frozenset[str] = frozenset()


class Org(Protocol):
    """The organisation on one day, as far as permissions need it (``domain.org.OrgOnDay``)."""

    def atasan_of(self, nip: str) -> str | None: ...

    def stands_in_for(self, nip: str) -> frozenset[str]: ...


@dataclasses.dataclass(frozen=True)
class WriteAttempt:
    """One upsert or delete, with what the rules need to know about its record."""

    collection: str
    owner: str | None
    op: str  # "upsert" | "delete"
    before: Mapping[str, Any] | None  # the current data, None when the record is new
    after: Mapping[str, Any] | None  # the new data, None for a delete
    now: datetime
    before_deleted: bool = False
    plan_status: str | None = None  # plan_item, progress: the status of their plan
    evaluation_finalised_at: datetime | None = None  # objection: when its evaluation became final
    objection_pending: bool = False  # evaluation: an objection to it awaits the atasan PPK

    @property
    def is_new(self) -> bool:
        return self.before is None or self.before_deleted

    @property
    def current(self) -> Mapping[str, Any]:
        return {} if self.is_new or self.before is None else self.before

    @property
    def new(self) -> Mapping[str, Any]:
        return self.after or {}

    def changed(self) -> frozenset[str]:
        """The data keys an upsert changes (absent and null are the same)."""
        before, after = self.current, self.new
        return frozenset(k for k in {*before, *after} if before.get(k) != after.get(k))


@dataclasses.dataclass(frozen=True)
class Denial:
    """Why a write is refused: ``code`` is the protocol's error code."""

    code: str  # "forbidden" | "immutable"
    reason: str  # a key of domain.messages.CATALOGUE
    params: Mapping[str, object] = dataclasses.field(default_factory=dict)

    def message(self, lang: str = "id") -> str:
        return render(self.reason, self.params, lang)


def _forbidden(reason: str, **params: object) -> Denial:
    return Denial("forbidden", reason, params)


def _immutable(reason: str) -> Denial:
    return Denial("immutable", reason)


def relations(actor: Actor, owner: str | None, org: Org) -> frozenset[str]:
    """How ``actor`` stands to the records of ``owner``: owner, ppk, atasan_ppk, subordinate, admin."""
    found = {ADMIN} if ADMIN in actor.roles else set()
    if owner is None:
        return frozenset(found)
    if owner == actor.nip:
        found.add(OWNER)
        return frozenset(found)
    holders = {actor.nip, *org.stands_in_for(actor.nip)}
    ppk = org.atasan_of(owner)
    if ppk is not None and ppk != owner:
        if ppk in holders:
            found.add(PPK)
        grand = org.atasan_of(ppk)
        if grand is not None and grand != owner and grand in holders:
            found.add(ATASAN_PPK)
    if org.atasan_of(actor.nip) == owner:
        found.add(SUBORDINATE)
    return frozenset(found)


def can_read(
    actor: Actor, collection: str, owner: str | None, org: Org, *, plan_status: str | None = None
) -> bool:
    """Whether ``actor`` may see a record of ``collection`` about ``owner``.

    ``plan_status`` is the status of the plan a plan or plan_item record
    belongs to (the plan's own for a plan): the owner's subordinates read
    those only once submitted or approved.
    """
    if collection in PUBLIC:
        return True
    rels = relations(actor, owner, org)
    if READERS.get(collection, frozenset()) & rels:
        return True
    return (
        SUBORDINATE in rels
        and collection in ("plan", "plan_item")
        and plan_status in SHOWN_TO_SUBORDINATES
    )


def carried(actor: Actor, collection: str, owner: str | None, org: Org, scope: set[str]) -> bool:
    """Whether the feed carries a record to ``actor``, whose scope is ``scope`` (OrgOnDay.scope_of).

    The instansi's records always; others when their owner is in scope and the
    actor may read them (an atasan PPK does not read the second line's
    training). The server filters its feed by it, the client lets go by it.
    """
    if collection in PUBLIC or owner is None:
        return True
    return owner in scope and can_read(actor, collection, owner, org)


Rule = Callable[[Actor, frozenset[str], WriteAttempt], Denial | None]


def _admin_data(actor: Actor, rels: frozenset[str], attempt: WriteAttempt) -> Denial | None:
    return None if ADMIN in rels else _forbidden("admin_only")


def _written(expectations: Any) -> dict[str, Any]:
    """The expectations actually written: a value left blank is none."""
    return (
        {k: v for k, v in (expectations or {}).items() if v}
        if isinstance(expectations, Mapping)
        else {}
    )


def _expectations_changed(attempt: WriteAttempt) -> bool:
    return _written(attempt.current.get("expectations")) != _written(
        attempt.new.get("expectations")
    )


def _plan(actor: Actor, rels: frozenset[str], attempt: WriteAttempt) -> Denial | None:
    status = attempt.current.get("status")
    if PPK in rels:
        if attempt.is_new or attempt.op == "delete":
            return _forbidden("plan_owner_only")
        if attempt.changed() - {"status", "return_note", "expectations"}:
            return _forbidden("plan_ppk_status_only")
        new_status = attempt.new.get("status")
        if new_status == status and not attempt.changed() - {"expectations"}:
            return None  # the Ekspektasi Khusus Pimpinan only, at any status
        if (status, new_status) not in PPK_PLAN_TRANSITIONS:
            return _forbidden("plan_ppk_transition")
        note = attempt.new.get("return_note")
        if new_status == "returned" and not (isinstance(note, str) and note.strip()):
            return _forbidden("plan_return_note")
        return None
    if status == "approved":
        return _immutable("plan_approved")
    if OWNER not in rels:
        return _forbidden("plan_owner_only")
    if status == "submitted":
        return _forbidden("plan_submitted")
    if attempt.op == "upsert" and attempt.new.get("status") not in OWNER_PLAN_STATUSES:
        return _forbidden("plan_owner_status")
    if attempt.op == "upsert" and _expectations_changed(attempt):
        return _forbidden("plan_expectations_ppk")
    return None


def _plan_item(actor: Actor, rels: frozenset[str], attempt: WriteAttempt) -> Denial | None:
    if OWNER not in rels:
        return _forbidden("plan_item_owner_only")
    if attempt.plan_status is None:
        return _forbidden("plan_unknown")
    if attempt.plan_status == "approved":
        return _immutable("plan_approved")
    if attempt.plan_status == "submitted":
        return _forbidden("plan_submitted")
    return None


def _progress(actor: Actor, rels: frozenset[str], attempt: WriteAttempt) -> Denial | None:
    if OWNER not in rels:
        return _forbidden("progress_owner_only")
    if attempt.plan_status != "approved":
        return _forbidden("progress_plan_not_approved")
    return None


def _feedback(actor: Actor, rels: frozenset[str], attempt: WriteAttempt) -> Denial | None:
    if PPK in rels:
        if attempt.op == "upsert" and "acknowledged_at" in attempt.changed():
            return _forbidden("feedback_acknowledge_owner")
        return None
    if OWNER not in rels:
        return _forbidden("feedback_ppk_only")
    acknowledging = (
        attempt.op == "upsert" and not attempt.is_new and attempt.changed() <= {"acknowledged_at"}
    )
    return None if acknowledging else _forbidden("feedback_acknowledge_only")


def _evaluation(actor: Actor, rels: frozenset[str], attempt: WriteAttempt) -> Denial | None:
    if ATASAN_PPK in rels and attempt.objection_pending:
        return _forbidden("evaluation_objection_delete") if attempt.op == "delete" else None
    if PPK not in rels:
        return _forbidden("evaluation_ppk_only")
    if attempt.current.get("status") == "final":
        return _immutable("evaluation_final")
    return None


def _objection(actor: Actor, rels: frozenset[str], attempt: WriteAttempt) -> Denial | None:
    decided = attempt.current.get("decision") is not None
    if ATASAN_PPK in rels:
        if decided:
            return _immutable("objection_decided")
        decision = attempt.new.get("decision")
        if attempt.is_new or attempt.op == "delete" or attempt.changed() != {"decision"}:
            return _forbidden("objection_decision_only")
        if not isinstance(decision, Mapping) or decision.get("decided_by") != actor.nip:
            return _forbidden("objection_decided_by", nip=actor.nip)
        return None
    if OWNER not in rels:
        return _forbidden("objection_owner_only")
    if decided:
        return _immutable("objection_decided")
    if attempt.new.get("decision") is not None:
        return _forbidden("objection_owner_decision")
    finalised_at = attempt.evaluation_finalised_at
    if finalised_at is None:
        return _forbidden("objection_not_final")
    if not objection_open(finalised_at, attempt.now):
        return _forbidden("objection_closed", deadline=objection_deadline(finalised_at).isoformat())
    return None


def _training(actor: Actor, rels: frozenset[str], attempt: WriteAttempt) -> Denial | None:
    return None if rels & {OWNER, ADMIN} else _forbidden("training_owner_or_admin")


def _follow_up(actor: Actor, rels: frozenset[str], attempt: WriteAttempt) -> Denial | None:
    return None if rels & {PPK, ADMIN} else _forbidden("follow_up_ppk_or_admin")


WRITE_RULES: Mapping[str, Rule] = {
    "employee": _admin_data,
    "unit": _admin_data,
    "period": _admin_data,
    "acting": _admin_data,
    "plan": _plan,
    "plan_item": _plan_item,
    "progress": _progress,
    "feedback": _feedback,
    "evaluation": _evaluation,
    "objection": _objection,
    "training": _training,
    "follow_up": _follow_up,
}


def check_write(actor: Actor, attempt: WriteAttempt, org: Org) -> Denial | None:
    """None when ``actor`` may make this write, else why not (protocol.md's table).

    The objection window is judged on the office's calendar day of
    ``attempt.now`` (see ``domain.deadlines``).
    """
    rule = WRITE_RULES.get(attempt.collection)
    if rule is None:
        return _forbidden("collection_unknown")
    return rule(actor, relations(actor, attempt.owner, org), attempt)
