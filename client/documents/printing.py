"""One document, chosen as a person names it, checked and drawn: ``print_document``.

The command line (``kinerja print``) and the screens both come here: the
period by name (or a sensible default), the person (oneself by default), the
unit for a recap (the one the person leads, else their own), the right to
read it, and a file name to suggest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from client.documents.access import check_person, check_unit
from client.documents.dates import office_today
from client.documents.evaluation import evaluation_document
from client.documents.recap import recap_document, unit_members
from client.documents.skp import plan_of, skp_document
from client.documents.source import DocumentError, Facts, Record, RecordSource
from sync.commands.output import TargetRefused, check_target, write_file

__all__ = ["KINDS", "DocumentKind", "Printed", "TargetRefused", "print_document", "write_document"]

DocumentKind = Literal["skp", "evaluasi", "rekap"]
KINDS: tuple[DocumentKind, ...] = ("skp", "evaluasi", "rekap")


@dataclass(frozen=True)
class Printed:
    """A drawn document: the PDF, a file name to suggest, whether it is marked DRAF."""

    payload: bytes
    name: str
    draft: bool


def write_document(payload: bytes, target: Path, *, force: bool) -> Path:
    """Write a drawn document as a file a person asked for (sync/commands/output.py):
    a new regular file, replaced only with ``force``; raises TargetRefused or OSError."""
    check_target(target, force)
    return write_file(target, payload, force=force)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "dokumen"


def _period(facts: Facts, name: str | None, fallback: Record | None) -> Record:
    found = facts.named("period", name) if name else fallback
    if found is None:
        names = sorted(str(p["data"].get("name", "")) for p in facts.source.list("period"))
        raise DocumentError(
            "No period named {name}; the local store has: {names}.",
            name=name or "-",
            names=", ".join(names) or "-",
        )
    return found


def _current_year(facts: Facts, today: date) -> Record | None:
    """The annual period that holds today, else the latest annual period."""
    annual = [p for p in facts.source.list("period") if p["data"].get("kind") == "annual"]
    now = [p for p in annual if p["data"]["start"] <= today.isoformat() <= p["data"]["end"]]
    return (now or sorted(annual, key=lambda p: p["data"]["end"]))[-1] if annual else None


def _latest_evaluated(facts: Facts, owners: list[str]) -> Record | None:
    """The latest period (by its end) with an evaluation of one of ``owners``."""
    periods = [
        facts.period(e["data"].get("period_id"))
        for owner in owners
        for e in facts.source.list("evaluation", owner=owner)
    ]
    found = [p for p in periods if p is not None]
    return max(found, key=lambda p: (p["data"]["end"], p["data"]["start"])) if found else None


def _unit_of(facts: Facts, me: str, name: str | None) -> Record:
    if name:
        unit = facts.named("unit", name)
        if unit is None:
            raise DocumentError("No unit named {name} in the local store.", name=name)
        return unit
    led = [u for u in facts.source.list("unit") if u["data"].get("head_nip") == me]
    unit = led[0] if led else facts.unit((facts.employee(me) or {}).get("unit_id"))
    if unit is None:
        raise DocumentError("Name the unit with --unit NAME.")
    return unit


def print_document(
    source: RecordSource,
    me: str,
    kind: DocumentKind,
    *,
    period: str | None = None,
    nip: str | None = None,
    unit: str | None = None,
    today: date | None = None,
) -> Printed:
    """The PDF of one document as ``me`` may see it; DocumentError says why not."""
    # ReportLab takes 0.16 s to import: paid by the first print, not by every start.
    from client.documents import pdf

    facts = Facts(source)
    day = today or office_today()
    if kind == "rekap":
        chosen_unit = _unit_of(facts, me, unit)
        members = [str(m["data"].get("nip")) for m in unit_members(facts, chosen_unit["id"])]
        chosen = _period(facts, period, _latest_evaluated(facts, members))
        check_unit(facts, me, chosen_unit["id"], day)
        recap = recap_document(source, chosen_unit["id"], chosen["id"], today=day)
        name = f"rekap-{_slug(recap.unit)}-{_slug(recap.period_name)}.pdf"
        return Printed(pdf.recap_pdf_bytes(recap), name, recap.draft)
    owner = "".join((nip or me).split())
    if kind == "skp":
        chosen = _period(facts, period, _current_year(facts, day))
        plan = plan_of(facts, owner, chosen)
        check_person(facts, me, owner, "plan", day, plan["data"].get("status"))
        skp = skp_document(source, owner, chosen["id"], today=day)
        name = f"skp-{owner}-{_slug(str(chosen['data'].get('name', '')))}.pdf"
        return Printed(pdf.skp_pdf_bytes(skp), name, skp.draft)
    chosen = _period(facts, period, _latest_evaluated(facts, [owner]))
    check_person(facts, me, owner, "evaluation", day)
    evaluation = evaluation_document(source, owner, chosen["id"], today=day)
    name = f"evaluasi-{owner}-{_slug(evaluation.period_name)}.pdf"
    return Printed(pdf.evaluation_pdf_bytes(evaluation), name, evaluation.draft)
