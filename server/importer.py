"""``kinerja-server import-employees``: employees and units from the BKD's CSV.

The header is ``nip,name,kind,rank,position,unit,atasan_nip,roles`` (unit by
name, created when new; roles separated by ``;``). Every row is checked
first; if any is bad nothing is imported and every bad row is reported with
its line number. Imported employees and units are ordinary records: each
write gets a seq, reaches clients through the feed, and is kept in the
history as an action of the import (``updated_by`` is null: no one person
wrote it).
"""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine

from domain.i18n import language
from domain.nip import is_valid_nip
from domain.org import Organisation
from domain.references import Change, reference_issues
from domain.validation import validate_data
from server import db, recordstore, visibility
from server.messages import _, text
from server.org import load_org

HEADER = ("nip", "name", "kind", "rank", "position", "unit", "atasan_nip", "roles")
KINDS = ("PNS", "PPPK")
ROLES = ("admin",)
IMPORT_AUTHOR = recordstore.Author(by="kinerja-server import-employees")


@dataclass(frozen=True)
class Row:
    line: int
    nip: str
    name: str
    kind: str
    rank: str
    position: str
    unit: str
    atasan_nip: str | None
    roles: tuple[str, ...]


@dataclass
class ImportReport:
    problems: list[tuple[int, str]] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    units_created: int = 0


class ImportRefused(Exception):
    def __init__(self, problems: list[tuple[int, str]]) -> None:
        super().__init__(problems)
        self.problems = problems


def read_rows(source: str) -> tuple[list[Row], list[tuple[int, str]]]:
    """The rows of a CSV text and the problems found in them, by line number."""
    reader = csv.reader(io.StringIO(source))
    header = next(reader, None)
    if header is None or tuple(cell.strip().lower() for cell in header) != HEADER:
        return [], [(1, text(_("The header must be: {header}")).format(header=",".join(HEADER)))]
    rows: list[Row] = []
    problems: list[tuple[int, str]] = []
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(HEADER):
            problems.append(
                (
                    line,
                    text(_("Expected {expected} columns, found {found}.")).format(
                        expected=len(HEADER), found=len(cells)
                    ),
                )
            )
            continue
        values = dict(zip(HEADER, (cell.strip() for cell in cells), strict=True))
        roles = tuple(role.strip() for role in values["roles"].split(";") if role.strip())
        rows.append(
            Row(
                line=line,
                nip=values["nip"].replace(" ", ""),
                name=values["name"],
                kind=values["kind"].upper(),
                rank=values["rank"],
                position=values["position"],
                unit=values["unit"],
                atasan_nip=values["atasan_nip"].replace(" ", "") or None,
                roles=roles,
            )
        )
    return rows, problems


def row_problems(
    rows: list[Row], org: Organisation, employees: Mapping[str, Mapping[str, Any]]
) -> list[tuple[int, str]]:
    """Every problem of every row, judged against the organisation as the file would leave it
    (so an atasan further down the file is known, and a loop through it is seen)."""
    problems: list[tuple[int, str]] = []
    after = org.copy()
    for row in rows:
        after.apply(
            {"collection": "employee", "owner": row.nip, "data": _employee_data(row, "", None)}
        )
    seen: dict[str, int] = {}
    for row in rows:
        reasons: list[str] = []
        if row.kind not in KINDS:
            reasons.append(text(_("Kind must be PNS or PPPK, not '{kind}'.")).format(kind=row.kind))
        elif not is_valid_nip(row.nip, row.kind):
            reasons.append(text(_("NIP '{nip}' is not a valid NIP.")).format(nip=row.nip))
        if row.nip in seen:
            reasons.append(
                text(_("NIP {nip} is also on line {line}.")).format(nip=row.nip, line=seen[row.nip])
            )
        seen.setdefault(row.nip, row.line)
        for name, value in (
            ("name", row.name),
            ("rank", row.rank),
            ("position", row.position),
            ("unit", row.unit),
        ):
            if not value:
                reasons.append(text(_("The column {column} is empty.")).format(column=name))
        for role in row.roles:
            if role not in ROLES:
                reasons.append(text(_("Unknown role '{role}' (allowed: admin).")).format(role=role))
        if not reasons:
            data = _employee_data(row, str(uuid.uuid4()), None)
            before = employees.get(row.nip)
            change = Change("employee", row.nip, row.nip, before and before["data"], data)
            issues = validate_data("employee", data) or reference_issues(change, _Nothing(), after)
            reasons.extend(issue.message(language()) for issue in issues)
        problems.extend((row.line, reason) for reason in reasons)
    return problems


class _Nothing:
    """The records an employee row may name: none (its NIP rules use the organisation)."""

    def get(self, collection: str, record_id: str) -> Mapping[str, Any] | None:
        return None

    def owned_by(self, collection: str, owner: str) -> list[Mapping[str, Any]]:
        return []


def _employee_data(row: Row, unit_id: str, before: Mapping[str, Any] | None) -> dict[str, Any]:
    data = dict(before or {"active": True})
    data.update(
        nip=row.nip,
        name=row.name,
        kind=row.kind,
        rank=row.rank,
        position=row.position,
        unit_id=unit_id,
        atasan_nip=row.atasan_nip,
        roles=list(row.roles),
    )
    return data


def import_csv(engine: Engine, source: str) -> ImportReport:
    """Import all rows of a CSV text or none; raises ``ImportRefused`` with every problem."""
    rows, problems = read_rows(source)
    return import_rows(engine, rows, problems)


def import_rows(
    engine: Engine, rows: list[Row], problems: Iterable[tuple[int, str]] = ()
) -> ImportReport:
    """Import all rows or none (also the seeding path of the demo and the tests)."""
    problems = list(problems)
    with db.writing(engine) as conn:
        org = load_org(conn)
        employees = {
            r["owner"]: r for r in recordstore.of_collection(conn, "employee") if not r["deleted"]
        }
        problems += row_problems(rows, org, employees)
        if problems:
            raise ImportRefused(sorted(problems))
        return _write(conn, org, employees, rows)


def _write(
    conn: Connection, org: Organisation, employees: dict[str, dict[str, Any]], rows: list[Row]
) -> ImportReport:
    report = ImportReport()
    writer = recordstore.Writer(conn, IMPORT_AUTHOR)
    units = {
        r["data"]["name"]: r["id"]
        for r in recordstore.of_collection(conn, "unit")
        if not r["deleted"]
    }
    for row in rows:
        if row.unit not in units:
            unit = _new_record(
                "unit", None, {"name": row.unit, "parent_id": None, "head_nip": None, "ratings": {}}
            )
            writer.save(
                unit,
                existed=False,
                change=recordstore.change_of(None, unit),
                mutation_id=None,
                status="applied",
                op="upsert",
            )
            units[row.unit] = unit["id"]
            report.units_created += 1
    for row in rows:
        current = employees.get(row.nip)
        data = _employee_data(row, units[row.unit], None if current is None else current["data"])
        if current is not None and current["data"] == data:
            report.unchanged += 1
            continue
        if current is None:
            record = _new_record("employee", row.nip, data)
            report.created += 1
        else:
            record = dict(
                current,
                rev=current["rev"] + 1,
                data=data,
                updated_by=None,
                updated_at=db.now().isoformat(),
            )
            report.updated += 1
        before_org = org.copy()
        stored = writer.save(
            record,
            existed=current is not None,
            change=recordstore.change_of(current, record),
            mutation_id=None,
            status="applied",
            op="upsert",
        )
        org.apply(stored)
        visibility.note_employee_change(
            conn, before_org, org, None if current is None else current["data"], data, stored["seq"]
        )
    writer.finish()
    return report


def _new_record(collection: str, owner: str | None, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "collection": collection,
        "id": str(uuid.uuid4()),
        "rev": 1,
        "deleted": False,
        "owner": owner,
        "created_by": None,
        "created_at": db.now().isoformat(),
        "updated_by": None,
        "updated_at": db.now().isoformat(),
        "conflicts": [],
        "data": data,
    }
