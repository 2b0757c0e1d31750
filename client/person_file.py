"""A person's file: their SKP, RHK, realisasi, evaluations, objections, follow-ups and
training, read-only.

Pemantauan's drill-down and Kepegawaian open the same file. It is read from
the local store when held here (a PPK's team, a unit head's line), else
fetched from the server when opened (GET /records: what the permission
table lets this person read), off the screen's thread. Nothing fetched joins
the synced store: a record is changed in its own area.
No Textual, no words of its own: the screens name things.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from client.records import Record, Snapshot

if TYPE_CHECKING:
    from client.services import Services

# What the file shows of a person, in this order; what a PPK's store read takes for it.
COLLECTIONS = (
    "plan",
    "plan_item",
    "progress",
    "evaluation",
    "objection",
    "follow_up",
    "training",
)


@dataclass(frozen=True)
class PersonFile:
    """A person's records by collection (in ``COLLECTIONS``' order), whether they came from
    the server just now, or why they could not be fetched."""

    nip: str
    records: dict[str, list[Record]] = field(default_factory=dict)
    fetched: bool = False
    error: str | None = None  # in the person's language


def held(view: Snapshot, nip: str) -> PersonFile | None:
    """The person's records held here, or None when none are (fetch them then)."""
    found = {c: view.list(c, owner=nip) for c in COLLECTIONS if view.holds((c,))}
    if not any(found.values()):
        return None
    return PersonFile(nip, found)


def fetch(services: Services, nip: str) -> PersonFile:
    """The person's records from the server, in one request; runs off the UI thread.

    Offline, refused or signed out comes back as ``error`` (the sync status's
    words), never raised.
    """
    from client.sync_status import error_text
    from sync.blobs import NotSignedIn
    from sync.link import LinkError
    from sync.on_demand import fetch_records

    try:
        found = fetch_records(services.store, nip)
    except NotSignedIn:
        return PersonFile(nip, fetched=True, error=error_text("auth") or "")
    except LinkError as failure:
        return PersonFile(nip, fetched=True, error=error_text(failure.code) or failure.code)
    records: dict[str, list[Record]] = {name: [] for name in COLLECTIONS}
    for record in found:
        if isinstance(record, dict) and record.get("collection") in records:
            records[record["collection"]].append(record)
    return PersonFile(nip, records, fetched=True)
