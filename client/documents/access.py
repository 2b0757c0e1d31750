"""Who may print whose document: the read permissions of domain.permissions.

A document shows records, so printing it needs the right to read them, on
the organisation as it stands today (acting officials included): the SKP
needs the plan, the evaluation the evaluation, and a unit's recap the
evaluation of every member of the unit.
"""

from __future__ import annotations

from datetime import date

from client.documents.recap import unit_members
from client.documents.source import DocumentError, Facts
from domain.permissions import Actor, can_read


def _actor(facts: Facts, me: str) -> Actor:
    return Actor(me, facts.organisation().roles_of(me))


def check_person(
    facts: Facts,
    me: str,
    owner: str,
    collection: str,
    today: date,
    plan_status: str | None = None,
) -> None:
    """Raise DocumentError unless ``me`` may read ``owner``'s records of ``collection``."""
    org = facts.organisation().on(today)
    if not can_read(_actor(facts, me), collection, owner, org, plan_status=plan_status):
        raise DocumentError(
            "You may not read the records of {nip}: only their own, their PPK's, "
            "their atasan PPK's and the admin's.",
            nip=owner,
        )


def check_unit(facts: Facts, me: str, unit_id: str, today: date) -> None:
    """Raise DocumentError unless ``me`` may read the evaluation of every member of the unit."""
    org = facts.organisation().on(today)
    actor = _actor(facts, me)
    members = [str(m["data"].get("nip")) for m in unit_members(facts, unit_id)]
    hidden = [nip for nip in members if not can_read(actor, "evaluation", nip, org)]
    if hidden:
        raise DocumentError(
            "You may read the evaluations of {readable} of the {total} people of this unit; "
            "a recap needs them all.",
            readable=len(members) - len(hidden),
            total=len(members),
        )
