"""The BKD's employee CSV: read it and find every problem, before anything is written.

One parser and one validator for ``kinerja-server import-employees`` and
the Kepegawaian area's import preview (commands.md): the header is
``nip,name,kind,rank,position,unit,atasan_nip,roles`` (unit by name,
roles separated by ``;``). Problems come back as ``(line, text)`` in the
reader's language (gettext domain ``employee_import``), sorted by line.

Rows are judged against the organisation as the whole file would leave it,
so an atasan further down the file is known and a loop through it is seen.
The organisation is copied once, not once per row: the check is linear in
the file's length.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from domain.i18n import language, translator
from domain.nip import is_valid_nip
from domain.org import Organisation
from domain.references import Change, reference_issues
from domain.validation import validate_data

HEADER = ("nip", "name", "kind", "rank", "position", "unit", "atasan_nip", "roles")
KINDS = ("PNS", "PPPK")
ROLES = ("admin",)
DOMAIN = "employee_import"
Problem = tuple[int, str]  # (line number in the file, what is wrong)


def _(msgid: str) -> str:
    """Marks a msgid for the catalogue; translated where it is shown."""
    return msgid


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


def read_rows(source: str, lang: str | None = None) -> tuple[list[Row], list[Problem]]:
    """The rows of a CSV text and the problems of its shape, by line number."""
    say = translator(DOMAIN, lang)
    reader = csv.reader(io.StringIO(source))
    header = next(reader, None)
    if header is None or tuple(cell.strip().lower() for cell in header) != HEADER:
        return [], [(1, say(_("The header must be: {header}")).format(header=",".join(HEADER)))]
    rows: list[Row] = []
    problems: list[Problem] = []
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(HEADER):
            found = say(_("Expected {expected} columns, found {found}."))
            problems.append((line, found.format(expected=len(HEADER), found=len(cells))))
            continue
        values = dict(zip(HEADER, (cell.strip() for cell in cells), strict=True))
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
                roles=tuple(role.strip() for role in values["roles"].split(";") if role.strip()),
            )
        )
    return rows, problems


def employee_data(row: Row, unit_id: str, before: Mapping[str, Any] | None) -> dict[str, Any]:
    """The employee record's data a row makes, over what the record held (``before``)."""
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


class _Nothing:
    """The records an employee row may name: none (its NIP rules use the organisation)."""

    def get(self, collection: str, record_id: str) -> Mapping[str, Any] | None:
        return None

    def owned_by(self, collection: str, owner: str) -> list[Mapping[str, Any]]:
        return []


# a unit id for the check: the schema wants text, the real id is known only when written
_SOME_UNIT = "unit"


def row_problems(
    rows: list[Row],
    org: Organisation,
    employees: Mapping[str, Mapping[str, Any]],
    lang: str | None = None,
) -> list[Problem]:
    """Every problem of every row; ``employees`` are the stored employee records by NIP."""
    say = translator(DOMAIN, lang)
    after = org.copy()
    for row in rows:
        after.apply(
            {"collection": "employee", "owner": row.nip, "data": employee_data(row, "", None)}
        )
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for row in rows:
        reasons: list[str] = []
        if row.kind not in KINDS:
            reasons.append(say(_("Kind must be PNS or PPPK, not '{kind}'.")).format(kind=row.kind))
        elif not is_valid_nip(row.nip, row.kind):
            reasons.append(say(_("NIP '{nip}' is not a valid NIP.")).format(nip=row.nip))
        if row.nip in seen:
            also = say(_("NIP {nip} is also on line {line}."))
            reasons.append(also.format(nip=row.nip, line=seen[row.nip]))
        seen.setdefault(row.nip, row.line)
        for name in ("name", "rank", "position", "unit"):
            if not getattr(row, name):
                reasons.append(say(_("The column {column} is empty.")).format(column=name))
        for role in row.roles:
            if role not in ROLES:
                reasons.append(say(_("Unknown role '{role}' (allowed: admin).")).format(role=role))
        if not reasons:
            data = employee_data(row, _SOME_UNIT, None)
            before = employees.get(row.nip)
            change = Change("employee", row.nip, row.nip, before and before["data"], data)
            issues = validate_data("employee", data) or reference_issues(change, _Nothing(), after)
            reasons.extend(issue.message(lang or language()) for issue in issues)
        problems.extend((row.line, reason) for reason in reasons)
    return problems


def check_csv(
    source: str,
    org: Organisation,
    employees: Mapping[str, Mapping[str, Any]],
    lang: str | None = None,
) -> tuple[list[Row], list[Problem]]:
    """The rows of a CSV text and every problem in it, sorted by line (none: it may be written)."""
    rows, problems = read_rows(source, lang)
    return rows, sorted([*problems, *row_problems(rows, org, employees, lang)])
