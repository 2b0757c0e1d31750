"""Records the sync doesn't carry, fetched when a person opens what needs them.

Protocol 2 lets a subordinate read their atasan's SKP once submitted, but
``/changes`` carries only the records a person works on; the rest comes
from ``GET /records`` when asked (protocol.md, "records on demand"). What
is fetched here is shown, not stored: the synced store keeps only what the
sync brings. Runs in a worker thread (httpx).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from client.sync_status import error_text

if TYPE_CHECKING:
    from client.services import Services

Record = dict[str, Any]


@dataclass(frozen=True)
class Fetched:
    records: list[Record]
    problem: str | None = None  # why nothing came, in the person's language


def can_fetch(services: Services) -> bool:
    """Whether this profile is signed in to a server to fetch from (a file read)."""
    from sync.session import load_session, profile_home

    home = profile_home(services.store)
    return load_session(home) is not None and bool(services.store.get_meta("server_url"))


def fetch_owned(services: Services, owner: str, collections: Iterable[str]) -> Fetched:
    """``owner``'s records of ``collections`` that I may read, from the server."""
    from sync.blobs import NotSignedIn
    from sync.link import LinkError, Patience
    from sync.on_demand import fetch_records

    patience = Patience(connect=5.0, attempts=2, total=15.0, backoff_initial=0.5, backoff_max=2.0)
    try:
        return Fetched(fetch_records(services.store, owner, collections, patience=patience))
    except NotSignedIn:
        return Fetched([], error_text("auth"))
    except LinkError as failed:
        return Fetched([], error_text(failed.code))


def approved_items(records: Iterable[Record], owner: str, period_id: str) -> list[Record]:
    """The RHK of ``owner``'s approved SKP for the period, among ``records``."""
    found = [r for r in records if not r.get("deleted")]
    plans = {
        r["id"]
        for r in found
        if r.get("collection") == "plan"
        and r.get("owner") == owner
        and r["data"].get("period_id") == period_id
        and r["data"].get("status") == "approved"
    }
    return [
        r for r in found if r.get("collection") == "plan_item" and r["data"].get("plan_id") in plans
    ]
