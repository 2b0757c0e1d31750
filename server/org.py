"""The organisation as the permission rules see it, read from employee records.

``EmployeeOrg`` is the ``domain.permissions.Org`` of the server: the PPK of
an employee is the ``atasan_nip`` on their current employee record, and
roles come from ``employee.data.roles``. A deleted or inactive employee has
no roles and is nobody's atasan.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, func, select

from server import db, recordstore


class EmployeeOrg:
    def __init__(self, employees: Iterable[Mapping[str, Any]] = ()) -> None:
        self._atasan: dict[str, str | None] = {}
        self._roles: dict[str, frozenset[str]] = {}
        self._names: dict[str, str] = {}
        self._active: set[str] = set()
        self._staff: dict[str, list[str]] | None = None  # atasan -> staff, built when asked
        for record in employees:
            self.apply(record)

    @classmethod
    def load(cls, conn: Connection) -> EmployeeOrg:
        return cls(recordstore.of_collection(conn, "employee"))

    def apply(self, record: Mapping[str, Any]) -> None:
        """Take in the current version of one employee record."""
        self._staff = None
        data = record.get("data") or {}
        nip = data.get("nip") or record.get("owner")
        if not isinstance(nip, str):
            return
        if record.get("deleted"):
            for table in (self._atasan, self._roles, self._names):
                table.pop(nip, None)
            self._active.discard(nip)
            return
        atasan = data.get("atasan_nip")
        self._atasan[nip] = atasan if isinstance(atasan, str) and atasan else None
        roles = data.get("roles") or []
        self._roles[nip] = frozenset(role for role in roles if isinstance(role, str))
        self._names[nip] = str(data.get("name") or "")
        if data.get("active", True) is False:
            self._active.discard(nip)
        else:
            self._active.add(nip)

    def copy(self) -> EmployeeOrg:
        twin = EmployeeOrg()
        twin._atasan = dict(self._atasan)
        twin._roles = dict(self._roles)
        twin._names = dict(self._names)
        twin._active = set(self._active)
        return twin

    def atasan_of(self, nip: str) -> str | None:
        return self._atasan.get(nip)

    def roles_of(self, nip: str) -> frozenset[str]:
        return self._roles.get(nip, frozenset()) if nip in self._active else frozenset()

    def is_active(self, nip: str) -> bool:
        return nip in self._active

    def name_of(self, nip: str) -> str:
        return self._names.get(nip, "")

    def subordinates_of(self, nip: str) -> list[str]:
        if self._staff is None:
            self._staff = {}
            for staff, atasan in self._atasan.items():
                if atasan:
                    self._staff.setdefault(atasan, []).append(staff)
        return list(self._staff.get(nip, ()))

    def known(self, nip: str) -> bool:
        return nip in self._atasan


class OrgCache:
    """The organisation, read again only when an employee record has changed.

    Every request needs it (the caller's roles, the permission checks); an
    instansi has thousands of employees, so it is kept between requests and
    checked against the newest seq of an employee record, in the caller's
    own transaction. The org handed out is shared: copy it before changing.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: int | None = None
        self._org = EmployeeOrg()

    def get(self, conn: Connection) -> EmployeeOrg:
        newest = conn.execute(
            select(func.max(db.records.c.seq)).where(db.records.c.collection == "employee")
        ).scalar()
        version = -1 if newest is None else int(newest)
        with self._lock:
            if version == self._version:
                return self._org
        org = EmployeeOrg.load(conn)
        with self._lock:
            self._version, self._org = version, org
        return org
