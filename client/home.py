"""Beranda's read model: what it shows, worked out from the local store (no Textual).

- my SKP for the period in progress, and its status;
- what waits for me: my SKP when it was returned, submitted plans whose PPK
  is me, approved plans of my subordinates without a final evaluation for the
  current period, umpan balik on my records that I have not acknowledged, my
  evaluations that became final while a keberatan may still be filed (so a
  newly final evaluation is announced to its employee), objections I decide
  as atasan PPK, and the open follow-ups I may read with their next due date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from client import follow_up, objection
from client.records import Snapshot
from domain.deadlines import objection_open, office_day
from domain.org import OrgOnDay

if TYPE_CHECKING:
    from client.services import Services

Record = dict[str, Any]
# Shorter periods are the ones evaluated most often, so they come first
# when choosing "the current period" for evaluations.
PERIOD_KIND_ORDER = {"monthly": 0, "quarterly": 1, "annual": 2}


@dataclass(frozen=True)
class HomeFacts:
    name: str | None
    position: str | None
    unit_name: str | None
    plan_period: (
        Record | None
    )  # the period of the SKP shown (my current plan's, else the annual one)
    my_plan: Record | None
    my_plan_items: int
    to_approve: tuple[Record, ...]  # plans
    to_evaluate: tuple[Record, ...]  # plans
    evaluation_period: Record | None
    to_acknowledge: tuple[Record, ...]  # feedback
    newly_final: tuple[Record, ...]  # my final evaluations, within the keberatan window
    periods: dict[str, Record]  # id -> period, for the evaluations above
    names: dict[str, str]  # NIP -> name, for the people named above
    to_decide: tuple[objection.Case, ...] = ()  # objections, as atasan PPK
    follow_ups: tuple[follow_up.Entry, ...] = ()  # open ones, by next due date
    # My team behind the pro-rated target (domain.on_track), by NIP: the early warning
    behind: tuple[str, ...] = ()


def _day(value: Any) -> date | None:
    return office_day(value)


def periods_in_progress(periods: Iterable[Record], today: date) -> list[Record]:
    """The periods containing ``today``, shortest kind first."""
    found = []
    for period in periods:
        data = period.get("data") or {}
        start, end = _day(data.get("start")), _day(data.get("end"))
        if start and end and start <= today <= end:
            found.append(period)
    return sorted(
        found, key=lambda p: (PERIOD_KIND_ORDER.get(p["data"].get("kind"), 9), p["data"]["start"])
    )


# Everything Beranda reads, in one store read. Realisasi is among it for the
# early warning (team_behind): a store holds the realisasi of its sync scope
# only (my own, my team's).
COLLECTIONS = (
    "unit",
    "period",
    "plan",
    "plan_item",
    "feedback",
    "evaluation",
    "objection",
    "follow_up",
    "progress",
)


def home_facts(services: Services) -> HomeFacts:
    me = services.me
    view = Snapshot.read(services, COLLECTIONS)
    records = {name: view.list(name) for name in (*COLLECTIONS, "employee")}
    employees = records["employee"]
    names = {e["data"]["nip"]: e["data"].get("name", "") for e in employees}
    mine: Record = next((e["data"] for e in employees if e["data"].get("nip") == me), {})
    unit = next((u for u in records["unit"] if u["id"] == mine.get("unit_id")), None)

    current = periods_in_progress(records["period"], services.now().date())
    rank = {p["id"]: PERIOD_KIND_ORDER.get(p["data"].get("kind"), 9) for p in current}
    plans = [p for p in records["plan"] if p["data"].get("period_id") in rank]
    # An SKP is written for the year: of my plans in progress, the annual one.
    my_plan = max(
        (p for p in plans if p.get("owner") == me),
        key=lambda p: rank[p["data"]["period_id"]],
        default=None,
    )
    plan_period = (
        next(p for p in current if p["id"] == my_plan["data"]["period_id"])
        if my_plan
        else next((p for p in current if p["data"].get("kind") == "annual"), None)
    )
    my_items = 0
    if my_plan is not None:
        items = records["plan_item"]
        my_items = sum(1 for i in items if i["data"].get("plan_id") == my_plan["id"])

    evaluation_period = current[0] if current else None
    return HomeFacts(
        name=mine.get("name"),
        position=mine.get("position"),
        unit_name=unit["data"].get("name") if unit else None,
        plan_period=plan_period,
        my_plan=my_plan,
        my_plan_items=my_items,
        to_approve=tuple(
            p
            for p in plans
            # an acting official (Plt/Plh) approves what waits for the holder, while it runs
            if p["data"].get("status") == "submitted"
            and view.org.acts_as(me, str(p["data"].get("ppk_nip")))
        ),
        to_evaluate=_to_evaluate(me, view.org, plans, records, evaluation_period),
        evaluation_period=evaluation_period,
        to_acknowledge=tuple(
            f
            for f in records["feedback"]
            if f.get("owner") == me and not f["data"].get("acknowledged_at")
        ),
        newly_final=_newly_final(me, records["evaluation"], services.now()),
        periods={p["id"]: p for p in records["period"]},
        names=names,
        to_decide=tuple(objection.to_decide(view)),
        follow_ups=tuple(follow_up.open_of(view)),
        behind=team_behind(services, view, plan_period),
    )


def team_behind(services: Services, view: Snapshot, period: Record | None) -> tuple[str, ...]:
    """Those of my team behind on an indicator of their approved SKP, worked out here,
    offline, with the rule the server's on-track report uses. ``view`` holds
    COLLECTIONS."""
    team = set(view.org.team_of(services.me))
    if not team or period is None:
        return ()
    from domain.reports import on_track_rows

    employees = [e for e in view.list("employee") if e["data"].get("nip") in team]
    rows = on_track_rows(
        employees,
        view.list("plan"),
        view.list("plan_item"),
        view.list("progress"),
        period,
        services.now().date(),
    )
    return tuple(dict.fromkeys(str(r["nip"]) for r in rows if r["behind"]))


def _to_evaluate(
    me: str,
    org: OrgOnDay,
    plans: list[Record],
    records: dict[str, list[Record]],
    period: Record | None,
) -> tuple[Record, ...]:
    """Approved plans of the people I evaluate, not yet finally evaluated."""
    if period is None:
        return ()
    finished = {
        e["data"].get("plan_id")
        for e in records["evaluation"]
        if e["data"].get("period_id") == period["id"] and e["data"].get("status") == "final"
    }
    mine_to_judge = set(org.team_of(me))
    return tuple(
        p
        for p in plans
        if p["data"].get("status") == "approved"
        and p.get("owner") != me
        and (p.get("owner") in mine_to_judge or p["data"].get("ppk_nip") == me)
        and p["id"] not in finished
    )


def _newly_final(me: str, evaluations: list[Record], now: datetime) -> tuple[Record, ...]:
    """My final evaluations while a keberatan may still be filed against them."""
    found = []
    for evaluation in evaluations:
        data = evaluation["data"]
        if evaluation.get("owner") != me or data.get("status") != "final":
            continue
        try:
            finalised = datetime.fromisoformat(str(data.get("finalised_at")))
        except ValueError:
            continue
        if objection_open(finalised, now):
            found.append(evaluation)
    return tuple(sorted(found, key=lambda e: str(e["data"].get("finalised_at"))))
