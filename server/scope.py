"""What ``/changes`` carries to a user: the records they work on (protocol.md, "What a client holds").

Their own; those of the people they are PPK or atasan PPK of, acting
included, on today's date in Sofifi; and every ``employee``, ``unit``,
``period`` and ``acting`` record. An admin is no exception: what else they
may read comes from ``GET /records``, so an HR office of ten thousand
people holds no more than a Kepala Bidang does. Within that scope the
permission table still decides (an atasan PPK does not read their second
line's training).
"""

from __future__ import annotations

from domain.org import OrgOnDay
from domain.permissions import Actor, carried


def owners_in_scope(nip: str, day: OrgOnDay) -> set[str]:
    """The owners whose records ``nip`` works on, on ``day``."""
    return day.scope_of(nip)


def carries(
    actor: Actor, collection: str, owner: str | None, day: OrgOnDay, owners: set[str] | None = None
) -> bool:
    """Whether the feed carries a record of ``collection`` about ``owner`` to ``actor``.

    ``owners``: ``owners_in_scope`` already computed, for a page of many records.
    """
    scope = owners_in_scope(actor.nip, day) if owners is None else owners
    return carried(actor, collection, owner, day, scope)
