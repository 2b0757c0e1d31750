"""Records outside the sync scope, fetched when a person opens them (``GET /records``).

protocol.md, "What a client holds": the admin or a unit head opening
someone's file reads it from the server; nothing fetched here joins the
synced store (a record edited from there would, through client.writes).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sync.blobs import NotSignedIn
from sync.link import Patience
from sync.session import link_for_profile


def fetch_records(
    store: Any,
    owner: str,
    collections: Iterable[str] | None = None,
    *,
    patience: Patience | None = None,
) -> list[dict[str, Any]]:
    """The live records about ``owner`` (of ``collections``, else all) that this user
    may read, from the server.

    Raises NotSignedIn, or a LinkError (Unreachable when offline).
    """
    link = link_for_profile(store, patience=patience or Patience(attempts=2, total=30.0))
    if link is None:
        raise NotSignedIn(owner)
    with link:
        if collections is None:
            return link.records(owner)
        return [r for c in collections for r in link.records(owner, c)]
