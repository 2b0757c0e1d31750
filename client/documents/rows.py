"""The parts the SKP and the evaluation share: persons, RHK rows, BerAKHLAK rows, numbers."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from client.documents.model import BehaviourRow, IndicatorLine, Person, ResultRow
from client.documents.source import Facts, Record
from domain.nip import format_nip
from domain.vocab import (
    ASPECT_LABELS,
    ATTACHMENT_KINDS,
    ATTACHMENT_LABELS,
    BERAKHLAK,
    BERAKHLAK_GUIDES,
    BERAKHLAK_LABELS,
)

MISSING = "-"
ATASAN_RHK_UNAVAILABLE = "(RHK atasan tidak tersedia)"


def label(labels: Mapping[Any, str], key: Any, default: str = MISSING) -> str:
    """The official label of a vocabulary key, or ``default`` for a missing or unknown one."""
    return labels.get(key, default) if isinstance(key, str) else default


def number_text(value: float) -> str:
    """A number as Indonesian forms write it: 1.200 and 2,5 (no trailing zeros)."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def amount_text(value: Any, unit: Any) -> str:
    if not isinstance(value, int | float) or isinstance(value, bool):
        return MISSING
    return f"{number_text(value)} {unit or ''}".strip()


def target_text(indicator: Mapping[str, Any]) -> str:
    """The Target of an indicator: its narrative (kualitatif) or its number and unit."""
    if indicator.get("target_text"):
        return str(indicator["target_text"])
    return amount_text(indicator.get("target"), indicator.get("unit"))


def unit_name(facts: Facts, unit_id: str | None) -> str:
    unit = facts.unit(unit_id)
    return str(unit["data"].get("name", "")) if unit else MISSING


def agency(facts: Facts, unit_id: str | None) -> str:
    """The instansi: the top of the unit's chain of parents."""
    unit, seen = facts.unit(unit_id), set()
    while unit is not None and unit["id"] not in seen:
        seen.add(unit["id"])
        parent = facts.unit(unit["data"].get("parent_id"))
        if parent is None:
            return str(unit["data"].get("name", ""))
        unit = parent
    return ""


def person(facts: Facts, nip: str | None) -> Person | None:
    """A person as the header of a form shows them; None when the NIP is unknown."""
    data = facts.employee(nip)
    if data is None or not nip:
        return None
    return Person(
        name=str(data.get("name", "")),
        nip=format_nip(nip),
        rank=str(data.get("rank", "") or MISSING),
        position=str(data.get("position", "") or MISSING),
        unit=unit_name(facts, data.get("unit_id")),
    )


def _atasan_rhk(facts: Facts, item: Record) -> str:
    parent_id = item["data"].get("parent_item_id")
    if not parent_id:
        return MISSING
    parent = facts.item(parent_id)
    return str(parent["data"].get("text", "")) if parent else ATASAN_RHK_UNAVAILABLE


@dataclass(frozen=True)
class Extras:
    """What the evaluation adds to an RHK's row (see ``ResultRow``)."""

    realisasi: Sequence[str] = ()
    note: str = ""
    evidence: Sequence[str] = ()
    feedback: Sequence[str] = ()


RowExtras = Callable[[Record], Extras]


def result_rows(
    facts: Facts, items: Sequence[Record], extras: RowExtras | None = None
) -> tuple[tuple[ResultRow, ...], tuple[ResultRow, ...]]:
    """Hasil Kerja A. Utama and B. Tambahan, numbered within each list.

    ``extras(item)`` gives, for the evaluation, the realisasi of each
    indicator, the note, the evidence and the umpan balik of the row.
    """
    lists: dict[bool, list[ResultRow]] = {True: [], False: []}
    for item in items:
        data = item["data"]
        more = extras(item) if extras else Extras()
        realisasi = more.realisasi
        indicators = tuple(
            IndicatorLine(
                aspect=label(ASPECT_LABELS, ind.get("aspect"), str(ind.get("aspect", ""))),
                indicator=str(ind.get("indicator", "")),
                target=target_text(ind),
                realisasi=realisasi[i] if i < len(realisasi) else "",
            )
            for i, ind in enumerate(data.get("indicators") or [])
        )
        main = data.get("kind") == "main"
        lists[main].append(
            ResultRow(
                number=len(lists[main]) + 1,
                atasan_rhk=_atasan_rhk(facts, item),
                rhk=str(data.get("text", "")),
                indicators=indicators,
                note=more.note,
                evidence=tuple(more.evidence),
                feedback=tuple(more.feedback),
            )
        )
    return tuple(lists[True]), tuple(lists[False])


def behaviour_rows(
    expectations: Mapping[str, Any], feedback: Mapping[str, Any] | None = None
) -> tuple[BehaviourRow, ...]:
    """The seven BerAKHLAK values, their guides, the PPK's expectations and feedback."""
    notes = feedback or {}
    return tuple(
        BehaviourRow(
            number=number,
            value=BERAKHLAK_LABELS[key],
            guides=BERAKHLAK_GUIDES[key],
            expectation=str(expectations.get(key) or MISSING),
            feedback=str(notes.get(key) or ""),
        )
        for number, key in enumerate(BERAKHLAK, start=1)
    )


def attachments(plan_data: Mapping[str, Any]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The Lampiran: Dukungan Sumber Daya, Skema Pertanggungjawaban, Konsekuensi."""
    given = plan_data.get("attachments") or {}
    return tuple(
        (ATTACHMENT_LABELS[kind], tuple(str(entry) for entry in given.get(kind) or []))
        for kind in ATTACHMENT_KINDS
    )
