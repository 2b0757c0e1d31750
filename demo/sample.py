"""The demo's year at DPMPTSP, as the writes its people make over the protocol.

``sample_phases()`` lists the year in steps; each step's writes depend only on
earlier steps (a plan before its approval, an evaluation before the objection
to it), so the seed sends one batch per author and step (demo/server.py):

1. the BKD admin opens the 2026 periods, completes the units (heads, ratings),
   records a Plt and a newcomer's orientation (demo/administration.py);
2. everyone but the newcomer drafts an SKP with RHK and indicators;
3. most submit it;
4. their PPK approves or returns it, and writes the Ekspektasi Khusus Pimpinan;
5. realisasi on the approved ones, and people record their training;
6. umpan balik, and the evaluations of each quarter (demo/evaluations.py);
7. umpan balik read, objections filed, follow-ups recorded (demo/development.py);
8. the atasan PPK hears an objection and changes the ratings;
9. and decides it.

Each write is made as its author, so the server's permission rules apply.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from demo import administration
from demo.development import follow_ups, trainings
from demo.evaluations import decision, evaluations, hearing, objections_filed
from demo.ids import REFERENCE_DAY, WIT, YEAR, Write, demo_id, item_id, period_id, plan_id, unit_id
from demo.office import EMPLOYEE, HEAD, SECOND_SUPERIOR, STAFF, SUPERIOR
from demo.plans import PLANS, PlanSpec

__all__ = [
    "YEAR",
    "Write",
    "demo_id",
    "item_id",
    "period_id",
    "plan_id",
    "sample_phases",
    "sample_writes",
]

# Realisasi per quarter, as a share of each indicator's yearly target.
PROGRESS_SHARE = {1: 0.2, 2: 0.45, 3: 0.7}


def _plan_data(spec: PlanSpec, status: str, *, by_ppk: bool = False) -> dict[str, Any]:
    """The plan as its owner writes it, or as its PPK does: only the PPK writes
    the Ekspektasi Khusus Pimpinan (domain.permissions)."""
    data: dict[str, Any] = {
        "period_id": period_id("annual"),
        "ppk_nip": spec.ppk,
        "approach": spec.approach,
        "status": status,
        "expectations": dict(spec.expectations) if by_ppk else {},
        "attachments": {
            "resources": ["Aplikasi OSS RBA", "Ruang layanan PTSP"],
            "accountability": ["Laporan bulanan kepada atasan langsung"],
            "consequences": ["Sesuai ketentuan penilaian kinerja pegawai"],
        },
    }
    if status == "returned" and spec.return_note:
        data["return_note"] = spec.return_note
    return data


def _plans() -> tuple[list[Write], list[Write], list[Write]]:
    """The drafts (plan and RHK), the submissions, and the PPK's word on each."""
    drafts: list[Write] = []
    submitted: list[Write] = []
    decided: list[Write] = []
    for spec in PLANS:
        pid = plan_id(spec.owner)
        drafts.append(Write(spec.owner, "plan", pid, spec.owner, _plan_data(spec, "draft")))
        for item in spec.items:
            item_data: dict[str, Any] = {
                "plan_id": pid,
                "kind": item.kind,
                "text": item.text,
                "indicators": item.indicators,
            }
            if item.parent:
                item_data["parent_item_id"] = item_id(item.parent)
            drafts.append(Write(spec.owner, "plan_item", item_id(item.key), spec.owner, item_data))
        if spec.status != "draft":
            submitted.append(
                Write(spec.owner, "plan", pid, spec.owner, _plan_data(spec, "submitted"))
            )
        # The PPK's word comes last: the decision, or the expectations alone.
        if spec.status in ("approved", "returned") or spec.expectations:
            ppk_data = _plan_data(spec, spec.status, by_ppk=True)
            decided.append(Write(spec.ppk, "plan", pid, spec.owner, ppk_data))
    return drafts, submitted, decided


def _progress() -> list[Write]:
    writes = []
    for spec in PLANS:
        if spec.status != "approved":
            continue
        for item in spec.items:
            for quarter, share in PROGRESS_SHARE.items():
                values = [
                    round(ind["target"] * share)
                    if ind.get("aspect") != "time" and "target" in ind
                    else ind.get("target")
                    for ind in item.indicators
                ]
                writes.append(
                    Write(
                        spec.owner,
                        "progress",
                        demo_id("progress", item.key, quarter),
                        spec.owner,
                        {
                            "plan_item_id": item_id(item.key),
                            "period_id": period_id("quarterly", quarter),
                            "values": values,
                            "note": f"Realisasi sampai akhir Triwulan {quarter}",
                            "evidence": [
                                {
                                    "label": f"Laporan Triwulan {quarter}",
                                    "url": f"https://arsip.dpmptsp.example/{YEAR}/tw{quarter}/{item.key}.pdf",
                                }
                            ],
                        },
                    )
                )
    return writes


FEEDBACK = [
    (
        SUPERIOR.nip,
        EMPLOYEE.nip,
        "rizal-analysis",
        "Waktu analisis sudah baik; pertahankan pencatatan di OSS.",
        f"{YEAR}-07-14T10:00:00{WIT}",
    ),
    (
        SUPERIOR.nip,
        EMPLOYEE.nip,
        "rizal-mentoring",
        "Pendampingan UMK perlu dipercepat menjelang akhir tahun.",
        None,
    ),
    (
        HEAD.nip,
        SUPERIOR.nip,
        "sup-speed",
        "Indeks kepuasan triwulan III naik; bagikan praktik baiknya ke bidang lain.",
        None,
    ),
    (
        SECOND_SUPERIOR.nip,
        STAFF[4].nip,
        "hendra-projects",
        "Fasilitasi proyek perikanan di Halmahera Selatan sudah tepat.",
        f"{YEAR}-08-03T09:15:00{WIT}",
    ),
]


def _feedback(*, acknowledged: bool) -> list[Write]:
    """The umpan balik as its PPK gives it, or as its owner marks it read."""
    writes = []
    for giver, owner, key, text, read_at in FEEDBACK:
        data = {"period_id": period_id("quarterly", 3), "plan_item_id": item_id(key), "text": text}
        if not acknowledged:
            writes.append(Write(giver, "feedback", demo_id("feedback", key), owner, data))
        elif read_at:
            data["acknowledged_at"] = read_at
            writes.append(Write(owner, "feedback", demo_id("feedback", key), owner, data))
    return writes


def sample_phases(
    *, today: date = REFERENCE_DAY, units: Mapping[str, str] | None = None
) -> list[list[Write]]:
    """The year's writes, step by step (see above). ``today`` places the Plt's
    dates; ``units`` are the server's unit ids by name (the offline ones if None)."""
    ids = units if units is not None else {name: unit_id(name) for name in administration.UNITS}
    drafts, submitted, decided = _plans()
    return [
        [
            *administration.periods(),
            *administration.units(ids),
            *administration.acting(today),
            *trainings(by_admin=True),
        ],
        drafts,
        submitted,
        decided,
        [*_progress(), *trainings(by_admin=False)],
        [*_feedback(acknowledged=False), *evaluations()],
        [*_feedback(acknowledged=True), *objections_filed(), *follow_ups()],
        hearing(),
        decision(),
    ]


def sample_writes(
    *, today: date = REFERENCE_DAY, units: Mapping[str, str] | None = None
) -> list[Write]:
    """Every write of the demo's year, in the order the people make them."""
    return [write for phase in sample_phases(today=today, units=units) for write in phase]
