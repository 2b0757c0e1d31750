"""Records outside the sync scope, fetched when a person opens them (``GET /records``).

protocol.md, "What a client holds": the admin or a unit head opening
someone's file reads it from the server; nothing fetched here joins the
synced store (a record edited from there would, through client.writes).
"""

from __future__ import annotations

from typing import Any

from sync.blobs import NotSignedIn
from sync.link import MalformedAnswer, Patience, _json_of
from sync.session import link_for_profile


def fetch_records(
    store: Any, owner: str, collection: str | None = None, *, patience: Patience | None = None
) -> list[dict[str, Any]]:
    """The live records about ``owner`` that this user may read, from the server.

    Raises NotSignedIn, or a LinkError (Unreachable when offline).
    """
    link = link_for_profile(store, patience=patience or Patience(attempts=2, total=30.0))
    if link is None:
        raise NotSignedIn(owner)
    params = {"owner": owner} | ({"collection": collection} if collection else {})
    with link:
        body = _json_of(link._call("GET", "/records", params=params))
    records = body.get("records")
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise MalformedAnswer("/records: no list of records")
    return records
