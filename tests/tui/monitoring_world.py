"""Reports for Pemantauan's tests (helpers, no tests): the bidang of test_year_world
as a unit led by KADIS, with rows in the shapes of /docs reports (protocol.md).

``Served`` answers as the server's reports would, and counts what it was
asked; ``offline=True`` gives the last copy a client kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from client.services import Services
from tests.tui.test_year_world import (
    ANNUAL,
    KADIS,
    PPK,
    STAFF,
    STAFF_2,
    STAFF_3,
    UNIT,
    profile,
    put_pulled,
)

UNIT_NAME = "Bidang Pelayanan Perizinan"
MADE_AT = "2026-12-17T23:00:00+00:00"  # 18-12-2026 08:00 in Sofifi (WIT)


@dataclass(frozen=True)
class Report:
    name: str
    made_at: str
    period_id: str
    unit_id: str | None
    rows: list[dict[str, Any]]
    offline: bool = False


def on_track(
    nip: str, name: str, ratio: float, indicator: str = "Permohonan selesai"
) -> dict[str, Any]:
    expected = 110.0
    return {
        "nip": nip,
        "name": name,
        "unit_id": UNIT,
        "plan_id": "p-" + nip,
        "item_id": "i-" + nip,
        "indicator": indicator,
        "target": 120,
        "unit": "berkas",
        "realisasi": round(expected * ratio),
        "expected": expected,
        "ratio": ratio,
        "behind": ratio < 0.8,
    }


ROWS: dict[str, list[dict[str, Any]]] = {
    "plans": [
        {
            "unit_id": UNIT,
            "unit_name": UNIT_NAME,
            "draft": 0,
            "submitted": 0,
            "approved": 1,
            "returned": 0,
            "missing": 3,
            "total": 4,
        }
    ],
    "curve": [
        {
            "unit_id": UNIT,
            "unit_name": UNIT_NAME,
            "org_rating": "good",
            "total": 4,
            "counts": {"very_good": 3, "good": 1},
            "broken": ["good.good_most", "good.low_at_least_one"],
        }
    ],
    # In the report's order (domain.reports): those behind first, then by ratio.
    "on_track": [
        on_track(STAFF_2, "Fadli Umasugi", 0.45),
        on_track(STAFF_3, "Hasnah Duwila", 0.9),
        on_track(STAFF, "Siti Marwah", 1.05),
    ],
    "training": [
        {"nip": STAFF, "name": "Siti Marwah", "unit_id": UNIT, "jp": 24, "minimum": 20, "short": 0},
        {
            "nip": STAFF_2,
            "name": "Fadli Umasugi",
            "unit_id": UNIT,
            "jp": 6,
            "minimum": 20,
            "short": 14,
        },
    ],
    "follow_up": [
        {
            "id": "f1",
            "nip": STAFF_2,
            "name": "Fadli Umasugi",
            "unit_id": UNIT,
            "kind": "coaching",
            "step": None,
            "next_due": "2026-12-10",
            "overdue": True,
        }
    ],
    "objection": [
        {
            "id": "o1",
            "nip": STAFF_3,
            "name": "Hasnah Duwila",
            "unit_id": UNIT,
            "evaluation_id": "e1",
            "state": "waiting",
            "filed_at": "2026-12-15T01:00:00+00:00",
            "decided_at": None,
        }
    ],
}


@dataclass
class Served:
    """A report source as the server's reports (or their kept copies) answer."""

    offline: bool = False
    asked: list[tuple[str, str, str | None]] = field(default_factory=list)

    def __call__(self, name: str, period_id: str, unit_id: str | None) -> Report:
        self.asked.append((name, period_id, unit_id))
        rows = [dict(row) for row in ROWS[name]]
        return Report(name, MADE_AT, period_id, unit_id, rows, self.offline)


def unit_head(home: Path, nip: str = KADIS) -> Services:
    """KADIS's profile, head of the bidang (and so its watcher)."""
    services = profile(home, nip)
    unit = {"name": UNIT_NAME, "ratings": {ANNUAL: "good"}, "head_nip": KADIS}
    put_pulled(services.store, "unit", UNIT, None, unit, seq=2)
    year = {"name": "Tahunan 2026", "kind": "annual", "year": 2026, "start": "2026-01-01"}
    year |= {"end": "2026-12-31", "fill_deadline": "2026-01-31"}
    put_pulled(services.store, "period", ANNUAL, None, year, seq=2)
    return services


ADMIN = "198001012005011001"


def hr_admin(home: Path) -> Services:
    """An admin of the BKD, who may watch any unit or the whole instansi."""
    services = unit_head(home, ADMIN)
    person = {"nip": ADMIN, "name": "Rina Kahar", "kind": "PNS", "rank": "Penata (III/c)"}
    person |= {"position": "Analis SDM", "unit_id": "bkd", "roles": ["admin"], "active": True}
    put_pulled(services.store, "employee", ADMIN, ADMIN, person)
    put_pulled(services.store, "unit", "bkd", None, {"name": "BKD", "ratings": {}})
    return services


__all__ = [
    "ANNUAL",
    "KADIS",
    "PPK",
    "STAFF",
    "STAFF_2",
    "STAFF_3",
    "Served",
    "hr_admin",
    "unit_head",
]
