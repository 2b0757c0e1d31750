"""The words the Evaluasi screen shows: RHK rows, the verdict, the curve.

Pure functions of the facts (client/evaluation.py) and the
person's language, kept apart from the screen so the screen module only
arranges widgets and reacts to keys.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from client import evaluation as facts
from domain.deadlines import office_date
from domain.i18n import translator
from domain.vocab import (
    BERAKHLAK_GUIDES,
    BERAKHLAK_LABELS,
    ORG_RATING_LABELS,
    PLAN_STATUS_LABELS,
    PREDIKAT_LABELS,
    PREDIKATS,
)
from domain.write_facts import finalised_at

Rec = Mapping[str, Any]


def item_rows(
    items: Sequence[Rec], progress: Mapping[str, Rec], feedback_counts: Mapping[str, int]
) -> list[tuple[str, tuple[str, str, str, str, str]]]:
    """One row per indicator: (row key, (RHK, IKI, target, realisasi, umpan balik))."""
    rows = []
    for item in items:
        indicators = item["data"].get("indicators") or [{}]
        for index, indicator in enumerate(indicators):
            first = index == 0
            rows.append(
                (
                    f"{item['id']}#{index}",
                    (
                        str(item["data"].get("text", ""))[:22] if first else "",
                        str(indicator.get("indicator", ""))[:18],
                        facts.target_text(indicator)[:10],
                        facts.realisasi_text(progress.get(item["id"]), index, indicator)[:10],
                        str(feedback_counts.get(item["id"], 0)) if first else "",
                    ),
                )
            )
    return rows


def verdict(
    lang: str,
    predikat: str | None,
    evaluation: Rec | None,
    plan: Rec | None,
    read_only: bool,
) -> str:
    _ = translator("tui_review", lang)
    parts = [
        _("Predikat: {label}").format(label=PREDIKAT_LABELS.get(predikat, "-") if predikat else "-")  # type: ignore[call-overload]
    ]
    data = evaluation["data"] if evaluation else {}
    final_at = finalised_at(evaluation) if evaluation else None
    if data.get("status") == "final":
        # The server's moment, as a day of Sofifi's calendar (WIT), not of UTC.
        day = office_date(final_at).isoformat() if final_at else "-"
        parts.append(_("Final since {day}").format(day=day))
    elif evaluation:
        parts.append(_("Draft"))
    else:
        parts.append(_("Not evaluated yet"))
    if plan is None:
        parts.append(_("no SKP for this period"))
    else:
        status = plan["data"].get("status", "")
        parts.append("SKP " + PLAN_STATUS_LABELS.get(status, status))
    if read_only:
        parts.append(_("read-only"))
    return " · ".join(parts)


def behaviour_context(lang: str, value: str, expectation: str) -> str:
    """The guide behaviours of a BerAKHLAK value and the PPK's expectation."""
    _ = translator("tui_review", lang)
    guides = "\n".join(f"• {g}" for g in BERAKHLAK_GUIDES[value])  # type: ignore[index]
    shown = expectation.strip() or _("(none written in the SKP)")
    return f"{BERAKHLAK_LABELS[value]}\n{guides}\n" + _("Expectation: {text}").format(text=shown)  # type: ignore[index]


def head_of_unit_text(lang: str, unit: Rec, period_id: str) -> str:
    """domain.md: the unit's own rating becomes its head's rating hasil kerja."""
    _ = translator("tui_review", lang)
    rating = (unit["data"].get("ratings") or {}).get(period_id)
    label = ORG_RATING_LABELS.get(rating, "-") if rating else "-"  # type: ignore[call-overload]
    return _(
        "Leads {unit}: the unit's own rating ({label}) is their rating hasil kerja; choose it to match."
    ).format(unit=unit["data"].get("name", ""), label=label)


def curve_text(lang: str, org_rating: str | None, team: facts.Team, breaches: Sequence[Any]) -> str:
    """The team's spread against the unit's rating and what the curve says of it."""
    _ = translator("tui_review", lang)
    if org_rating is None:
        head = _("The unit has no predikat kinerja organisasi for this period: no curve to check.")
    else:
        head = _("Unit rating: {label}").format(label=ORG_RATING_LABELS.get(org_rating, org_rating))  # type: ignore[call-overload]
    size = len(team.predikats)
    counts = {p: team.predikats.count(p) for p in PREDIKATS}
    spread = ", ".join(
        f"{PREDIKAT_LABELS[p]} {counts[p]}"
        + (f" ({round(100 * counts[p] / size)}%)" if size else "")
        for p in PREDIKATS
    )
    lines = [
        head,
        _("Team of {size}: {spread}").format(size=size, spread=spread),
    ]
    if team.unrated:
        lines.append(_("{count} without a predikat yet (not counted).").format(count=team.unrated))
    if breaches:
        lines.extend("⚠ " + breach.message(lang) for breach in breaches)
    elif org_rating is not None and size:
        lines.append(_("The spread keeps to the curve."))
    lines.append(_("Nobody's rating is changed by the app: the PPK decides."))
    return "\n".join(lines)
