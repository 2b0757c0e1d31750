"""The records a screen shows, read from the store once per refresh.

``Snapshot.read(services, collections)`` copies the records of the named
collections in ONE store read (deleted ones too, as ``records.get`` would
give them); everything a screen draws and every question it asks (may I
edit this? who is my PPK?) is then answered from the snapshot, never by a
widget reading the store again. The read rules that several areas share
live here once: the order of periods, who an employee is, whose PPK I am,
the RHK of a plan.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

from domain.nip import format_nip
from domain.org import Organisation, OrgOnDay

if TYPE_CHECKING:
    from client.services import Services
    from domain.permissions import Actor

Record = dict[str, Any]
RecordList = list[Record]  # spelled out here: inside Snapshot, ``list`` is a method

# Shorter periods are evaluated most often; in one year the annual one first.
_KIND_ORDER = {"annual": 0, "quarterly": 1, "monthly": 2}
# What the organisation is built from (domain.org).
ORG_COLLECTIONS = ("employee", "acting")


# Each store's organisation and the versions of its employee and acting records.
_ORGS: weakref.WeakKeyDictionary[Any, tuple[tuple[int, ...], Organisation]] = (
    weakref.WeakKeyDictionary()
)


def live(records: Iterable[Record]) -> list[Record]:
    return [r for r in records if not r.get("deleted")]


@dataclass
class Snapshot:
    """Records by collection as read at one instant, and the organisation that day."""

    me: str
    now: datetime
    by_collection: dict[str, RecordList] = field(default_factory=dict)

    @classmethod
    def read(cls, services: Services, collections: Iterable[str]) -> Snapshot:
        """One store read for every collection named (and those of the organisation)."""
        store = services.store
        version = store.versions(ORG_COLLECTIONS)  # before the read: never newer than it
        found = store.collections(sorted({*collections, *ORG_COLLECTIONS}))
        view = cls(me=services.me, now=services.now(), by_collection=found)
        cached = _ORGS.get(store)
        if cached is not None and cached[0] == version:
            view._organisation = cached[1]
        else:
            _ORGS[store] = (version, view.organisation)
        return view

    # --- the Records protocol (store.records' reading half) ----------------------

    @cached_property
    def _by_key(self) -> dict[tuple[str, str], Record]:
        return {(name, r["id"]): r for name, records in self.by_collection.items() for r in records}

    def get(self, collection: str, record_id: str) -> Record | None:
        """The record (deleted included), or None; as ``store.records.get``."""
        self._check(collection)
        return self._by_key.get((collection, record_id))

    def list(
        self, collection: str, owner: str | None = None, include_deleted: bool = False
    ) -> RecordList:
        """As ``store.records.list``: live records unless asked, optionally of one owner."""
        self._check(collection)
        return [
            r
            for r in self.by_collection[collection]
            if (owner is None or r.get("owner") == owner)
            and (include_deleted or not r.get("deleted"))
        ]

    def holds(self, collections: Iterable[str]) -> bool:
        """Whether every one of ``collections`` was read into this snapshot."""
        return all(name in self.by_collection for name in collections)

    def owned_by(self, collection: str, owner: str) -> RecordList:
        """Every record of ``collection`` about ``owner``, deleted ones included
        (domain.references' Lookup)."""
        return self.list(collection, owner=owner, include_deleted=True)

    def take(self, record: Record) -> None:
        """Hold ``record`` as the current version of its key, as if read: a batch is judged
        write by write against the records as the writes before it leave them
        (client.writes.save_all). Whatever was already worked out is updated, not redone."""
        collection, key = record["collection"], (record["collection"], record["id"])
        records = self.by_collection[collection]
        old = self._by_key.get(key)
        place = next((i for i, r in enumerate(records) if r is old), None) if old else None
        if place is None:
            records.append(record)
        else:
            records[place] = record
        self._by_key[key] = record
        if collection in ORG_COLLECTIONS and self._organisation is not None:
            if not self._organisation_own:  # the shared one is never applied to (_ORGS)
                self._organisation = self._organisation.copy()
                self._organisation_own = True
            self._organisation.apply(record)
            self.__dict__.pop("org", None)  # today's view of it, made again when asked
        if "_employees" in self.__dict__ and collection == "employee":
            nip = record["data"].get("nip") or record.get("owner") or record["id"]
            self._employees[str(nip)] = record

    def _check(self, collection: str) -> None:
        if collection not in self.by_collection:
            raise KeyError(f"{collection} was not read into this snapshot")

    # --- the organisation ---------------------------------------------------------

    _organisation: Organisation | None = field(default=None, repr=False, compare=False)
    _organisation_own: bool = field(default=False, repr=False, compare=False)  # a copy: take()

    @property
    def organisation(self) -> Organisation:
        """Who is whose atasan and who stands in for whom, from this snapshot's records.

        Built once per change of the employee and acting records in a store
        (``_ORGS``), not at every refresh: with thousands of employees it is
        the biggest part of a screen's re-read. Shared: read it, never apply to it.
        """
        if self._organisation is None:
            people = [*self.by_collection["employee"], *self.by_collection["acting"]]
            self._organisation = Organisation(people)
        return self._organisation

    @cached_property
    def org(self) -> OrgOnDay:
        """The organisation today, acting officials included (domain.org)."""
        return self.organisation.on(self.now)

    @cached_property
    def actor(self) -> Actor:
        # Imported when a screen first asks what may be written, not at start-up.
        from domain.permissions import Actor

        return Actor(nip=self.me, roles=self.org.roles_of(self.me))

    # --- people -------------------------------------------------------------------

    @cached_property
    def _employees(self) -> dict[str, Record]:
        found: dict[str, Record] = {}
        for record in live(self.by_collection["employee"]):
            nip = record["data"].get("nip") or record.get("owner") or record["id"]
            found.setdefault(str(nip), record)
        return found

    def employee(self, nip: str | None) -> Record | None:
        return self._employees.get(nip) if nip else None

    def name_of(self, nip: str | None) -> str:
        """The person's name, else their NIP ("-" for none)."""
        if not nip:
            return "-"
        found = self.employee(nip)
        return str(found["data"].get("name") or nip) if found else nip

    def unit_name_of(self, nip: str | None) -> str:
        """The name of the person's unit; "-" when unknown (or units were not read)."""
        found = self.employee(nip)
        unit_id = found["data"].get("unit_id") if found else None
        unit = self.get("unit", unit_id) if unit_id and "unit" in self.by_collection else None
        return str(unit["data"].get("name") or "-") if unit else "-"

    def person_label(self, nip: str | None) -> str:
        """ "Name (NIP)", or the bare NIP when the employee record is missing."""
        if not nip:
            return "-"
        found = self.employee(nip)
        name = found["data"].get("name") if found else None
        return f"{name} ({format_nip(nip)})" if name else format_nip(nip)

    def subordinates(self, ppk: str) -> RecordList:
        """The active employees whose atasan is ``ppk``, by name."""
        found = [
            record
            for nip in self.org.subordinates_of(ppk)
            if (record := self.employee(nip)) is not None and self.org.is_active(nip)
        ]
        return sorted(found, key=lambda r: str(r["data"].get("name", "")))

    # --- periods --------------------------------------------------------------------

    def periods_by_start(self) -> RecordList:
        """Every period by start date, the annual one of a year before its parts."""
        return sorted(
            live(self.by_collection["period"]),
            key=lambda r: (r["data"].get("start", ""), _KIND_ORDER.get(r["data"].get("kind"), 9)),
        )

    def periods_newest_first(self) -> RecordList:
        """Newest year first; in a year the annual period, the quarters, the months."""
        return sorted(
            live(self.by_collection["period"]),
            key=lambda r: (
                -int(r["data"].get("year", 0)),
                _KIND_ORDER.get(r["data"].get("kind", ""), 9),
                r["data"].get("start", ""),
            ),
        )

    def period_name(self, period_id: str | None) -> str:
        period = self.get("period", period_id) if period_id else None
        if period is None or period.get("deleted"):
            return period_id or "-"
        return str(period["data"].get("name") or period_id)

    def period_start(self, plan: Mapping[str, Any]) -> str:
        """The start date of a plan's period ("" when unknown), for ordering."""
        period = self.get("period", plan["data"].get("period_id") or "")
        return str(period["data"].get("start", "")) if period else ""

    # --- plans ------------------------------------------------------------------------

    def plans_of(self, owner: str) -> RecordList:
        return self.list("plan", owner=owner)

    def items_of(self, plan: Mapping[str, Any], kind: str | None = None) -> RecordList:
        """The RHK of a plan: utama first, then tambahan, each by its words.

        The protocol keeps no order for RHK; by text is the same on every client.
        """
        found = [
            item
            for item in self.list("plan_item", owner=plan["owner"])
            if item["data"].get("plan_id") == plan["id"]
            and (kind is None or item["data"].get("kind") == kind)
        ]
        return sorted(
            found,
            key=lambda r: (
                r["data"].get("kind") != "main",
                str(r["data"].get("text", "")).casefold(),
            ),
        )
