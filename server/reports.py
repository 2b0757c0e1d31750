"""``GET /reports/<name>``: figures over many people, computed where the records are.

Who may ask for what (protocol.md, "What a client holds"): the admin any
unit or the whole instansi; the head of a unit (or whoever stands in for
them today) that unit and those below it; a PPK their own team, when they
name no unit. Anyone else gets 403.

The rows are ``domain.reports``'s, fed from the database: only the records
of the people reported on are read (by owner, through the records' owner
index), so a team's report costs what the team holds, not what the instansi
does. Units and the period are read whole: there are a few dozen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, select

from domain import reports
from domain.org import OrgOnDay
from domain.permissions import ADMIN, Actor
from server import db, recordstore

Record = dict[str, Any]
_CHUNK = 500  # owners a query: well under every database's bound on parameters


class Forbidden(Exception):
    """The caller may not ask for this report (or this unit)."""


class UnknownUnit(Exception):
    """The unit named is not in the instansi."""


@dataclass(frozen=True, slots=True)
class Reach:
    """Whom a report covers: the units it shows, and the people (None: everyone)."""

    units: list[Record]
    nips: list[str] | None


def _below(units: dict[str, Record], top: str) -> set[str]:
    """``top`` and every unit under it (a loop in the data ends the walk)."""
    children: dict[str, list[str]] = {}
    for unit_id, unit in units.items():
        parent = unit["data"].get("parent_id")
        if isinstance(parent, str):
            children.setdefault(parent, []).append(unit_id)
    found, todo = set(), [top]
    while todo:
        unit_id = todo.pop()
        if unit_id not in found:
            found.add(unit_id)
            todo.extend(children.get(unit_id, ()))
    return found


def reach(actor: Actor, day: OrgOnDay, units: dict[str, Record], unit_id: str | None) -> Reach:
    """What ``actor`` may see a report over, given the unit they name (or none)."""
    if unit_id is not None and unit_id not in units:
        raise UnknownUnit(unit_id)
    if ADMIN in actor.roles:
        if unit_id is None:
            return Reach(list(units.values()), None)
        return _of_units(day, units, _below(units, unit_id))
    led = [
        uid
        for uid, unit in units.items()
        if isinstance(unit["data"].get("head_nip"), str)
        and day.acts_as(actor.nip, unit["data"]["head_nip"])
    ]
    allowed = set().union(*(_below(units, uid) for uid in led)) if led else set()
    if unit_id is not None:
        if unit_id not in allowed:
            raise Forbidden(unit_id)
        return _of_units(day, units, _below(units, unit_id))
    if allowed:
        return _of_units(day, units, allowed)
    team = day.team_of(actor.nip)
    if not team:
        raise Forbidden(None)
    team_units = {day.org.unit_of(nip) for nip in team}
    return Reach([units[u] for u in sorted(u for u in team_units if u in units)], team)


def _of_units(day: OrgOnDay, units: dict[str, Record], chosen: set[str]) -> Reach:
    nips = sorted(nip for unit_id in chosen for nip in day.org.members_of(unit_id))
    return Reach([units[u] for u in sorted(chosen)], nips)


def _read(conn: Connection, collections: Iterable[str], nips: list[str] | None) -> list[Record]:
    """The live records of ``collections`` about ``nips`` (all owners when None)."""
    records = db.records
    query = select(records).where(
        records.c.collection.in_(sorted(set(collections))), records.c.deleted.is_(False)
    )
    if nips is None:
        return [recordstore.envelope(row) for row in conn.execute(query)]
    found: list[Record] = []
    for start in range(0, len(nips), _CHUNK):
        chunk = query.where(records.c.owner.in_(nips[start : start + _CHUNK]))
        found.extend(recordstore.envelope(row) for row in conn.execute(chunk))
    return found


def units_of(conn: Connection) -> dict[str, Record]:
    """Every live unit by id."""
    return {
        unit["id"]: unit for unit in recordstore.of_collection(conn, "unit") if not unit["deleted"]
    }


def rows(
    conn: Connection, name: str, period: Record, scope: Reach, today: date
) -> list[dict[str, Any]]:
    """The rows of report ``name`` over ``scope``."""
    wanted = reports.COLLECTIONS[name]
    read = _read(conn, ("employee", *wanted), scope.nips)
    by_collection: dict[str, list[Record]] = {c: [] for c in ("employee", *wanted)}
    for record in read:
        by_collection[record["collection"]].append(record)
    return reports.rows_of(
        name, by_collection.pop("employee"), scope.units, period, by_collection, today
    )
