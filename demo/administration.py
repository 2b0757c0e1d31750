"""What the BKD admin writes for the demo's year: periods, the units' ratings, a Plt.

- the 2026 periods: the year and its four quarters;
- each unit of the office gets its place (the bidang under the dinas), its
  head, and its predikat kinerja organisasi for every period. Both bidang are
  rated Baik: the Investasi team's spread keeps the curve, the Perizinan
  team's (one evaluated person, Baik) breaks it, so Kurva warns;
- the Kepala Bidang Promosi is away on leadership training, and the Kepala
  Bidang Pelayanan Perizinan stands in as Plt from a month before the demo's
  day to two months after it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from demo.ids import YEAR, Write, demo_id, period_id
from demo.office import HEAD, HR_ADMIN, INVESTMENT, LICENSING, OFFICE, SECOND_SUPERIOR, SUPERIOR

QUARTERS = (
    ("I", "01-01", "03-31"),
    ("II", "04-01", "06-30"),
    ("III", "07-01", "09-30"),
    ("IV", "10-01", "12-31"),
)
# Each unit's head, its parent, and its predikat kinerja organisasi.
UNITS: Mapping[str, tuple[str | None, str | None, str]] = {
    OFFICE: (HEAD.nip, None, "good"),
    LICENSING: (SUPERIOR.nip, OFFICE, "good"),
    INVESTMENT: (SECOND_SUPERIOR.nip, OFFICE, "good"),
}
ACTING_BEFORE, ACTING_AFTER = timedelta(days=30), timedelta(days=60)


def periods() -> list[Write]:
    annual = {
        "name": f"Tahun {YEAR}",
        "kind": "annual",
        "year": YEAR,
        "start": f"{YEAR}-01-01",
        "end": f"{YEAR}-12-31",
        "fill_deadline": f"{YEAR}-01-31",
    }
    writes = [Write(HR_ADMIN.nip, "period", period_id("annual"), None, annual)]
    for number, (roman, start, end) in enumerate(QUARTERS, start=1):
        quarter = {
            "name": f"Triwulan {roman} {YEAR}",
            "kind": "quarterly",
            "year": YEAR,
            "start": f"{YEAR}-{start}",
            "end": f"{YEAR}-{end}",
        }
        writes.append(Write(HR_ADMIN.nip, "period", period_id("quarterly", number), None, quarter))
    return writes


def rated_periods() -> list[str]:
    return [period_id("annual"), *(period_id("quarterly", n) for n in range(1, 5))]


def units(ids: Mapping[str, str]) -> list[Write]:
    """The units as the admin completes them after the import; ``ids`` by unit name."""
    writes = []
    for name, (head, parent, rating) in UNITS.items():
        data: dict[str, Any] = {
            "name": name,
            "parent_id": ids[parent] if parent else None,
            "head_nip": head,
            "ratings": dict.fromkeys(rated_periods(), rating),
        }
        writes.append(Write(HR_ADMIN.nip, "unit", ids[name], None, data))
    return writes


def acting(today: date) -> list[Write]:
    """The Plt running on ``today`` (the assignment's dates follow the demo's day)."""
    data = {
        "nip": SUPERIOR.nip,
        "for_nip": SECOND_SUPERIOR.nip,
        "kind": "plt",
        "start": (today - ACTING_BEFORE).isoformat(),
        "end": (today + ACTING_AFTER).isoformat(),
        "decree": f"800.1.3/112/DPMPTSP/{today.year}",
    }
    acting_id = demo_id("acting", "plt-promosi")
    return [Write(HR_ADMIN.nip, "acting", acting_id, SUPERIOR.nip, data)]  # owner: the Plt
