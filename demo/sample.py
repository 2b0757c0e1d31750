"""The demo's year at DPMPTSP: periods, SKPs in every status, realisasi, umpan balik.

``sample_writes()`` lists, in order, the writes that the sample people make
over the protocol (each as themselves, so the server's permission rules and
seq apply): the BKD admin opens the 2026 periods; everyone drafts an SKP
with RHK and indicators; some submit; their PPK approves or returns;
realisasi is recorded against the approved ones; superiors give umpan balik
and evaluate the third quarter. Ids are fixed (uuid5) so the demo and the
tests that use it repeat exactly.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from demo.office import EMPLOYEE, HEAD, HR_ADMIN, SECOND_SUPERIOR, STAFF, SUPERIOR
from demo.plans import PLANS, PlanSpec

YEAR = 2026
_NAMESPACE = uuid.UUID("5f0b6a52-6f53-4a0e-9d0e-6b696e65726a")
WIT = "+09:00"  # Maluku Utara keeps Waktu Indonesia Timur


def demo_id(*parts: object) -> str:
    return str(uuid.uuid5(_NAMESPACE, "/".join(str(p) for p in parts)))


@dataclass(frozen=True)
class Write:
    """One mutation a sample person pushes: ``by`` signs in and sends it."""

    by: str
    collection: str
    id: str
    owner: str | None
    data: dict[str, Any]


# Realisasi per quarter, as a share of each indicator's yearly target.
PROGRESS_SHARE = {1: 0.2, 2: 0.45, 3: 0.7}


def period_id(kind: str, number: int = 0) -> str:
    return demo_id("period", YEAR, kind, number)


def _periods() -> list[Write]:
    writes = [
        Write(
            HR_ADMIN.nip,
            "period",
            period_id("annual"),
            None,
            {
                "name": f"Tahun {YEAR}",
                "kind": "annual",
                "year": YEAR,
                "start": f"{YEAR}-01-01",
                "end": f"{YEAR}-12-31",
                "fill_deadline": f"{YEAR}-01-31",
            },
        )
    ]
    quarters = (
        ("I", "01-01", "03-31"),
        ("II", "04-01", "06-30"),
        ("III", "07-01", "09-30"),
        ("IV", "10-01", "12-31"),
    )
    for number, (roman, start, end) in enumerate(quarters, start=1):
        writes.append(
            Write(
                HR_ADMIN.nip,
                "period",
                period_id("quarterly", number),
                None,
                {
                    "name": f"Triwulan {roman} {YEAR}",
                    "kind": "quarterly",
                    "year": YEAR,
                    "start": f"{YEAR}-{start}",
                    "end": f"{YEAR}-{end}",
                },
            )
        )
    return writes


def plan_id(owner: str) -> str:
    return demo_id("plan", YEAR, owner)


def item_id(key: str) -> str:
    return demo_id("plan_item", key)


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


def _plans() -> list[Write]:
    drafts: list[Write] = []
    decisions: list[Write] = []
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
            submitted = _plan_data(spec, "submitted")
            decisions.append(Write(spec.owner, "plan", pid, spec.owner, submitted))
        # The PPK's word comes last: the decision, or the expectations alone.
        if spec.status in ("approved", "returned") or spec.expectations:
            ppk_data = _plan_data(spec, spec.status, by_ppk=True)
            decisions.append(Write(spec.ppk, "plan", pid, spec.owner, ppk_data))
    return drafts + decisions


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


def _feedback() -> list[Write]:
    given = [
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
    writes = []
    for giver, owner, key, text, acknowledged in given:
        fid = demo_id("feedback", key)
        data = {"period_id": period_id("quarterly", 3), "plan_item_id": item_id(key), "text": text}
        writes.append(Write(giver, "feedback", fid, owner, data))
        if acknowledged:
            writes.append(
                Write(owner, "feedback", fid, owner, {**data, "acknowledged_at": acknowledged})
            )
    return writes


def _evaluations() -> list[Write]:
    done = [
        (SUPERIOR.nip, EMPLOYEE.nip, 2, "as_expected", "as_expected", "good", "final"),
        (SUPERIOR.nip, EMPLOYEE.nip, 3, "above", "as_expected", "good", "final"),
        (SECOND_SUPERIOR.nip, STAFF[4].nip, 3, "above", "above", "very_good", "final"),
        (SECOND_SUPERIOR.nip, STAFF[5].nip, 3, "as_expected", "as_expected", "good", "draft"),
    ]
    writes = []
    for ppk, owner, quarter, result, behaviour, predikat, status in done:
        data: dict[str, Any] = {
            "period_id": period_id("quarterly", quarter),
            "plan_id": plan_id(owner),
            "result_rating": result,
            "behaviour_rating": behaviour,
            "behaviour_notes": {"service": "Pemohon merasa terbantu"},
            "item_notes": {},
            "predikat": predikat,
            "status": status,
        }
        if status == "final":
            data["finalised_at"] = f"{YEAR}-{quarter * 3 + 1:02d}-05T09:00:00{WIT}"
        writes.append(Write(ppk, "evaluation", demo_id("evaluation", owner, quarter), owner, data))
    return writes


def sample_writes() -> list[Write]:
    """Every write of the demo's year, in the order the people make them."""
    return _periods() + _plans() + _progress() + _feedback() + _evaluations()
