"""Valid data for every collection, and the people of a small office chart."""

from __future__ import annotations

import copy
from typing import Any

STAFF = "198609262015051001"  # born 1986-09-26, CPNS 2015-05, male
PPK = "197503102000122002"  # the staff member's atasan, female
ATASAN_PPK = "196805051990031003"  # the PPK's atasan
ADMIN = "198001012005011004"  # the HR office
STRANGER = "199001152019031005"  # in another unit

CHART = {STAFF: PPK, PPK: ATASAN_PPK, STRANGER: ADMIN}

UNIT_ID = "6f1c2a3b-0d4e-4f50-8a61-7b2c3d4e5f60"
PERIOD_ID = "7a2b3c4d-1e2f-4a3b-9c4d-5e6f7a8b9c0d"
PLAN_ID = "8b3c4d5e-2f3a-4b4c-8d5e-6f7a8b9c0d1e"
ITEM_ID = "9c4d5e6f-3a4b-4c5d-9e6f-7a8b9c0d1e2f"
EVALUATION_ID = "0d5e6f7a-4b5c-4d6e-8f7a-8b9c0d1e2f3a"

_VALID: dict[str, dict[str, Any]] = {
    "employee": {
        "nip": STAFF,
        "name": "Rahmat Abdullah",
        "kind": "PNS",
        "rank": "Penata Muda (III/a)",
        "position": "Analis Kepegawaian",
        "unit_id": UNIT_ID,
        "atasan_nip": PPK,
        "roles": [],
        "active": True,
    },
    "unit": {
        "name": "Bidang Pelayanan Perizinan",
        "parent_id": None,
        "head_nip": PPK,
        "ratings": {PERIOD_ID: "good"},
    },
    "period": {
        "name": "Tahun 2026",
        "kind": "annual",
        "year": 2026,
        "start": "2026-01-01",
        "end": "2026-12-31",
        "fill_deadline": "2026-01-31",
    },
    "plan": {
        "period_id": PERIOD_ID,
        "ppk_nip": PPK,
        "approach": "quantitative",
        "status": "draft",
        "return_note": None,
        "expectations": {},  # the PPK writes them (protocol 2)
        "attachments": {"resources": ["Laptop"], "accountability": [], "consequences": []},
    },
    "plan_item": {
        "plan_id": PLAN_ID,
        "kind": "main",
        "parent_item_id": None,
        "text": "Permohonan masyarakat diselesaikan tepat waktu",
        "indicators": [
            {
                "aspect": "time",
                "indicator": "Rata-rata waktu penyelesaian permohonan",
                "target": 3,
                "unit": "hari kerja",
                "target_text": None,
            }
        ],
    },
    "progress": {
        "plan_item_id": ITEM_ID,
        "period_id": PERIOD_ID,
        "values": [2.5],
        "note": "Januari",
        "evidence": [{"label": "Rekap layanan", "url": "https://drive.example/rekap.pdf"}],
    },
    "feedback": {
        "period_id": PERIOD_ID,
        "plan_item_id": ITEM_ID,
        "text": "Pertahankan kecepatan layanan.",
        "acknowledged_at": None,
    },
    "evaluation": {
        "period_id": PERIOD_ID,
        "plan_id": PLAN_ID,
        "result_rating": "above",
        "behaviour_rating": "as_expected",
        "behaviour_notes": {"service": "Ramah"},
        "item_notes": {ITEM_ID: "Tercapai"},
        "predikat": "good",
        "status": "final",
        "finalised_at": "2026-12-20T10:00:00+09:00",
    },
    "objection": {
        "evaluation_id": EVALUATION_ID,
        "reason": "Realisasi bulan Desember belum dihitung.",
        "filed_at": "2026-12-22T08:00:00+09:00",
        "decision": None,
    },
    "training": {
        "title": "Pelatihan Pelayanan Prima",
        "path": "classical",
        "jp": 24,
        "start": "2026-03-02",
        "end": "2026-03-05",
        "organiser": "BPSDM Maluku Utara",
        "certificate": None,
    },
    "follow_up": {
        "kind": "development",
        "description": "Mengikuti pelatihan analisis jabatan",
        "start": "2027-01-10",
        "due": "2027-06-30",
        "status": "open",
        "evaluation_id": EVALUATION_ID,
        "steps": [{"step": "coaching", "date": "2027-01-10", "note": "Pembinaan enam bulan"}],
        "level": None,
    },
    "acting": {
        "nip": STRANGER,
        "for_nip": PPK,
        "kind": "plh",
        "start": "2026-07-01",
        "end": "2026-07-14",
        "decree": "800/123/BKD/2026",
    },
}

DECISION = {
    "outcome": "changed",
    "note": "Realisasi Desember memenuhi target.",
    "result_rating": "above",
    "behaviour_rating": None,
    "decided_by": ATASAN_PPK,
    "decided_at": "2026-12-28T09:00:00+09:00",
}


def valid(collection: str, **changes: Any) -> dict[str, Any]:
    """A fresh valid data dict of ``collection``, with ``changes`` applied."""
    data = copy.deepcopy(_VALID[collection])
    data.update(changes)
    return data


def owner_of(collection: str) -> str | None:
    """The owner of a sample record: nobody for unit and period, the official for acting."""
    if collection == "acting":
        return str(_VALID["acting"]["nip"])
    return None if collection in ("unit", "period") else STAFF
