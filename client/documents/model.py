"""The documents as plain data: what is printed, already in the form's words.

Each document is built by one gathering function from the records
(``skp_document``, ``evaluation_document``, ``recap_document``) and drawn by
one writer (``client.documents.pdf``); the writers never read records and the
gatherers never draw, so a read model can feed the writers directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

GOVERNMENT = "PEMERINTAH PROVINSI MALUKU UTARA"
PLACE = "Sofifi"


@dataclass(frozen=True)
class Person:
    """One of the persons named on a form; ``nip`` already grouped (19860926 201505 1 001)."""

    name: str
    nip: str
    rank: str
    position: str
    unit: str


@dataclass(frozen=True)
class IndicatorLine:
    """One indicator of an RHK: Aspek, IKI, Target; at evaluation, its Realisasi."""

    aspect: str
    indicator: str
    target: str
    realisasi: str = ""


@dataclass(frozen=True)
class ResultRow:
    """One RHK with the atasan's RHK it serves and its indicators.

    ``note``, ``evidence`` and ``feedback`` are filled for the evaluation only:
    the pegawai's note on the realisasi, the bukti dukung, the umpan balik.
    """

    number: int
    atasan_rhk: str
    rhk: str
    indicators: tuple[IndicatorLine, ...]
    note: str = ""
    evidence: tuple[str, ...] = ()
    feedback: tuple[str, ...] = ()


@dataclass(frozen=True)
class BehaviourRow:
    """One BerAKHLAK value: its guide behaviours, the Ekspektasi Khusus Pimpinan,
    and at evaluation the umpan balik."""

    number: int
    value: str
    guides: tuple[str, ...]
    expectation: str
    feedback: str = ""


@dataclass(frozen=True)
class Signature:
    """A signature block: the role above the blank space, the person below it."""

    role: str
    person: Person | None


@dataclass(frozen=True)
class SkpDocument:
    """Sasaran Kinerja Pegawai, form for administrators and functional staff (BKN 2022)."""

    agency: str
    period_start: date
    period_end: date
    approach: str
    pegawai: Person
    penilai: Person | None
    main: tuple[ResultRow, ...]
    additional: tuple[ResultRow, ...]
    behaviours: tuple[BehaviourRow, ...]
    attachments: tuple[tuple[str, tuple[str, ...]], ...]
    status: str
    draft: bool
    place: str
    signed_on: date


@dataclass(frozen=True)
class EvaluationDocument:
    """Evaluasi Kinerja Pegawai for one period, on the rows of the SKP it measures."""

    agency: str
    period_name: str
    period_start: date
    period_end: date
    approach: str
    pegawai: Person
    penilai: Person | None
    atasan_penilai: Person | None
    organisation_rating: str
    main: tuple[ResultRow, ...]
    additional: tuple[ResultRow, ...]
    behaviours: tuple[BehaviourRow, ...]
    result_rating: str
    behaviour_rating: str
    predikat: str
    status: str
    draft: bool
    place: str
    signed_on: date


@dataclass(frozen=True)
class RecapRow:
    number: int
    name: str
    nip: str
    position: str
    result_rating: str
    behaviour_rating: str
    predikat: str
    status: str


@dataclass(frozen=True)
class PredikatCount:
    predikat: str
    count: int
    percent: str  # as printed: "40 %"


@dataclass(frozen=True)
class RuleCheck:
    """A rule of the distribution curve and whether the unit's spread meets it."""

    rule: str
    met: bool
    detail: str


@dataclass(frozen=True)
class RecapDocument:
    """Rekapitulasi predikat kinerja pegawai of one unit for one period."""

    agency: str
    unit: str
    period_name: str
    period_start: date
    period_end: date
    organisation_rating: str
    rows: tuple[RecapRow, ...]
    counts: tuple[PredikatCount, ...]
    rated: int
    unrated: int
    rules: tuple[RuleCheck, ...]
    curve_note: str
    head: Person | None
    draft: bool
    place: str
    signed_on: date
