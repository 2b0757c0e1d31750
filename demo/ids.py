"""What every part of the demo's year shares: the year, its fixed ids, and a write.

Ids are uuid5 of a readable key, so the demo and the tests that use it
repeat exactly; only what the server makes (the units of the imported
office) comes from the server.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

YEAR = 2026
WIT = "+09:00"  # Maluku Utara keeps Waktu Indonesia Timur
# The day the sample year is told from when no clock is asked (tests, the
# offline profiles): late in the fourth quarter, with the first three evaluated.
REFERENCE_DAY = date(YEAR, 11, 27)
_NAMESPACE = uuid.UUID("5f0b6a52-6f53-4a0e-9d0e-6b696e65726a")


def demo_id(*parts: object) -> str:
    return str(uuid.uuid5(_NAMESPACE, "/".join(str(p) for p in parts)))


@dataclass(frozen=True)
class Write:
    """One mutation a sample person pushes: ``by`` signs in and sends it."""

    by: str
    collection: str
    id: str
    owner: str | None
    data: dict[str, Any]


def period_id(kind: str, number: int = 0) -> str:
    return demo_id("period", YEAR, kind, number)


def plan_id(owner: str) -> str:
    return demo_id("plan", YEAR, owner)


def item_id(key: str) -> str:
    return demo_id("plan_item", key)


def evaluation_id(owner: str, quarter: int) -> str:
    return demo_id("evaluation", owner, quarter)


def unit_id(name: str) -> str:
    """The id of a unit in the offline profiles (the server makes its own on import)."""
    return demo_id("unit", name)
