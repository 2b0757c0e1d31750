"""The demo's evaluations by quarter, and the objections (keberatan) to two of them.

The first three quarters are evaluated and final, the fourth is in draft
(the year is not over on the demo's day). Each PPK evaluates their own staff;
the Kepala Dinas evaluates the Kepala Bidang Pelayanan Perizinan; as Plt of
the Kepala Bidang Promosi, she drafts the fourth quarter of one of his staff.

Two objections go to the Kepala Dinas, the atasan PPK of both employees:
Rizal's to his third quarter still waits; Wahyuni's to her second quarter
was heard, her ratings changed (Butuh Perbaikan became Baik), and the
decision is final. Server-set instants (``finalised_at``, ``filed_at``,
``decided_at``) are sent as the protocol asks and replaced by the server's.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from demo.ids import WIT, YEAR, Write, demo_id, evaluation_id, period_id, plan_id
from demo.office import EMPLOYEE, HEAD, SECOND_SUPERIOR, STAFF, SUPERIOR
from domain.predikat import predikat

HENDRA, WAHYUNI, IRFAN = STAFF[4], STAFF[5], STAFF[6]


class Evaluated(NamedTuple):
    by: str  # the PPK (or their Plt)
    owner: str
    quarter: int
    result: str
    behaviour: str
    final: bool = True


EVALUATIONS: tuple[Evaluated, ...] = (
    Evaluated(SUPERIOR.nip, EMPLOYEE.nip, 1, "as_expected", "as_expected"),
    Evaluated(SUPERIOR.nip, EMPLOYEE.nip, 2, "above", "as_expected"),
    Evaluated(SUPERIOR.nip, EMPLOYEE.nip, 3, "as_expected", "as_expected"),
    Evaluated(SUPERIOR.nip, EMPLOYEE.nip, 4, "above", "as_expected", final=False),
    Evaluated(HEAD.nip, SUPERIOR.nip, 1, "as_expected", "above"),
    Evaluated(HEAD.nip, SUPERIOR.nip, 2, "above", "as_expected"),
    Evaluated(HEAD.nip, SUPERIOR.nip, 3, "above", "above"),
    Evaluated(SECOND_SUPERIOR.nip, HENDRA.nip, 1, "above", "as_expected"),
    Evaluated(SECOND_SUPERIOR.nip, HENDRA.nip, 2, "above", "above"),
    Evaluated(SECOND_SUPERIOR.nip, HENDRA.nip, 3, "above", "above"),
    Evaluated(SUPERIOR.nip, HENDRA.nip, 4, "above", "as_expected", final=False),  # as Plt
    Evaluated(SECOND_SUPERIOR.nip, WAHYUNI.nip, 1, "as_expected", "as_expected"),
    Evaluated(SECOND_SUPERIOR.nip, WAHYUNI.nip, 2, "below", "as_expected"),
    Evaluated(SECOND_SUPERIOR.nip, WAHYUNI.nip, 3, "as_expected", "as_expected"),
    Evaluated(SECOND_SUPERIOR.nip, IRFAN.nip, 1, "below", "as_expected"),
    Evaluated(SECOND_SUPERIOR.nip, IRFAN.nip, 2, "below", "above"),
    Evaluated(SECOND_SUPERIOR.nip, IRFAN.nip, 3, "below", "as_expected"),
)
NOTES = {
    "above": "Melampaui ekspektasi: layanan tuntas sebelum tenggat",
    "as_expected": "Pemohon merasa terbantu",
    "below": "Perlu lebih cepat menindaklanjuti permohonan",
}
# Wahyuni's second quarter, as the Kepala Dinas decided it.
CHANGED_TO = ("as_expected", "as_expected")


def finalised_on(quarter: int) -> str:
    """When the PPK finalised a quarter: early in the month after it."""
    return f"{YEAR}-{quarter * 3 + 1:02d}-05T09:00:00{WIT}"


def _data(spec: Evaluated, result: str, behaviour: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "period_id": period_id("quarterly", spec.quarter),
        "plan_id": plan_id(spec.owner),
        "result_rating": result,
        "behaviour_rating": behaviour,
        "behaviour_notes": {"service": NOTES[behaviour]},
        "item_notes": {},
        "predikat": predikat(result, behaviour),
        "status": "final" if spec.final else "draft",
    }
    if spec.final:
        data["finalised_at"] = finalised_on(spec.quarter)
    return data


def evaluations() -> list[Write]:
    return [
        Write(
            spec.by,
            "evaluation",
            evaluation_id(spec.owner, spec.quarter),
            spec.owner,
            _data(spec, spec.result, spec.behaviour),
        )
        for spec in EVALUATIONS
    ]


def _objection(owner: str, quarter: int, reason: str) -> tuple[str, dict[str, Any]]:
    data = {
        "evaluation_id": evaluation_id(owner, quarter),
        "reason": reason,
        "filed_at": f"{YEAR}-{quarter * 3 + 1:02d}-12T10:00:00{WIT}",
    }
    return objection_id(owner, quarter), data


def objection_id(owner: str, quarter: int) -> str:
    return demo_id("objection", owner, quarter)


WAITING = _objection(
    EMPLOYEE.nip,
    3,
    "Realisasi pendampingan UMK triwulan III sudah 21 dari 30 pelaku usaha (70 %), dan "
    "rekomendasi teknis diterima tanpa revisi 94 %, di atas target 90 %. Saya mohon rating "
    "hasil kerja ditinjau menjadi di atas ekspektasi. Bukti: laporan triwulan III.",
)
HEARD = _objection(
    WAHYUNI.nip,
    2,
    "Keterlambatan verifikasi LKPM triwulan II disebabkan gangguan sistem OSS selama tiga "
    "minggu (surat BKPM terlampir), bukan kelalaian saya. Setelah sistem pulih seluruh LKPM "
    "terverifikasi sebelum batas waktu.",
)


def objections_filed() -> list[Write]:
    return [
        Write(owner, "objection", oid, owner, data)
        for owner, (oid, data) in ((EMPLOYEE.nip, WAITING), (WAHYUNI.nip, HEARD))
    ]


def hearing() -> list[Write]:
    """The Kepala Dinas changes the ratings under objection (before deciding it)."""
    spec = next(e for e in EVALUATIONS if e.owner == WAHYUNI.nip and e.quarter == 2)
    data = _data(spec, *CHANGED_TO)
    return [Write(HEAD.nip, "evaluation", evaluation_id(WAHYUNI.nip, 2), WAHYUNI.nip, data)]


def decision() -> list[Write]:
    oid, data = HEARD
    decided = {
        **data,
        "decision": {
            "outcome": "changed",
            "note": "Gangguan OSS triwulan II terbukti dari surat BKPM; rating hasil kerja "
            "diubah menjadi sesuai ekspektasi.",
            "result_rating": CHANGED_TO[0],
            "behaviour_rating": CHANGED_TO[1],
            "decided_by": HEAD.nip,
            "decided_at": f"{YEAR}-07-24T14:00:00{WIT}",
        },
    }
    return [Write(HEAD.nip, "objection", oid, WAHYUNI.nip, decided)]
