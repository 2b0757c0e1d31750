"""Valid data for each collection (protocol.md's data table), to vary per test."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

BERAKHLAK = (
    "service",
    "accountable",
    "competent",
    "harmonious",
    "loyal",
    "adaptive",
    "collaborative",
)


def new_id() -> str:
    return str(uuid.uuid4())


def instant(days_ago: float = 0) -> str:
    return (datetime.now(UTC) - timedelta(days=days_ago)).isoformat()


def period() -> dict[str, Any]:
    return {
        "name": "Tahunan 2026",
        "kind": "annual",
        "year": 2026,
        "start": "2026-01-01",
        "end": "2026-12-31",
        "fill_deadline": "2026-01-31",
    }


def plan(period_id: str, ppk_nip: str, status: str = "draft", **changes: Any) -> dict[str, Any]:
    data = {
        "period_id": period_id,
        "ppk_nip": ppk_nip,
        "approach": "quantitative",
        "status": status,
        "return_note": None,
        "expectations": {value: "" for value in BERAKHLAK},
        "attachments": {"resources": [], "accountability": [], "consequences": []},
    }
    return {**data, **changes}


def plan_item(
    plan_id: str, text: str = "Permohonan masyarakat diselesaikan tepat waktu"
) -> dict[str, Any]:
    return {
        "plan_id": plan_id,
        "kind": "main",
        "parent_item_id": None,
        "text": text,
        "indicators": [
            {
                "aspect": "quantity",
                "indicator": "Berkas selesai",
                "target": 120,
                "unit": "berkas",
                "target_text": None,
            }
        ],
    }


def progress(plan_item_id: str, period_id: str) -> dict[str, Any]:
    return {
        "plan_item_id": plan_item_id,
        "period_id": period_id,
        "values": [30],
        "note": None,
        "evidence": [{"label": "Laporan", "url": "https://arsip.example/1"}],
    }


def feedback(text: str = "Pertahankan kecepatan layanan.") -> dict[str, Any]:
    return {"period_id": None, "plan_item_id": None, "text": text, "acknowledged_at": None}


def evaluation(
    period_id: str, plan_id: str, *, final_days_ago: float | None = None
) -> dict[str, Any]:
    return {
        "period_id": period_id,
        "plan_id": plan_id,
        "result_rating": "as_expected",
        "behaviour_rating": "as_expected",
        "behaviour_notes": {},
        "item_notes": {},
        "predikat": "good",
        "status": "draft" if final_days_ago is None else "final",
        "finalised_at": None if final_days_ago is None else instant(final_days_ago),
    }


def objection(evaluation_id: str) -> dict[str, Any]:
    return {
        "evaluation_id": evaluation_id,
        "reason": "Realisasi triwulan IV belum dihitung.",
        "filed_at": instant(),
        "decision": None,
    }


def decision(by: str) -> dict[str, Any]:
    return {
        "outcome": "upheld",
        "note": "Penilaian sudah sesuai bukti dukung.",
        "result_rating": None,
        "behaviour_rating": None,
        "decided_by": by,
        "decided_at": instant(),
    }


def training(title: str = "Pelatihan Pelayanan Publik", jp: float = 20) -> dict[str, Any]:
    return {
        "title": title,
        "path": "classical",
        "jp": jp,
        "start": "2026-03-01",
        "end": "2026-03-03",
        "organiser": "BPSDM Maluku Utara",
        "certificate": None,
    }


def follow_up() -> dict[str, Any]:
    return {
        "kind": "development",
        "description": "Ikut pelatihan analisis data.",
        "start": "2026-04-01",
        "due": None,
        "status": "open",
        "evaluation_id": None,
        "steps": [],
        "level": None,
    }
