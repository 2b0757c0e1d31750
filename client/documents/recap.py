"""A unit's recapitulation of predikat for a period, gathered from the records."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from client.documents.dates import office_today
from client.documents.model import PLACE, PredikatCount, RecapDocument, RecapRow, RuleCheck
from client.documents.rows import MISSING, agency, label, person
from client.documents.skp import period_dates, period_of
from client.documents.source import DocumentError, Facts, Record, RecordSource
from domain.curve import CURVE_RULES, Rule, check_curve, spread
from domain.nip import format_nip
from domain.vocab import (
    EVALUATION_STATUS_LABELS,
    ORG_RATING_LABELS,
    PREDIKAT_LABELS,
    PREDIKATS,
    RATING_LABELS,
)

NOT_EVALUATED = "Belum dinilai"


def unit_members(facts: Facts, unit_id: str) -> list[Record]:
    """The active employees of the unit itself (not of the units under it), by name."""
    return sorted(
        (
            record
            for record in facts.employees().values()
            if record["data"].get("unit_id") == unit_id and record["data"].get("active", True)
        ),
        key=lambda r: (str(r["data"].get("name", "")).casefold(), str(r["data"].get("nip"))),
    )


def _row(facts: Facts, number: int, member: Record, period_id: str) -> tuple[RecapRow, str | None]:
    data = member["data"]
    nip = str(data.get("nip"))
    evaluation = facts.evaluation_for(nip, period_id)
    found = evaluation["data"] if evaluation else {}
    predikat = found.get("predikat")
    status = found.get("status")
    row = RecapRow(
        number=number,
        name=str(data.get("name", "")),
        nip=format_nip(nip),
        position=str(data.get("position") or MISSING),
        result_rating=label(RATING_LABELS, found.get("result_rating"), MISSING),
        behaviour_rating=label(RATING_LABELS, found.get("behaviour_rating"), MISSING),
        predikat=label(PREDIKAT_LABELS, predikat, MISSING),
        status=label(EVALUATION_STATUS_LABELS, status, NOT_EVALUATED),
    )
    return row, predikat if predikat in PREDIKATS else None


def recap_document(
    records: RecordSource,
    unit_id: str,
    period_id: str,
    *,
    today: date | None = None,
    rules: Mapping[str, tuple[Rule, ...]] = CURVE_RULES,
) -> RecapDocument:
    """Every active member of the unit with their predikat for the period, the counts
    per predikat, and the unit's spread checked against the curve of its
    organisation rating (``domain.curve``; ``rules`` for an instansi's own table).

    Printed as a draft while anyone's evaluation is missing or not final.
    """
    facts = Facts(records)
    unit = facts.unit(unit_id)
    if unit is None:
        raise DocumentError("No unit {unit} in the local store.", unit=unit_id)
    period = period_of(facts, period_id)
    start, end = period_dates(period)
    rows: list[RecapRow] = []
    predikats: list[str] = []
    for number, member in enumerate(unit_members(facts, unit_id), start=1):
        row, predikat = _row(facts, number, member, period_id)
        rows.append(row)
        if predikat:
            predikats.append(predikat)
    counts = spread(predikats)
    org_rating = (unit["data"].get("ratings") or {}).get(period_id)
    checks, note = _curve(org_rating, predikats, rules)
    unrated = len(rows) - len(predikats)
    if unrated:
        note += f" {unrated} pegawai belum dinilai; kurva diperiksa atas yang sudah dinilai."
    return RecapDocument(
        agency=agency(facts, unit_id),
        unit=str(unit["data"].get("name", "")),
        period_name=str(period["data"].get("name", "")),
        period_start=start,
        period_end=end,
        organisation_rating=label(ORG_RATING_LABELS, org_rating, "Belum ditetapkan"),
        rows=tuple(rows),
        counts=tuple(
            PredikatCount(PREDIKAT_LABELS[p], counts[p], _percent(counts[p], len(predikats)))
            for p in PREDIKATS
        ),
        rated=len(predikats),
        unrated=unrated,
        rules=checks,
        curve_note=note.strip(),
        head=person(facts, unit["data"].get("head_nip")),
        draft=any(row.status != EVALUATION_STATUS_LABELS["final"] for row in rows),
        place=PLACE,
        signed_on=today or office_today(),
    )


def _percent(count: int, total: int) -> str:
    if not total:
        return MISSING
    share = round(100 * count / total, 1)
    return f"{share:g} %".replace(".", ",")


def _curve(
    org_rating: str | None, predikats: list[str], rules: Mapping[str, tuple[Rule, ...]]
) -> tuple[tuple[RuleCheck, ...], str]:
    if not org_rating or org_rating not in rules:
        return (), "Predikat kinerja organisasi belum ditetapkan; sebaran tidak dapat diperiksa."
    breaches = {b.rule_id: b for b in check_curve(org_rating, predikats, rules)}
    checks = tuple(
        RuleCheck(
            rule=rule.describe("id"),
            met=rule.id not in breaches,
            detail=breaches[rule.id].message("id") if rule.id in breaches else "Terpenuhi",
        )
        for rule in rules[org_rating]
    )
    if not predikats:
        return checks, "Belum ada pegawai yang dinilai."
    met = all(check.met for check in checks)
    return checks, "Sebaran memenuhi kurva." if met else "Sebaran belum memenuhi kurva."
