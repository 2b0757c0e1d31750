"""Reports as a dashboard reads them: fetched from the server, kept, or computed locally.

- ``fetch_report`` asks the server (protocol.md, ``GET /reports/<name>``) and
  keeps the answer in the profile (store.reports); when the server does not
  answer, the kept copy comes back marked ``offline``, with the ``made_at``
  of when the server computed it, so the screen can say how old it is.
- ``cached_report`` reads that copy without the network.
- ``team_report`` computes a PPK's team's figures from the local store, with
  the same row functions the server uses (domain.reports): a PPK sees who is
  behind with no network at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date
from typing import TYPE_CHECKING, Any

from domain import reports

if TYPE_CHECKING:
    from client.records import Snapshot
    from client.services import Services

Row = dict[str, Any]
# What team_report needs read into its snapshot, for every report.
TEAM_COLLECTIONS = (
    "unit",
    "period",
    *sorted({c for cs in reports.COLLECTIONS.values() for c in cs}),
)


@dataclass(frozen=True)
class Report:
    """One report's rows; ``offline``: not the server's answer just now (kept, or local)."""

    name: str
    made_at: str
    period_id: str
    unit_id: str | None
    rows: list[Row] = field(default_factory=list)
    offline: bool = False


def _key(name: str, period_id: str, unit_id: str | None) -> str:
    return f"{name}\x1f{period_id}\x1f{unit_id or ''}"


def _report_of(answer: dict[str, Any], offline: bool) -> Report:
    return Report(
        name=str(answer["name"]),
        made_at=str(answer["made_at"]),
        period_id=str(answer["period_id"]),
        unit_id=answer.get("unit_id"),
        rows=list(answer["rows"]),
        offline=offline,
    )


def cached_report(
    services: Services, name: str, period_id: str, unit_id: str | None = None
) -> Report | None:
    """The copy kept from the last fetch, marked offline; None when none was fetched."""
    answer = services.store.reports.read(_key(name, period_id, unit_id))
    return None if answer is None else _report_of(answer, offline=True)


def fetch_report(
    services: Services, name: str, period_id: str, unit_id: str | None = None
) -> Report:
    """The server's report now, kept for later; the kept copy when the server is out of reach.

    Raises ``sync.link.LinkError`` (its ``code`` names why, for
    ``client.sync_status.error_text``) when the server refuses the request
    (403 ``refused``, a session ended ``auth``), or when it does not answer
    and nothing was kept; ``sync.blobs.NotSignedIn`` when the profile has
    no server.
    """
    from sync.blobs import NotSignedIn
    from sync.link import Patience, Unreachable
    from sync.session import link_for_profile

    link = link_for_profile(services.store, patience=Patience(attempts=2, total=30.0))
    if link is None:
        raise NotSignedIn(name)
    try:
        with link:
            answer = link.report(name, period_id, unit_id)
    except Unreachable:
        kept = cached_report(services, name, period_id, unit_id)
        if kept is None:
            raise
        return kept
    services.store.reports.keep(_key(name, period_id, unit_id), answer)
    return _report_of(answer, offline=False)


def team_report(snapshot: Snapshot, name: str, period_id: str, today: date) -> Report:
    """``name`` over the PPK's team (those ``snapshot.me`` is PPK of today), from local data.

    The snapshot must hold ``TEAM_COLLECTIONS``. An unknown period gives no rows.
    """
    team = set(snapshot.org.team_of(snapshot.me))
    employees = [e for e in snapshot.list("employee") if e["data"].get("nip") in team]
    wanted = {e["data"].get("unit_id") for e in employees}
    units = [u for u in snapshot.list("unit") if u["id"] in wanted]
    period = snapshot.get("period", period_id)
    made_at = snapshot.now.astimezone(UTC).isoformat()
    if period is None or period.get("deleted"):
        return Report(name, made_at, period_id, None, [], offline=True)
    records = {c: _of(snapshot, c, team) for c in reports.COLLECTIONS[name]}
    rows = reports.rows_of(name, employees, units, period, records, today)
    return Report(name, made_at, period_id, None, rows, offline=True)


def _of(snapshot: Snapshot, collection: str, owners: Iterable[str]) -> list[Row]:
    people = set(owners)
    return [r for r in snapshot.list(collection) if r.get("owner") in people]
