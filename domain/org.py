"""The organisation: who is whose atasan, who is active, who stands in for whom.

One model for the server and the client alike (protocol.md, "Who may write
what" and "Acting officials"), built from ``employee`` and ``acting``
records:

- the PPK of an employee is the ``atasan_nip`` of their employee record, and
  the atasan PPK is that person's atasan;
- a deleted or inactive employee holds no roles (so cannot act as admin);
- an ``acting`` record makes ``nip`` stand in for ``for_nip`` on each day
  from ``start`` to ``end`` inclusive, on Sofifi's calendar. While it runs,
  ``nip`` has every right ``for_nip`` has as PPK and as atasan PPK, besides
  its own; ``for_nip`` keeps theirs.

Rights depend on the day, so permission checks take an ``OrgOnDay``
(``Organisation.on(day)``): there is no way to ask who stands in for whom
without saying when.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from domain.checks import parse_date
from domain.deadlines import office_date


@dataclass(frozen=True, slots=True)
class Acting:
    """One acting assignment (Plt or Plh), from an ``acting`` record."""

    id: str
    nip: str
    for_nip: str
    kind: str
    start: date
    end: date
    decree: str | None = None

    def runs_on(self, day: date) -> bool:
        return self.start <= day <= self.end


def _acting_of(record: Mapping[str, Any]) -> Acting | None:
    data = record.get("data") or {}
    nip, for_nip = data.get("nip"), data.get("for_nip")
    start, end = parse_date(data.get("start")), parse_date(data.get("end"))
    if not (isinstance(nip, str) and isinstance(for_nip, str) and start and end):
        return None
    decree = data.get("decree")
    return Acting(
        id=str(record.get("id")),
        nip=nip,
        for_nip=for_nip,
        kind=str(data.get("kind") or ""),
        start=start,
        end=end,
        decree=decree if isinstance(decree, str) else None,
    )


class Organisation:
    """Employees and acting assignments; ``apply`` takes in a changed record."""

    def __init__(self, records: Iterable[Mapping[str, Any]] = ()) -> None:
        self._atasan: dict[str, str | None] = {}
        self._roles: dict[str, frozenset[str]] = {}
        self._names: dict[str, str] = {}
        self._units: dict[str, str | None] = {}
        self._active: set[str] = set()
        self._acting: dict[str, Acting] = {}
        self._staff: dict[str, list[str]] | None = None  # atasan -> staff, built when asked
        self._members: dict[str, list[str]] | None = None  # unit -> people, built when asked
        for record in records:
            self.apply(record)

    def apply(self, record: Mapping[str, Any]) -> None:
        """Take in the current version of an employee or acting record (others are ignored)."""
        collection = record.get("collection")
        if collection == "acting":
            self._apply_acting(record)
        elif collection == "employee":
            self._apply_employee(record)

    def _apply_employee(self, record: Mapping[str, Any]) -> None:
        self._staff = self._members = None
        data = record.get("data") or {}
        nip = data.get("nip") or record.get("owner")
        if not isinstance(nip, str):
            return
        if record.get("deleted"):
            for table in (self._atasan, self._roles, self._names, self._units):
                table.pop(nip, None)
            self._active.discard(nip)
            return
        atasan = data.get("atasan_nip")
        # Nobody is their own atasan, even when the data says so by mistake.
        self._atasan[nip] = atasan if isinstance(atasan, str) and atasan and atasan != nip else None
        roles = data.get("roles") or []
        self._roles[nip] = frozenset(role for role in roles if isinstance(role, str))
        self._names[nip] = str(data.get("name") or "")
        unit = data.get("unit_id")
        self._units[nip] = unit if isinstance(unit, str) else None
        if data.get("active", True) is False:
            self._active.discard(nip)
        else:
            self._active.add(nip)

    def _apply_acting(self, record: Mapping[str, Any]) -> None:
        key = str(record.get("id"))
        acting = None if record.get("deleted") else _acting_of(record)
        if acting is None:
            self._acting.pop(key, None)
        else:
            self._acting[key] = acting

    def __eq__(self, other: object) -> bool:
        """The same people with the same atasan, roles and units, and the same assignments."""
        if not isinstance(other, Organisation):
            return NotImplemented
        return self._held() == other._held()

    __hash__ = None  # type: ignore[assignment]  # it changes with each record applied

    def _held(self) -> tuple[object, ...]:
        return (self._atasan, self._roles, self._names, self._units, self._active, self._acting)

    def copy(self) -> Organisation:
        twin = Organisation()
        twin._atasan = dict(self._atasan)
        twin._roles = dict(self._roles)
        twin._names = dict(self._names)
        twin._units = dict(self._units)
        twin._active = set(self._active)
        twin._acting = dict(self._acting)
        return twin

    def on(self, day: date | datetime) -> OrgOnDay:
        """This organisation as it stands on ``day`` (an instant is taken on Sofifi's calendar)."""
        return OrgOnDay(self, office_date(day))

    # -- who is who -----------------------------------------------------------

    def known(self, nip: str) -> bool:
        return nip in self._atasan

    def atasan_of(self, nip: str) -> str | None:
        return self._atasan.get(nip)

    def roles_of(self, nip: str) -> frozenset[str]:
        return self._roles.get(nip, frozenset()) if nip in self._active else frozenset()

    def is_active(self, nip: str) -> bool:
        return nip in self._active

    def name_of(self, nip: str) -> str:
        return self._names.get(nip, "")

    def unit_of(self, nip: str) -> str | None:
        return self._units.get(nip)

    def employees(self) -> list[str]:
        """Every known NIP, in NIP order."""
        return sorted(self._atasan)

    def subordinates_of(self, nip: str) -> list[str]:
        """Those whose atasan (and so PPK) is ``nip``, in NIP order."""
        if self._staff is None:
            staff: dict[str, list[str]] = {}
            for person, atasan in self._atasan.items():
                if atasan:
                    staff.setdefault(atasan, []).append(person)
            self._staff = {boss: sorted(people) for boss, people in staff.items()}
        return list(self._staff.get(nip, ()))

    def members_of(self, unit_id: str) -> list[str]:
        """Those whose employee record names ``unit_id``, in NIP order (a report's people)."""
        if self._members is None:
            members: dict[str, list[str]] = {}
            for person, unit in self._units.items():
                if unit:
                    members.setdefault(unit, []).append(person)
            self._members = {unit: sorted(people) for unit, people in members.items()}
        return list(self._members.get(unit_id, ()))

    def makes_cycle(self, nip: str, atasan_nip: str | None) -> bool:
        """Whether giving ``nip`` the atasan ``atasan_nip`` would close a loop in the chain.

        Walks up from ``atasan_nip`` through the current atasan; an existing loop
        elsewhere in the data (never allowed in, but guarded against) ends the walk.
        """
        seen: set[str] = set()
        current = atasan_nip
        while current is not None and current not in seen:
            if current == nip:
                return True
            seen.add(current)
            current = self._atasan.get(current)
        return False

    # -- acting officials -----------------------------------------------------

    def acting(self) -> list[Acting]:
        """Every acting assignment, by start date."""
        return sorted(self._acting.values(), key=lambda a: (a.start, a.end, a.nip, a.id))

    def stands_in_for(self, nip: str, day: date) -> frozenset[str]:
        """The position holders ``nip`` stands in for on ``day``."""
        return frozenset(
            a.for_nip for a in self._acting.values() if a.nip == nip and a.runs_on(day)
        )

    def stand_ins(self, for_nip: str, day: date) -> frozenset[str]:
        """Who stands in for ``for_nip`` on ``day``."""
        return frozenset(
            a.nip for a in self._acting.values() if a.for_nip == for_nip and a.runs_on(day)
        )


@dataclass(frozen=True)
class OrgOnDay:
    """The organisation on one day: what ``domain.permissions`` asks (its ``Org``)."""

    org: Organisation
    day: date

    def atasan_of(self, nip: str) -> str | None:
        return self.org.atasan_of(nip)

    def roles_of(self, nip: str) -> frozenset[str]:
        return self.org.roles_of(nip)

    def is_active(self, nip: str) -> bool:
        return self.org.is_active(nip)

    def name_of(self, nip: str) -> str:
        return self.org.name_of(nip)

    def known(self, nip: str) -> bool:
        return self.org.known(nip)

    def subordinates_of(self, nip: str) -> list[str]:
        """Direct staff only; ``team_of`` adds those of the holders ``nip`` stands in for."""
        return self.org.subordinates_of(nip)

    def stands_in_for(self, nip: str) -> frozenset[str]:
        return self.org.stands_in_for(nip, self.day)

    def acts_as(self, nip: str, holder: str) -> bool:
        """Whether ``nip`` is ``holder``, or stands in for them on this day."""
        return nip == holder or holder in self.stands_in_for(nip)

    def team_of(self, nip: str) -> list[str]:
        """Those ``nip`` is PPK of on this day: their staff and, when acting, the holder's."""
        holders = {nip, *self.stands_in_for(nip)}
        team = {person for holder in holders for person in self.org.subordinates_of(holder)}
        team.discard(nip)
        return sorted(team)

    def second_line_of(self, nip: str) -> list[str]:
        """Those ``nip`` is atasan PPK of on this day: the staff of their team."""
        found = {person for boss in self.team_of(nip) for person in self.org.subordinates_of(boss)}
        found.discard(nip)
        return sorted(found)

    def scope_of(self, nip: str) -> set[str]:
        """The owners whose records ``nip`` works on (protocol.md, "What a client holds")."""
        return {nip, *self.team_of(nip), *self.second_line_of(nip)}
