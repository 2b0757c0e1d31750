"""The words of the Keberatan screen: a case's line in the list and its details.

Pure functions of a case (client/objection.py) and the records, kept apart
from the screen so that it only arranges widgets and reacts to keys.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from client import objection as model
from client.records import Snapshot
from domain.deadlines import office_day
from domain.vocab import (
    BERAKHLAK_LABELS,
    OBJECTION_OUTCOME_LABELS,
    PREDIKAT_LABELS,
    PREDIKATS,
    RATING_LABELS,
)
from tui.texts import year_ as _


def _label(labels: Mapping[Any, str], key: Any) -> str:
    return labels.get(key, str(key or "-"))


def status(case: model.Case) -> str:
    """The case in a word or two, for the list."""
    state = case.state
    if state == model.OPEN:
        return _("{n} days left").format(n=case.days_left)
    if state == model.CLOSED:
        return _("closed")
    if state == model.LATE:
        return _("late, refused")
    if state == model.DECIDED:
        changed = (case.decision or {}).get("outcome") == "changed"
        return _("decided: changed") if changed else _("decided: upheld")
    if (
        case.objection is not None
        and case.objection.get("pending")
        and not case.objection.get("base")
    ):
        return _("not yet sent")
    return _("waiting")


def row(records: Snapshot, case: model.Case) -> tuple[str, str, str, str, str]:
    data = case.evaluation["data"]
    return (
        records.name_of(case.owner),
        records.period_name(data.get("period_id")),
        _label(PREDIKAT_LABELS, data.get("predikat")),
        case.deadline.isoformat(),
        status(case),
    )


def window(case: model.Case) -> str:
    """The objection window, on Sofifi's calendar."""
    final = case.finalised.date().isoformat()
    if case.state == model.OPEN:
        return _("Final since {final}. Objections until {deadline} (WIT): {n} days left.").format(
            final=final, deadline=case.deadline.isoformat(), n=case.days_left
        )
    if case.state == model.CLOSED:
        return _("Final since {final}. The 14 days to object ended on {deadline} (WIT).").format(
            final=final, deadline=case.deadline.isoformat()
        )
    return _("Final since {final}. Objections until {deadline} (WIT).").format(
        final=final, deadline=case.deadline.isoformat()
    )


def filing_rule(case: model.Case) -> str:
    """What an offline filing means: the server's date of receipt decides."""
    return _(
        "The server's date decides: an objection counts from when the server receives it. "
        "Written offline, it must reach the server by {deadline} (WIT), or it is refused."
    ).format(deadline=case.deadline.isoformat())


def late_text(case: model.Case, discard_key: str) -> str:
    return _(
        "Refused: the server received this objection after {deadline} (WIT), the last day "
        "to object. It was written in time on this device, but the server's date decides "
        "(PP 30/2019 Pasal 59). Your reasons are kept here; discard them with {key}."
    ).format(deadline=case.deadline.isoformat(), key=discard_key)


def curve(predikats: Sequence[str]) -> str:
    if not predikats:
        return _("Team: no other predikat yet.")
    spread = ", ".join(
        f"{PREDIKAT_LABELS[p]} {predikats.count(p)}" for p in PREDIKATS if predikats.count(p)
    )
    return _("Team of {size}: {spread}").format(size=len(predikats), spread=spread)


def details(records: Snapshot, case: model.Case, *, deciding: bool) -> str:
    """The evaluation, the PPK's notes, the reasons, the decision, the team."""
    data = case.evaluation["data"]
    lines = [
        _("Hasil kerja: {result} · Perilaku: {behaviour} · Predikat: {predikat}").format(
            result=_label(RATING_LABELS, data.get("result_rating")),
            behaviour=_label(RATING_LABELS, data.get("behaviour_rating")),
            predikat=_label(PREDIKAT_LABELS, data.get("predikat")),
        ),
        window(case),
    ]
    notes = data.get("behaviour_notes") or {}
    if notes:
        shown = "; ".join(f"{_label(BERAKHLAK_LABELS, k)}: {v}" for k, v in notes.items())
        lines.append(_("PPK's notes: {notes}").format(notes=shown))
    if case.objection is not None:
        reason = str(case.objection["data"].get("reason", ""))
        lines.append(_("Reasons: {reason}").format(reason=reason))
    decision = case.decision
    if decision:
        lines.append(
            _("Decided by {who} on {day}: {outcome}. {note}").format(
                who=records.name_of(decision.get("decided_by")),
                day=_iso(office_day(decision.get("decided_at"))),
                outcome=_label(OBJECTION_OUTCOME_LABELS, decision.get("outcome")),
                note=decision.get("note", ""),
            )
        )
    elif case.state == model.OPEN and case.owner == records.me:
        lines.append(filing_rule(case))
    if deciding:
        lines.append(curve(model.curve_of(records, case)))
    return "\n".join(lines)


def home_line(waiting: Sequence[model.Case], names: Mapping[str, str]) -> str:
    """Beranda's line: the objections waiting for my decision as atasan PPK."""
    who = ", ".join(names.get(c.owner, c.owner) for c in waiting[:3])
    return _("Keberatan to decide ({n}): {who}").format(n=len(waiting), who=who)


def _iso(day: date | None) -> str:
    return day.isoformat() if day else "-"
