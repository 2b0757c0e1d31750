"""The Pelatihan area's read model: a person's training and the year's 20 JP.

No Textual. A training counts in the year its ``end`` falls in
(domain.training); the year shown is the current one on Sofifi's calendar.
The PPK sees each team member's JP and who is short, and by how much.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from client.records import Snapshot
from client.writes import PROBE_ID, Write, may
from domain.checks import parse_date
from domain.deadlines import office_date
from domain.training import JP_MINIMUM, jp_in_year
from domain.vocab import TrainingPath
from store import new_id

__all__ = ["JP_MINIMUM", "new_id"]

Rec = dict[str, Any]
COLLECTIONS = ("training",)
PATHS: tuple[TrainingPath, ...] = ("education", "classical", "non_classical")


def year_of(records: Snapshot) -> int:
    return office_date(records.now).year


def _ended_in(training: Rec, year: int) -> bool:
    end = parse_date(training["data"].get("end"))
    return end is not None and end.year == year


def trainings(records: Snapshot, owner: str, year: int) -> list[Rec]:
    """The owner's training that counts in ``year``, latest first."""
    found = [t for t in records.list("training", owner=owner) if _ended_in(t, year)]
    return sorted(found, key=lambda t: str(t["data"].get("end", "")), reverse=True)


@dataclass(frozen=True)
class Standing:
    """One person's JP in a year against the minimum."""

    nip: str
    name: str
    jp: float

    @property
    def short_by(self) -> float:
        return max(0.0, JP_MINIMUM - self.jp)


def standing(records: Snapshot, nip: str, year: int) -> Standing:
    owned = [t["data"] for t in records.list("training", owner=nip)]
    return Standing(nip, records.name_of(nip), jp_in_year(owned, year))


def team(records: Snapshot, year: int) -> list[Standing]:
    """My team's JP, the shortest first (who needs training most); the training
    is grouped by owner once, so a team of hundreds costs one pass."""
    by_owner: dict[str, list[Rec]] = defaultdict(list)
    for training in records.list("training"):
        by_owner[str(training.get("owner"))].append(training["data"])
    found = [
        Standing(nip, records.name_of(nip), jp_in_year(by_owner[nip], year))
        for nip in (str(p["data"]["nip"]) for p in records.subordinates(records.me))
    ]
    return sorted(found, key=lambda s: (-s.short_by, s.name))


def training_data(
    *,
    title: str,
    path: str,
    jp: float,
    start: date,
    end: date,
    organiser: str = "",
    certificate: str = "",
) -> dict[str, Any]:
    """A training in protocol.md's shape; the certificate is a reference (its number)
    until documents can be attached as evidence."""
    data: dict[str, Any] = {
        "title": title.strip(),
        "path": path,
        "jp": int(jp) if float(jp).is_integer() else jp,
        "start": start.isoformat(),
        "end": end.isoformat(),
    }
    if organiser.strip():
        data["organiser"] = organiser.strip()
    if certificate.strip():
        data["certificate"] = certificate.strip()
    return data


def may_record(records: Snapshot, owner: str) -> bool:
    """Whether I may record training for ``owner`` (the owner or an admin)."""
    sample = {
        "title": "-",
        "path": "classical",
        "jp": 1,
        "start": "2026-01-01",
        "end": "2026-01-01",
    }
    return may(Write("training", PROBE_ID, owner, sample), records)
