"""The values the server sets itself, whatever a client sends (docs/protocol2.md).

- ``evaluation.finalised_at``: the server's time of the change that makes the
  evaluation final, kept unchanged afterwards; null while it is a draft.
- ``objection.filed_at``: the server's time of the first push of the
  objection, kept afterwards; ``decision.decided_at`` the time of the push
  that first carries the decision.

The client still sends them (the schema asks for them); they are replaced
before any rule that uses them is checked, so a PPK who writes
``finalised_at`` a month back does not close the objection window.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def with_server_values(
    collection: str, stored: Mapping[str, Any] | None, data: Mapping[str, Any], moment: str
) -> dict[str, Any]:
    """``data`` with the server-set fields of ``collection`` put right; ``stored`` is the
    current data (None for a new record), ``moment`` the server's time, ISO 8601."""
    fixed = dict(data)
    if collection == "evaluation":
        kept = stored.get("finalised_at") if stored and stored.get("status") == "final" else None
        fixed["finalised_at"] = (kept or moment) if data.get("status") == "final" else None
    elif collection == "objection":
        fixed["filed_at"] = (stored or {}).get("filed_at") or moment
        decision = data.get("decision")
        if isinstance(decision, Mapping):
            before = (stored or {}).get("decision")
            first = before.get("decided_at") if isinstance(before, Mapping) else None
            fixed["decision"] = dict(decision, decided_at=first or moment)
    return fixed
