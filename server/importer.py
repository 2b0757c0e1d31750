"""``kinerja-server import-employees``: employees and units from the BKD's CSV.

The file is read and checked by ``domain.employee_import`` (the Kepegawaian
area's preview uses the same code). Every row is checked first; if any is bad nothing is imported and every bad row is reported with
its line number. Imported employees and units are ordinary records: each
write gets a seq, reaches clients through the feed, and is kept in the
history as an action of the import (``updated_by`` is null: no one person
wrote it).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine

from domain.employee_import import Problem, Row, employee_data, read_rows, row_problems
from domain.org import Organisation
from server import db, recordstore, visibility
from server.org import load_org

__all__ = ["ImportRefused", "ImportReport", "Row", "import_csv", "import_rows"]

IMPORT_AUTHOR = recordstore.Author(by="kinerja-server import-employees")


@dataclass
class ImportReport:
    problems: list[Problem] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    units_created: int = 0


class ImportRefused(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems)
        self.problems = problems


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
    before_org = org.copy()
    changes: list[tuple[dict[str, Any] | None, dict[str, Any]]] = []
    for row in rows:
        current = employees.get(row.nip)
        data = employee_data(row, units[row.unit], None if current is None else current["data"])
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
        stored = writer.save(
            record,
            existed=current is not None,
            change=recordstore.change_of(current, record),
            mutation_id=None,
            status="applied",
            op="upsert",
        )
        org.apply(stored)
        changes.append((None if current is None else current["data"], data))
    # The backfill of the whole file at once, at its last seq: the file commits as one
    # transaction, so no pull sees a seq in between, and judging each row against the
    # organisation as the rows before it left it (a copy per row) made the import quadratic.
    viewers = {
        v for before, after in changes for v in visibility.viewers_of_change(org, before, after)
    }
    if viewers:
        writer.flush()
        last_seq = writer.seqs.last
        visibility.widen_many(conn, before_org, org, sorted(viewers), last_seq)
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
