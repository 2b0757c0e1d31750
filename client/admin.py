"""The HR office's area (Kepegawaian): what it shows, and the writes it makes.

Read model over a ``Snapshot`` of the organisation's records (employees,
units, periods, acting officials), and the ``Write``s for the area's
changes; every write goes through ``client.writes.save`` like any other, so
protocol 2's org-graph rules (an atasan who exists, no loop in the chain,
domain.references) and the permission table (admin only,
domain.permissions) judge it before it is stored, as the server will.

The CSV import reads and checks a file with the server's own code
(domain.employee_import): a preview lists every problem by line, and a file
with any problem writes nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from client.records import Record, Snapshot, live
from client.writes import PROBE_ID, SaveResult, Write, may, save_all
from domain.employee_import import Problem, Row, check_csv, employee_data
from domain.org import Acting, Organisation

if TYPE_CHECKING:
    from client.services import Services

COLLECTIONS = ("employee", "unit", "period", "acting")


def read(services: Services) -> Snapshot:
    return Snapshot.read(services, COLLECTIONS)


def may_administer(view: Snapshot) -> bool:
    """Whether the permission table lets this person write the organisation's data."""
    return may(Write("unit", PROBE_ID, None, {"name": "-", "ratings": {}}), view)


def shown_to(services: Services) -> bool:
    """Whether the area is this person's (tui/areas.py's audience of Kepegawaian)."""
    return may_administer(Snapshot.read(services, ("unit",)))


# --- employees --------------------------------------------------------------------


@dataclass(frozen=True)
class EmployeeLine:
    nip: str
    name: str
    position: str
    unit: str
    atasan: str  # the atasan's name, "" for none
    active: bool


def unit_names(view: Snapshot) -> dict[str, str]:
    return {u["id"]: str(u["data"].get("name", "")) for u in live(view.list("unit"))}


def employee_lines(view: Snapshot) -> list[EmployeeLine]:
    """Every employee, active ones first, each by name."""
    units = unit_names(view)
    lines = [
        EmployeeLine(
            nip=str(data.get("nip")),
            name=str(data.get("name", "")),
            position=str(data.get("position", "")),
            unit=units.get(str(data.get("unit_id")), ""),
            atasan=view.name_of(data["atasan_nip"]) if data.get("atasan_nip") else "",
            active=data.get("active", True) is not False,
        )
        for record in view.list("employee")
        for data in (record["data"],)
    ]
    return sorted(lines, key=lambda line: (not line.active, line.name.casefold(), line.nip))


def employee_write(view: Snapshot, nip: str, changes: Mapping[str, Any]) -> Write:
    """A new employee (``nip`` unknown) or a change to one: its whole data, ``changes`` applied.

    Deactivating is ``{"active": False}``; moving under another atasan is
    ``{"atasan_nip": ...}`` (checked for loops when saved).
    """
    current = view.employee(nip)
    base: dict[str, Any] = (
        dict(current["data"]) if current else {"nip": nip, "roles": [], "active": True}
    )
    data = {**base, **changes}
    if not data.get("atasan_nip"):
        data["atasan_nip"] = None
    record_id = current["id"] if current else str(uuid.uuid4())
    return Write("employee", record_id, nip, data)


# --- units ----------------------------------------------------------------------------


def unit_write(view: Snapshot, unit_id: str | None, changes: Mapping[str, Any]) -> Write:
    """A new unit (``unit_id`` None) or a change to one."""
    current = view.get("unit", unit_id) if unit_id else None
    base: dict[str, Any] = (
        dict(current["data"]) if current else {"parent_id": None, "head_nip": None, "ratings": {}}
    )
    return Write("unit", unit_id or str(uuid.uuid4()), None, {**base, **changes})


def unit_lines(view: Snapshot) -> list[Record]:
    """Every unit, by name."""
    return sorted(live(view.list("unit")), key=lambda u: str(u["data"].get("name", "")).casefold())


def ratings_write(view: Snapshot, unit_id: str, ratings: Mapping[str, str]) -> Write:
    """The unit's organisation ratings, period id -> rating; an empty rating takes it away."""
    current = view.get("unit", unit_id)
    kept = dict((current or {"data": {}})["data"].get("ratings") or {})
    for period_id, rating in ratings.items():
        if rating:
            kept[period_id] = rating
        else:
            kept.pop(period_id, None)
    return unit_write(view, unit_id, {"ratings": kept})


# --- periods ----------------------------------------------------------------------------


def period_write(view: Snapshot, period_id: str | None, changes: Mapping[str, Any]) -> Write:
    """A new period (``period_id`` None) or a change to one (its fill deadline...)."""
    current = view.get("period", period_id) if period_id else None
    base: dict[str, Any] = dict(current["data"]) if current else {"fill_deadline": None}
    data = {**base, **changes}
    for key in ("fill_deadline",):
        data[key] = data.get(key) or None
    year = data.get("year")
    if isinstance(year, str) and year.strip().isdigit():
        data["year"] = int(year)  # typed as text; the schema says what else is wrong
    return Write("period", period_id or str(uuid.uuid4()), None, data)


# --- acting officials ---------------------------------------------------------------


def acting_write(
    nip: str, for_nip: str, kind: str, start: str, end: str, decree: str | None
) -> Write:
    """A new Plt or Plh: ``nip`` stands in for ``for_nip`` (its owner is the acting official)."""
    data = {
        "nip": nip,
        "for_nip": for_nip,
        "kind": kind,
        "start": start,
        "end": end,
        "decree": decree or None,
    }
    return Write("acting", str(uuid.uuid4()), nip, data)


def acting_today(view: Snapshot) -> list[Acting]:
    """The acting assignments that run today (on Sofifi's calendar), by the holder's name."""
    day = view.org.day
    running = [a for a in _assignments(view) if a.runs_on(day)]
    return sorted(running, key=lambda a: (view.name_of(a.for_nip).casefold(), a.start))


def acting_all(view: Snapshot) -> list[Acting]:
    """Every assignment, the latest start first."""
    return sorted(_assignments(view), key=lambda a: (a.start, a.id), reverse=True)


def _assignments(view: Snapshot) -> list[Acting]:
    return Organisation(live(view.list("acting"))).acting()


# --- the CSV import -----------------------------------------------------------------


@dataclass(frozen=True)
class ImportPreview:
    """A file read and checked: its rows, every problem by line, the units it would add."""

    rows: list[Row]
    problems: list[Problem]
    new_units: list[str] = field(default_factory=list)
    new_people: int = 0
    changed_people: int = 0

    @property
    def writable(self) -> bool:
        return bool(self.rows) and not self.problems


def preview_import(view: Snapshot, source: str, lang: str) -> ImportPreview:
    """What importing ``source`` would do, judged as the server judges it; writes nothing."""
    org = Organisation([*view.list("employee"), *live(view.list("acting"))])
    employees = {str(r["data"].get("nip")): r for r in view.list("employee")}
    rows, problems = check_csv(source, org, employees, lang)
    known_units = set(unit_names(view).values())
    new_units = sorted({row.unit for row in rows} - known_units)
    changed = sum(1 for row in rows if row.nip in employees)
    return ImportPreview(rows, problems, new_units, len(rows) - changed, changed)


def import_writes(view: Snapshot, preview: ImportPreview) -> list[Write]:
    """The writes of a clean preview: the new units first, then each changed employee."""
    units = {name: unit_id for unit_id, name in unit_names(view).items()}
    writes: list[Write] = []
    for name in preview.new_units:
        write = unit_write(view, None, {"name": name})
        units[name] = write.record_id
        writes.append(write)
    for row in _atasan_first(preview.rows):
        current = view.employee(row.nip)
        data = employee_data(row, units[row.unit], current["data"] if current else None)
        if current is not None and current["data"] == data:
            continue
        record_id = current["id"] if current else str(uuid.uuid4())
        writes.append(Write("employee", record_id, row.nip, data))
    return writes


def _atasan_first(rows: list[Row]) -> list[Row]:
    """The rows with each atasan named in the file before their staff: every save is judged
    against the store as the saves before it left it, and the server takes the pushes in
    order. The preview has ruled out loops; a row keeps its place among its equals."""
    in_file = {row.nip: row for row in rows}
    depth: dict[str, int] = {}

    def depth_of(row: Row) -> int:
        chain: list[Row] = []
        current: Row | None = row
        while current is not None and current.nip not in depth and current not in chain:
            chain.append(current)
            current = in_file.get(current.atasan_nip or "")
        base = depth.get(current.nip, 0) if current is not None else -1
        for step, link in enumerate(reversed(chain), start=1):
            depth[link.nip] = base + step
        return depth[row.nip]

    return sorted(rows, key=depth_of)


def save_import(services: Services, source: str) -> SaveResult | ImportPreview:
    """Check the file again against the store as it is now, then write it all, or nothing.

    Answers the preview when the file has problems now (nothing written), else
    what ``client.writes.save_all`` answers.
    """
    view = read(services)
    preview = preview_import(view, source, services.lang)
    if not preview.writable:
        return preview
    return save_all(services, import_writes(view, preview))
