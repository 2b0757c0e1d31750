"""The SKP document gathered from the records: ``skp_document``."""

from __future__ import annotations

from datetime import date

from client.documents.dates import office_today
from client.documents.model import PLACE, SkpDocument
from client.documents.rows import agency, attachments, behaviour_rows, label, person, result_rows
from client.documents.source import DocumentError, Facts, Record, RecordSource
from domain.checks import parse_date
from domain.vocab import APPROACH_LABELS, PLAN_STATUS_LABELS


def period_of(facts: Facts, period_id: str) -> Record:
    period = facts.period(period_id)
    if period is None:
        raise DocumentError("No period {period} in the local store.", period=period_id)
    return period


def plan_of(facts: Facts, owner_nip: str, period: Record) -> Record:
    """The owner's SKP for the period, or a DocumentError saying there is none."""
    if facts.employee(owner_nip) is None:
        raise DocumentError("No employee with NIP {nip} in the local store.", nip=owner_nip)
    plan = facts.plan_for(owner_nip, period)
    if plan is None:
        raise DocumentError(
            "{nip} has no SKP for {period} in the local store.",
            nip=owner_nip,
            period=period["data"].get("name", period["id"]),
        )
    return plan


def period_dates(period: Record) -> tuple[date, date]:
    start = parse_date(period["data"].get("start"))
    end = parse_date(period["data"].get("end"))
    if start is None or end is None:
        raise DocumentError("The period {period} has no valid dates.", period=period["id"])
    return start, end


def skp_document(
    records: RecordSource, owner_nip: str, period_id: str, *, today: date | None = None
) -> SkpDocument:
    """The SKP of ``owner_nip`` for the period (the plan of that period or covering it).

    Signed in Sofifi on ``today`` (default: today in Sofifi). Any status but
    approved is printed as a draft.
    """
    facts = Facts(records)
    plan = plan_of(facts, owner_nip, period_of(facts, period_id))
    data = plan["data"]
    start, end = period_dates(period_of(facts, data["period_id"]))
    pegawai = person(facts, owner_nip)
    assert pegawai is not None  # plan_of checked the employee
    main, additional = result_rows(facts, facts.items_of(plan))
    status = str(data.get("status", "draft"))
    return SkpDocument(
        agency=agency(facts, (facts.employee(owner_nip) or {}).get("unit_id")),
        period_start=start,
        period_end=end,
        approach=label(APPROACH_LABELS, data.get("approach"), "-"),
        pegawai=pegawai,
        penilai=person(facts, data.get("ppk_nip") or facts.organisation().atasan_of(owner_nip)),
        main=main,
        additional=additional,
        behaviours=behaviour_rows(data.get("expectations") or {}),
        attachments=attachments(data),
        status=label(PLAN_STATUS_LABELS, status, status),
        draft=status != "approved",
        place=PLACE,
        signed_on=today or office_today(),
    )
