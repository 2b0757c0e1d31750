"""Pemantauan's read model: whose figures a person may watch, and the people behind them.

Three kinds of watcher (protocol.md, "What a client holds"):
- the admin, over any unit or the whole instansi, from reports the server
  computes (the last copy kept, shown offline with its ``made_at``);
- a unit head (``head_nip`` of a unit), over their unit, the same way;
- a PPK, over their own team, computed here from the local store, offline.

The figures themselves are rows of the report shapes (client/reports.py,
domain/reports.py); this module only chooses, filters and drills down.
No Textual, no words: the screen names things.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from client import person_file
from client.home import periods_in_progress
from client.records import Snapshot, live
from client.reports import TEAM_COLLECTIONS
from domain.deadlines import OFFICE_TZ

if TYPE_CHECKING:
    from client.services import Services

Row = Mapping[str, Any]
Record = dict[str, Any]
# Every figure a dashboard shows, in the order of its views.
VIEWS = ("plans", "curve", "on_track", "training", "follow_up", "objection")
# The views whose rows are units; the others' rows are people.
UNIT_VIEWS = frozenset({"plans", "curve"})
PLAN_STATES = ("draft", "submitted", "approved", "returned", "missing")


class ReportLike(Protocol):
    """client/reports.py's ``Report``, as far as a dashboard reads it."""

    @property
    def name(self) -> str: ...
    @property
    def made_at(self) -> str: ...
    @property
    def period_id(self) -> str: ...
    @property
    def unit_id(self) -> str | None: ...
    @property
    def rows(self) -> list[dict[str, Any]]: ...
    @property
    def offline(self) -> bool: ...


# (name, period_id, unit_id) -> the report; may raise a user-facing error.
ReportSource = Callable[[str, str, str | None], ReportLike]


@dataclass(frozen=True)
class Watch:
    """What the signed-in person may watch: ``kind`` is admin, unit_head, ppk or none."""

    kind: str
    unit_id: str | None  # the unit shown; None is the whole instansi (admin) or the team
    units: tuple[tuple[str, str], ...]  # (id, name) the person may choose among (admin)
    period_id: str | None
    periods: tuple[tuple[str, str], ...]  # (id, name), newest first


def watch_of(view: Snapshot) -> Watch:
    """The watcher ``view.me`` is, the period in progress and the units they may choose."""
    me = view.me
    periods = [p for p in view.periods_newest_first() if p["data"].get("kind") == "annual"]
    named = tuple((p["id"], str(p["data"].get("name") or p["id"])) for p in periods)
    current = periods_in_progress(periods, view.now.date())
    period_id = current[0]["id"] if current else (periods[0]["id"] if periods else None)
    units = sorted(live(view.list("unit")), key=lambda u: str(u["data"].get("name", "")))
    unit_names = tuple((u["id"], str(u["data"].get("name") or u["id"])) for u in units)
    if "admin" in view.org.roles_of(me):
        return Watch("admin", None, unit_names, period_id, named)
    headed = [u for u in units if u["data"].get("head_nip") == me]
    if headed:
        below = _below(units, {u["id"] for u in headed})
        mine = tuple(
            (u["id"], str(u["data"].get("name") or u["id"])) for u in units if u["id"] in below
        )
        return Watch("unit_head", headed[0]["id"], mine, period_id, named)
    if view.org.team_of(me):
        return Watch("ppk", None, (), period_id, named)
    return Watch("none", None, (), period_id, named)


def _below(units: Sequence[Record], tops: set[str]) -> set[str]:
    """``tops`` and every unit under them (``parent_id``); a loop in the data ends the walk."""
    found = set(tops)
    grew = True
    while grew:
        added = {u["id"] for u in units if u["data"].get("parent_id") in found} - found
        found |= added
        grew = bool(added)
    return found


def read_team(services: Services) -> Snapshot:
    """The records a PPK's team dashboard is computed from, and its people's files
    (client.person_file), in one store read."""
    return Snapshot.read(services, {*TEAM_COLLECTIONS, *person_file.COLLECTIONS})


def sort_rows(name: str, rows: Sequence[Row]) -> list[Row]:
    """Rows in the order a dashboard lists them: who needs attention first."""
    if name == "on_track":  # already so (domain.reports): tens of thousands, not sorted twice
        return list(rows)
    if name == "training":
        return sorted(rows, key=lambda r: (-r["short"], r["name"]))
    if name == "follow_up":
        return sorted(rows, key=lambda r: (str(r["next_due"] or "9999"), r["name"]))
    if name == "objection":
        return sorted(rows, key=lambda r: (r["state"] != "waiting", str(r["filed_at"] or "")))
    return sorted(rows, key=lambda r: str(r["unit_name"]))


@dataclass(frozen=True)
class Person:
    """One person behind a figure: who, and what the figure says of them."""

    nip: str
    name: str
    detail: str  # the figure's value for them, e.g. a status or a ratio


def people_behind(
    view: Snapshot, name: str, row: Row, column: str | None, period_id: str | None
) -> list[Person]:
    """The people a figure counts.

    A person row is its own person. A unit row counts the unit's active
    employees (always held: the instansi's employee records are synced); for
    ``curve`` everyone in the unit. For ``plans``, the SKP of those in my
    sync scope is held here, so they are listed with their state, and only
    those in ``column``'s state when one is chosen; the SKP of the others
    (an admin's, a unit head's deeper levels) is not held, so they are
    listed after, with the state "" (open the person to see).
    """
    if name not in UNIT_VIEWS:
        nip = str(row["nip"])
        return [Person(nip, str(row.get("name") or view.name_of(nip)), "")]
    members = [
        e["data"]
        for e in live(view.list("employee"))
        if e["data"].get("unit_id") == row["unit_id"] and e["data"].get("active", True)
    ]
    if name != "plans":
        return sorted(
            (Person(str(m["nip"]), str(m.get("name") or m["nip"]), "") for m in members),
            key=lambda p: p.name,
        )
    status: dict[str, str] = {}
    for plan in view.list("plan"):
        if period_id is None or plan["data"].get("period_id") == period_id:
            status[str(plan.get("owner"))] = str(plan["data"].get("status", "draft"))
    held = view.org.scope_of(view.me)
    found = []
    for member in members:
        nip = str(member["nip"])
        state = status.get(nip, "missing" if nip in held else "")
        if column in PLAN_STATES and state and state != column:
            continue
        found.append(Person(nip, str(member.get("name") or nip), state))
    return sorted(found, key=lambda p: (not p.detail, p.name))


def problem_text(error: Exception) -> str:
    """Why figures or records could not be read, in the person's words."""
    from client.sync_status import error_text

    code = getattr(error, "code", None)
    if isinstance(code, str):
        return error_text(code) or code
    if isinstance(error, LookupError):
        return error_text("auth") or ""
    return str(error) or type(error).__name__


def export_folder(services: Services) -> Path:
    """Where a dashboard's xlsx goes: KINERJA_EXPORTS, else the person's documents folder."""
    chosen = os.environ.get("KINERJA_EXPORTS")
    if chosen:
        return Path(chosen)
    from platformdirs import user_documents_path

    return user_documents_path()


def export_tables(
    services: Services, title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> Path:
    """Write a dashboard view as it is shown to an xlsx file (OSError when it can't be)."""
    from sync.commands.xlsx import write_table

    day = services.now().astimezone(OFFICE_TZ).strftime("%Y%m%d-%H%M")
    slug = re.sub(r"[^a-z0-9]+", "-", title.casefold()).strip("-") or "pemantauan"
    folder = export_folder(services)
    folder.mkdir(parents=True, exist_ok=True)
    return write_table(folder / f"pemantauan-{slug}-{day}.xlsx", title, columns, rows)


def default_source(services: Services, watch: Watch) -> ReportSource:
    """Where a watcher's figures come from (client/reports.py).

    A PPK's team: computed from the local store, offline, with the same
    rules as the server's. A unit head or the admin: fetched from the
    server, the last copy kept; offline, that copy (``offline`` set).
    """
    from client.reports import fetch_report, team_report

    if watch.kind == "ppk":

        def team(name: str, period_id: str, _unit_id: str | None) -> ReportLike:
            return team_report(read_team(services), name, period_id, services.now().date())

        return team

    def served(name: str, period_id: str, unit_id: str | None) -> ReportLike:
        return fetch_report(services, name, period_id, unit_id)

    return served
