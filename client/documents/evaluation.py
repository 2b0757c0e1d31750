"""The evaluation document gathered from the records: ``evaluation_document``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from client.documents.dates import office_today
from client.documents.model import PLACE, EvaluationDocument
from client.documents.rows import (
    MISSING,
    Extras,
    agency,
    amount_text,
    behaviour_rows,
    label,
    person,
    result_rows,
)
from client.documents.skp import period_dates, period_of, plan_of
from client.documents.source import DocumentError, Facts, Record, RecordSource
from domain.checks import parse_instant
from domain.deadlines import office_date
from domain.vocab import (
    APPROACH_LABELS,
    EVALUATION_STATUS_LABELS,
    ORG_RATING_LABELS,
    PREDIKAT_LABELS,
    RATING_LABELS,
)

NOT_SET = "Belum ditetapkan"


def _inside(facts: Facts, period_id: Any, start: date, end: date) -> bool:
    period = facts.period(period_id) if isinstance(period_id, str) else None
    if period is None:
        return False
    inner = period_dates(period)
    return start <= inner[0] and inner[1] <= end


def _progress(
    facts: Facts, owner: str, period_id: str, start: date, end: date
) -> dict[str, Record]:
    """Per RHK, the realisasi of the period: recorded for it, else the latest recorded
    for a period inside it (the fourth quarter's for the year)."""
    chosen: dict[str, tuple[tuple[bool, date], Record]] = {}
    for record in facts.source.list("progress", owner=owner):
        data = record["data"]
        exact = data.get("period_id") == period_id
        if not exact and not _inside(facts, data.get("period_id"), start, end):
            continue
        own = facts.period(data["period_id"])
        rank = (exact, period_dates(own)[1] if own else end)
        item = str(data.get("plan_item_id"))
        if item not in chosen or rank > chosen[item][0]:
            chosen[item] = (rank, record)
    return {item: record for item, (_rank, record) in chosen.items()}


def _evidence_text(evidence: Sequence[Mapping[str, Any]]) -> list[str]:
    shown = []
    for entry in evidence:
        blob = entry.get("blob")
        where = blob.get("name") if isinstance(blob, Mapping) else entry.get("url")
        label = str(entry.get("label") or "")
        shown.append(f"{label} ({where})" if where and where != label else label)
    return shown


def evaluation_document(
    records: RecordSource, owner_nip: str, period_id: str, *, today: date | None = None
) -> EvaluationDocument:
    """The evaluation of ``owner_nip`` for the period, on the rows of the SKP it measures.

    A final evaluation is dated the day it became final; a draft is dated
    ``today`` and printed as a draft.
    """
    facts = Facts(records)
    period = period_of(facts, period_id)
    start, end = period_dates(period)
    evaluation = facts.evaluation_for(owner_nip, period_id)
    if evaluation is None:
        raise DocumentError(
            "{nip} has no evaluation for {period} in the local store.",
            nip=owner_nip,
            period=period["data"].get("name", period_id),
        )
    data = evaluation["data"]
    plan = facts.source.get("plan", data.get("plan_id", "")) or plan_of(facts, owner_nip, period)
    progress = _progress(facts, owner_nip, period_id, start, end)
    item_notes = data.get("item_notes") or {}
    feedback: dict[str, list[str]] = {}
    for record in facts.source.list("feedback", owner=owner_nip):
        fb = record["data"]
        if fb.get("period_id") == period_id or _inside(facts, fb.get("period_id"), start, end):
            feedback.setdefault(str(fb.get("plan_item_id")), []).append(str(fb.get("text", "")))

    def extras(item: Record) -> Extras:
        found = progress.get(item["id"])
        values = (found["data"].get("values") if found else None) or []
        realisasi = [
            amount_text(values[i] if i < len(values) else None, ind.get("unit"))
            for i, ind in enumerate(item["data"].get("indicators") or [])
        ]
        evidence = _evidence_text(found["data"].get("evidence") or []) if found else []
        note = str(found["data"].get("note") or "") if found else ""
        notes = [str(item_notes[item["id"]])] if item_notes.get(item["id"]) else []
        return Extras(realisasi, note, evidence, notes + feedback.get(item["id"], []))

    main, additional = result_rows(facts, facts.items_of(plan), extras)
    employee = facts.employee(owner_nip) or {}
    org = facts.organisation()
    penilai_nip = org.atasan_of(owner_nip) or plan["data"].get("ppk_nip")
    status = str(data.get("status", "draft"))
    finalised = parse_instant(data.get("finalised_at"))
    pegawai = person(facts, owner_nip)
    assert pegawai is not None  # evaluation_for found records of a known owner
    return EvaluationDocument(
        agency=agency(facts, employee.get("unit_id")),
        period_name=str(period["data"].get("name", "")),
        period_start=start,
        period_end=end,
        approach=label(APPROACH_LABELS, plan["data"].get("approach"), MISSING),
        pegawai=pegawai,
        penilai=person(facts, penilai_nip),
        atasan_penilai=person(facts, org.atasan_of(penilai_nip) if penilai_nip else None),
        organisation_rating=_organisation_rating(facts, owner_nip, employee, period_id),
        main=main,
        additional=additional,
        behaviours=behaviour_rows(
            plan["data"].get("expectations") or {}, data.get("behaviour_notes") or {}
        ),
        result_rating=label(RATING_LABELS, data.get("result_rating"), MISSING),
        behaviour_rating=label(RATING_LABELS, data.get("behaviour_rating"), MISSING),
        predikat=label(PREDIKAT_LABELS, data.get("predikat"), "Tidak sah"),
        status=label(EVALUATION_STATUS_LABELS, status, status),
        draft=status != "final",
        place=PLACE,
        signed_on=office_date(finalised)
        if status == "final" and finalised
        else today or office_today(),
    )


def _organisation_rating(
    facts: Facts, owner: str, employee: Mapping[str, Any], period_id: str
) -> str:
    """The predikat kinerja organisasi that bounds this person: of the unit they lead,
    else of the unit they work in."""
    units = [u for u in facts.source.list("unit") if u["data"].get("head_nip") == owner]
    unit = units[0] if units else facts.unit(employee.get("unit_id"))
    rating = ((unit or {}).get("data", {}).get("ratings") or {}).get(period_id)
    return label(ORG_RATING_LABELS, rating, NOT_SET)
