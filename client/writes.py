"""The one way the client writes a record: validate, check, store, sync.

Every screen and command that changes a record builds a ``Write`` and calls
``save``:

1. validate the record's id (a UUID, as the server asks) and the data
   (domain.validation, the form rules of client/form_rules.py, and the
   reference rules of domain.references that the server applies too: what
   a record names must exist and be the same owner's, references never
   move, one evaluation per plan and period...), field by field;
2. ask domain.permissions.check_write, with the organisation of the day and
   the facts of domain.write_facts, exactly as the server will;
3. write the record with its outbox mutation (store.records.edit/delete);
4. ask for a sync round.

It answers ``Saved``, ``Issues`` (messages by field), ``Denied`` (the
permission's reason) or ``Failed`` (the store could not write: the disk is
full, another Kinerja holds the profile's lock): never an exception. It
runs off the UI thread (the store may wait up to 30 s for its lock); steps 1
and 2 alone are ``check``, which screens also use to show a field
read-only before anyone types in vain. ``save_all`` does the same for many
writes at once (a CSV import): every one is checked before any is stored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from client.form_rules import form_issues
from client.records import Snapshot
from domain.checks import uuid
from domain.permissions import Denial, WriteAttempt, check_write
from domain.references import REFERENCES, Change, reference_issues
from domain.validation import validate_data
from domain.write_facts import facts_for

if TYPE_CHECKING:
    from client.services import Services

# The collections whose records decide whether another may be written
# (domain.write_facts): a snapshot used for a check must hold them.
FACT_SOURCES: Mapping[str, tuple[str, ...]] = {
    "plan_item": ("plan",),
    "progress": ("plan_item", "plan"),
    "objection": ("evaluation",),
    "evaluation": ("objection",),
}

# What the reference rules look at beyond what a record names (domain.references):
# its siblings (at most 50 RHK a plan, one evaluation per plan and period), the plan
# an evaluation becomes final on, the RHK whose indicators a realisasi counts.
_REFERENCE_EXTRAS: Mapping[str, tuple[str, ...]] = {
    "plan_item": ("plan_item",),
    "progress": ("plan_item",),
    "evaluation": ("evaluation", "plan"),
}


def sources(collection: str) -> tuple[str, ...]:
    """The collections a snapshot must hold to judge a write of ``collection`` fully."""
    named = (target for _field, target in REFERENCES.get(collection, ()))
    extra = (*FACT_SOURCES.get(collection, ()), *_REFERENCE_EXTRAS.get(collection, ()))
    return tuple(sorted({collection, *named, *extra}))


# A record id no store holds: a sample write with it is judged as a new record.
PROBE_ID = "-probe-"


@dataclass(frozen=True)
class Write:
    """One change: ``data`` for an upsert, None for a delete."""

    collection: str
    record_id: str
    owner: str | None
    data: Mapping[str, Any] | None


@dataclass(frozen=True)
class Saved:
    record_id: str
    # The records re-read after the write, for the screen to redraw from.
    snapshot: Snapshot | None = None


@dataclass(frozen=True)
class Issues:
    """What is wrong with the data: a message per field path ("indicators[0].target")."""

    fields: Mapping[str, str] = field(default_factory=dict)

    @property
    def messages(self) -> list[str]:
        return list(self.fields.values())


@dataclass(frozen=True)
class Denied:
    code: str  # the protocol's "forbidden" or "immutable"
    message: str


@dataclass(frozen=True)
class Failed:
    """The store could not write; ``message`` is in the person's language."""

    message: str


SaveResult = Saved | Issues | Denied | Failed


def validate(
    write: Write, view: Snapshot, lang: str, before: Mapping[str, Any] | None = None
) -> Issues | None:
    """Step 1: the domain's issues first, then the form rules; one message per field.

    The reference rules run when the snapshot holds what they look at
    (``sources``): a save always reads such a snapshot; a screen's own may not.
    """
    if write.data is None:
        return None
    found: dict[str, str] = {}
    for issue in validate_data(write.collection, write.data):
        found.setdefault(issue.field, issue.message(lang))
    for name, message in form_issues(write.collection, write.data, view, lang).items():
        found.setdefault(name, message)
    if not found and view.holds(sources(write.collection)):
        current = view.get(write.collection, write.record_id) if before is None else before
        stored = current["data"] if current and not current.get("deleted") else None
        change = Change(write.collection, write.record_id, write.owner, stored, write.data)
        for issue in reference_issues(change, view, view.org.org):
            found.setdefault(issue.field, issue.message(lang))
    return Issues(found) if found else None


def denial(write: Write, view: Snapshot, before: Mapping[str, Any] | None = None) -> Denial | None:
    """Step 2: domain.permissions' verdict, on the facts the server uses too.

    ``before`` is the record as it stands (its envelope); by default the
    snapshot's.
    """
    current = view.get(write.collection, write.record_id) if before is None else before
    live_before = current["data"] if current and not current.get("deleted") else None
    every = facts_for(
        write.collection,
        write.record_id,
        write.owner,
        write.data,
        live_before,
        view.get,
        lambda owner: view.list("objection", owner=owner, include_deleted=True),
    )
    for facts in every:  # as the new data and as the stored data see them, as the server does
        attempt = WriteAttempt(
            collection=write.collection,
            owner=write.owner,
            op="upsert" if write.data is not None else "delete",
            before=live_before,
            after=write.data,
            now=view.now,
            **facts.attempt_fields(),
        )
        refused = check_write(view.actor, attempt, view.org)
        if refused is not None:
            return refused
    return None


def may(write: Write, view: Snapshot) -> bool:
    """Whether the permission rules allow ``write`` (to hide a key, not to save)."""
    return denial(write, view) is None


def check(
    write: Write, view: Snapshot, lang: str, before: Mapping[str, Any] | None = None
) -> Issues | Denied | None:
    """Steps 1 and 2: None when the write may go to the store.

    A record's id must be a UUID, which the server checks only at the push,
    when the person has long left the form. A delete is let through: a record
    stored with a wrong id before this check existed can still be removed.
    """
    wrong_id = uuid(write.record_id, "id") if write.data is not None else []
    if wrong_id:
        return Issues({issue.field: issue.message(lang) for issue in wrong_id})
    issues = validate(write, view, lang, before)
    if issues is not None:
        return issues
    refused = denial(write, view, before)
    return None if refused is None else Denied(refused.code, refused.message(lang))


def save(services: Services, write: Write, *, reread: tuple[str, ...] = ()) -> SaveResult:
    """Validate, check, write and ask for a sync; never raises for a store failure.

    What the check looks at is read afresh (one store read), so that a change
    a sync brought while the form was open is judged too. ``reread`` names the
    collections to read again afterwards (``Saved.snapshot``), in the same
    worker, so the screen redraws without touching the store.
    """
    from store.errors import StoreError

    try:
        fresh = Snapshot.read(services, sources(write.collection))
        before = fresh.get(write.collection, write.record_id)
        refused = check(write, fresh, services.lang, before if before is not None else {})
        if refused is not None:
            return refused
        _store(services, write)
        snapshot = Snapshot.read(services, reread) if reread else None
    except StoreError as failure:
        return Failed(failure.message(services.lang))
    services.request_sync()
    return Saved(write.record_id, snapshot)


def save_all(
    services: Services, writes: Sequence[Write], *, reread: tuple[str, ...] = ()
) -> SaveResult:
    """Check every write, then store them all in one transaction; the first refusal
    stores none.

    Each write is judged against one snapshot as the writes before it leave
    it (a new unit, then the employees in it; an evaluation, then the
    objection decided on it): one store read for the batch, not one a write.
    Answers ``Saved`` with the last write's id; ``reread`` as for ``save``.
    """
    from store.errors import StoreError

    if not writes:
        return Saved("")
    try:
        view = Snapshot.read(services, sorted({c for w in writes for c in sources(w.collection)}))
        for write in writes:
            before = view.get(write.collection, write.record_id)
            refused = check(write, view, services.lang, before if before is not None else {})
            if refused is not None:
                return refused
            view.take(_as_saved(write, before))
        # One store transaction: all the writes and their outbox entries are on
        # disk together, or none is (a crash mid-batch left half an import).
        with services.store.transaction():
            for write in writes:
                _store(services, write)
        snapshot = Snapshot.read(services, reread) if reread else None
    except StoreError as failure:
        return Failed(failure.message(services.lang))
    services.request_sync()
    return Saved(writes[-1].record_id, snapshot)


def _store(services: Services, write: Write) -> None:
    """Store one checked write with its outbox entry."""
    if write.data is None:
        services.store.records.delete(write.collection, write.record_id, by=services.me)
    else:
        records = services.store.records
        records.edit(
            write.collection, write.record_id, dict(write.data), owner=write.owner, by=services.me
        )


def _as_saved(write: Write, before: Mapping[str, Any] | None) -> dict[str, Any]:
    """The record as the write leaves it, for the checks of the writes after it."""
    record = dict(before or {"collection": write.collection, "id": write.record_id})
    record.update(owner=write.owner, deleted=write.data is None, data=dict(write.data or {}))
    return record
