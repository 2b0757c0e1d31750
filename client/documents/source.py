"""Where a document's facts come from: records in the envelope of protocol.md.

The gathering functions read through ``RecordSource``, the shape of
``store.records`` (``list`` and ``get``), so the command line passes the
local store and tests or read models pass ``MemoryRecords``. ``Facts`` holds
the lookups the three documents share.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from domain.org import Organisation

Record = dict[str, Any]


class RecordSource(Protocol):
    def list(
        self, collection: str, owner: str | None = None, include_deleted: bool = False
    ) -> list[Record]: ...

    def get(self, collection: str, record_id: str) -> Record | None: ...


class MemoryRecords:
    """Records held in memory, of any collections: the same reads as ``store.records``."""

    def __init__(self, records: Iterable[Mapping[str, Any]]) -> None:
        self._by_collection: dict[str, dict[str, Record]] = defaultdict(dict)
        for record in records:
            self._by_collection[str(record["collection"])][str(record["id"])] = dict(record)

    def list(
        self, collection: str, owner: str | None = None, include_deleted: bool = False
    ) -> list[Record]:
        return [
            record
            for record in self._by_collection[collection].values()
            if (owner is None or record.get("owner") == owner)
            and (include_deleted or not record.get("deleted"))
        ]

    def get(self, collection: str, record_id: str) -> Record | None:
        return self._by_collection[collection].get(record_id)


class DocumentError(Exception):
    """A document that cannot be made from the records: ``str()`` is a message id's text.

    ``code`` is an English msgid of the ``documents`` catalogue and ``params``
    fill it, so the command line and the screens say it in the person's language.
    """

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, lang: str | None = None) -> str:
        from domain.i18n import translator

        return translator("documents", lang)(self.code).format(**self.params)


def _live(record: Record | None) -> Record | None:
    return None if record is None or record.get("deleted") else record


class Facts:
    """The lookups every document needs, each list read once from the source."""

    def __init__(self, source: RecordSource) -> None:
        self.source = source
        self._employees: dict[str, Record] | None = None
        self._org: Organisation | None = None

    def employees(self) -> dict[str, Record]:
        """Live employee records by NIP."""
        if self._employees is None:
            self._employees = {
                str(r["data"].get("nip") or r.get("owner")): r for r in self.source.list("employee")
            }
        return self._employees

    def employee(self, nip: str | None) -> Mapping[str, Any] | None:
        found = self.employees().get(nip or "")
        return found["data"] if found else None

    def organisation(self) -> Organisation:
        if self._org is None:
            records = [*self.source.list("employee"), *self.source.list("acting")]
            self._org = Organisation(records)
        return self._org

    def unit(self, unit_id: str | None) -> Record | None:
        return _live(self.source.get("unit", unit_id)) if unit_id else None

    def named(self, collection: str, name: str) -> Record | None:
        """A unit or period by its name (any case) or its id."""
        wanted = name.strip().casefold()
        for record in self.source.list(collection):
            if record["id"] == name or str(record["data"].get("name", "")).casefold() == wanted:
                return record
        return None

    def period(self, period_id: str | None) -> Record | None:
        return _live(self.source.get("period", period_id)) if period_id else None

    def plan_for(self, owner: str, period: Record) -> Record | None:
        """The SKP a period is measured against: the plan of that very period, else the
        plan whose period covers it (the annual SKP for a quarter); an approved one first."""

        def covers(plan: Record) -> bool:
            own = self.period(plan["data"].get("period_id"))
            if own is None:
                return False
            outer, inner = own["data"], period["data"]
            return bool(outer["start"] <= inner["start"] and inner["end"] <= outer["end"])

        def rank(plan: Record) -> tuple[bool, bool]:
            exact = plan["data"].get("period_id") == period["id"]
            return (not exact, plan["data"].get("status") != "approved")

        fitting = [p for p in self.source.list("plan", owner=owner) if covers(p)]
        return min(fitting, key=rank) if fitting else None

    def items_of(self, plan: Record) -> list[Record]:
        """The RHK of a plan: utama first, then tambahan, each in the order written."""
        found = [
            r
            for r in self.source.list("plan_item", owner=plan.get("owner"))
            if r["data"].get("plan_id") == plan["id"]
        ]
        return sorted(
            found,
            key=lambda r: (
                r["data"].get("kind") != "main",
                r.get("created_at") or r.get("updated_at") or "",
                r["id"],
            ),
        )

    def item(self, item_id: str | None) -> Record | None:
        return _live(self.source.get("plan_item", item_id)) if item_id else None

    def evaluation_for(self, owner: str, period_id: str) -> Record | None:
        for record in self.source.list("evaluation", owner=owner):
            if record["data"].get("period_id") == period_id:
                return record
        return None
