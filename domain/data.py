"""Typed views of each collection's ``data`` (protocol.md, "The data of each collection").

Records travel as plain dicts; these classes are for code that wants types.
``from_dict`` validates (raising ``ValidationError``) and ``to_dict`` gives
back exactly the protocol's keys, optional ones as null. Dates become
``date`` and instants ``datetime``, so ``to_dict`` writes instants in
Python's ISO form ("+00:00" for "Z"): compare raw dicts, not round trips.

This module holds the conversions every view shares and the organisation's
collections (employee, unit, period, acting); the performance cycle's, from
the SKP to its follow-up, are in ``domain.cycle_data``. ``domain.records``
offers them all, with ``parse_data`` to pick one by collection.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeAlias

from domain.checks import Fields, object_issues
from domain.errors import ValidationError
from domain.schema import data_issues
from domain.vocab import (
    ActingKind,
    EmployeeKind,
    OrgRating,
    PeriodKind,
    Role,
)

Number: TypeAlias = int | float


def checked(collection: str, data: Any) -> Mapping[str, Any]:
    """``data`` itself when it is valid data of ``collection``; else ``ValidationError``."""
    issues = data_issues(collection, data)
    if issues:
        raise ValidationError(issues)
    return data  # type: ignore[no-any-return]


def checked_part(fields: Fields, data: Any, path: str) -> Mapping[str, Any]:
    """``data`` itself when it is a valid nested object (``fields``) at ``path``."""
    issues = object_issues(data, fields, path)
    if issues:
        raise ValidationError(issues)
    return data  # type: ignore[no-any-return]


def day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def moment(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


@dataclass(frozen=True, slots=True)
class EmployeeData:
    nip: str
    name: str
    kind: EmployeeKind
    rank: str
    position: str
    unit_id: str
    atasan_nip: str | None
    roles: tuple[Role, ...]
    active: bool

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EmployeeData:
        d = checked("employee", data)
        return cls(
            d["nip"], d["name"], d["kind"], d["rank"], d["position"], d["unit_id"],
            d.get("atasan_nip"), tuple(d["roles"]), d["active"],
        )  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        return {
            "nip": self.nip, "name": self.name, "kind": self.kind, "rank": self.rank,
            "position": self.position, "unit_id": self.unit_id, "atasan_nip": self.atasan_nip,
            "roles": list(self.roles), "active": self.active,
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class UnitData:
    name: str
    parent_id: str | None
    head_nip: str | None
    ratings: Mapping[str, OrgRating]  # period id -> predikat kinerja organisasi

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> UnitData:
        d = checked("unit", data)
        return cls(d["name"], d.get("parent_id"), d.get("head_nip"), dict(d["ratings"]))

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "parent_id": self.parent_id, "head_nip": self.head_nip,
            "ratings": dict(self.ratings),
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class PeriodData:
    name: str
    kind: PeriodKind
    year: int
    start: date
    end: date
    fill_deadline: date | None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PeriodData:
        d = checked("period", data)
        return cls(
            d["name"], d["kind"], d["year"], date.fromisoformat(d["start"]),
            date.fromisoformat(d["end"]), day(d.get("fill_deadline")),
        )  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "kind": self.kind, "year": self.year, "start": iso(self.start),
            "end": iso(self.end), "fill_deadline": iso(self.fill_deadline),
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class ActingData:
    """A Plt or Plh: ``nip`` stands in for ``for_nip`` from ``start`` to ``end``."""

    nip: str
    for_nip: str
    kind: ActingKind
    start: date
    end: date
    decree: str | None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ActingData:
        d = checked("acting", data)
        return cls(
            d["nip"], d["for_nip"], d["kind"], date.fromisoformat(d["start"]),
            date.fromisoformat(d["end"]), d.get("decree"),
        )  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        return {
            "nip": self.nip, "for_nip": self.for_nip, "kind": self.kind,
            "start": iso(self.start), "end": iso(self.end), "decree": self.decree,
        }  # fmt: skip
