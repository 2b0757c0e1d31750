"""A bidang of a Sofifi office as records, for the documents' tests and samples.

Fictional people with valid NIPs; ids are fixed so documents repeat. The
records are envelopes as a sync pulls them (protocol.md). ``world()`` is the
office; ``with_plan_of(n)`` gives the staff member an SKP of ``n`` RHK.
"""

from __future__ import annotations

from datetime import date
from typing import Any

TODAY = date(2026, 10, 12)
KADIS = "197003121996031002"
KABID = "197805212003122004"
RIZAL = "198901142015031001"
SITI = "199206302019022003"
AHMAD = "198704112011011002"
HASNAH = "199311252020122001"
YUSUF = "199008172018011001"
DINAS = "00000000-0000-4000-8000-00000000d001"
BIDANG = "00000000-0000-4000-8000-00000000d002"
ANNUAL = "00000000-0000-4000-8000-0000000a2026"
Q3 = "00000000-0000-4000-8000-0000000a2063"
KABID_PLAN = "00000000-0000-4000-8000-0000000b0001"
RIZAL_PLAN = "00000000-0000-4000-8000-0000000b0002"
OFFICE = "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Provinsi Maluku Utara"
LICENSING = "Bidang Pelayanan Perizinan"


def record(
    collection: str, record_id: str, owner: str | None, data: dict[str, Any], n: int = 0
) -> dict[str, Any]:
    """An envelope as a sync pulls it; ``n`` orders ``created_at`` (the order written)."""
    stamp = f"2026-01-{5 + n // 1440:02d}T{(n // 60) % 24:02d}:{n % 60:02d}:00+09:00"
    return {
        "collection": collection,
        "id": record_id,
        "rev": 1,
        "seq": n + 1,
        "deleted": False,
        "owner": owner,
        "created_by": owner,
        "created_at": stamp,
        "updated_by": owner,
        "updated_at": stamp,
        "conflicts": [],
        "data": data,
    }


def item_id(n: int, owner: str = RIZAL) -> str:
    return f"00000000-0000-4000-8000-{owner[-4:]}{n:08d}"


PEOPLE = (
    (KADIS, "Drs. Rahmat Hasan, M.Si.", "Pembina Utama Muda (IV/c)", "Kepala Dinas", DINAS, None),
    (
        KABID,
        "Nurhayati Sangadji, S.H.",
        "Pembina (IV/a)",
        "Kepala Bidang Pelayanan Perizinan",
        BIDANG,
        KADIS,
    ),
    (
        RIZAL,
        "Rizal Syamsuddin, S.Kom.",
        "Penata Muda Tk. I (III/b)",
        "Analis Perizinan",
        BIDANG,
        KABID,
    ),
    (
        SITI,
        "Siti Marasabessy, S.E.",
        "Penata Muda (III/a)",
        "Verifikator Berkas Perizinan",
        BIDANG,
        KABID,
    ),
    (AHMAD, "Ahmad Tuasikal, S.T.", "Penata (III/c)", "Penelaah Teknis Kebijakan", BIDANG, KABID),
    (
        HASNAH,
        "Hasnah Duwila, A.Md.",
        "Pengatur (II/c)",
        "Pengadministrasi Perkantoran",
        BIDANG,
        KABID,
    ),
    (
        YUSUF,
        "Yusuf Kaboli, S.Sos.",
        "Penata Muda (III/a)",
        "Pengelola Layanan Operasional",
        BIDANG,
        KABID,
    ),
)

EXPECTATIONS = {
    "service": "Ramah dan tuntas melayani pemohon di loket maupun daring",
    "accountable": "Setiap berkas tercatat dan dapat ditelusuri di OSS",
    "competent": "Menguasai ketentuan perizinan berbasis risiko",
    "collaborative": "Berkoordinasi dengan dinas teknis untuk rekomendasi",
}
ATTACHMENTS = {
    "resources": ["Aplikasi OSS RBA", "Ruang layanan PTSP", "Anggaran sosialisasi DPA 2026"],
    "accountability": ["Laporan bulanan kepada atasan langsung", "Rekap OSS per triwulan"],
    "consequences": ["Sesuai ketentuan penilaian kinerja pegawai (PP 30/2019)"],
}


def _ind(aspect: str, indicator: str, target: float, unit: str) -> dict[str, Any]:
    return {"aspect": aspect, "indicator": indicator, "target": target, "unit": unit}


KABID_ITEMS = (
    (
        "Meningkatnya kecepatan pelayanan perizinan berusaha",
        [_ind("time", "Rata-rata waktu penyelesaian izin", 3, "hari kerja")],
    ),
    (
        "Terselesaikannya permohonan perizinan sesuai standar pelayanan",
        [_ind("quantity", "Permohonan diselesaikan sesuai SOP", 95, "%")],
    ),
)

RIZAL_ITEMS = (
    (
        "main",
        1,
        "Permohonan masyarakat diselesaikan tepat waktu",
        [
            _ind("quantity", "Jumlah permohonan izin yang dianalisis", 1200, "berkas"),
            _ind("time", "Rata-rata waktu penyelesaian permohonan", 3, "hari kerja"),
            _ind("quality", "Persentase analisis tanpa koreksi atasan", 90, "%"),
        ],
    ),
    (
        "main",
        2,
        "Semua berkas selesai dalam jangka waktu yang ditentukan",
        [_ind("quantity", "Berkas perizinan lengkap dan terarsip", 100, "%")],
    ),
    (
        "main",
        2,
        "Data perizinan di OSS RBA mutakhir dan dapat dipertanggungjawabkan",
        [
            _ind("quality", "Kesesuaian data OSS dengan berkas fisik", 98.5, "%"),
            _ind("time", "Pemutakhiran data setiap bulan", 12, "bulan"),
        ],
    ),
    (
        "additional",
        None,
        "Terlaksananya pendampingan pelaku UMK dalam pengurusan NIB",
        [_ind("quantity", "Pelaku UMK yang didampingi", 40, "orang")],
    ),
)


def _people() -> list[dict[str, Any]]:
    return [
        record(
            "employee",
            nip,
            nip,
            {
                "nip": nip,
                "name": name,
                "kind": "PNS",
                "rank": rank,
                "position": position,
                "unit_id": unit,
                "roles": [],
                "active": True,
                **({"atasan_nip": atasan} if atasan else {}),
            },
        )
        for nip, name, rank, position, unit, atasan in PEOPLE
    ]


def _frame(org_rating: str | None) -> list[dict[str, Any]]:
    ratings = {ANNUAL: org_rating, Q3: org_rating} if org_rating else {}
    return [
        record("unit", DINAS, None, {"name": OFFICE, "head_nip": KADIS, "ratings": {}}),
        record(
            "unit",
            BIDANG,
            None,
            {"name": LICENSING, "parent_id": DINAS, "head_nip": KABID, "ratings": ratings},
        ),
        record(
            "period",
            ANNUAL,
            None,
            {
                "name": "Tahun 2026",
                "kind": "annual",
                "year": 2026,
                "start": "2026-01-01",
                "end": "2026-12-31",
            },
        ),
        record(
            "period",
            Q3,
            None,
            {
                "name": "Triwulan III 2026",
                "kind": "quarterly",
                "year": 2026,
                "start": "2026-07-01",
                "end": "2026-09-30",
            },
        ),
    ]


def plan_data(ppk: str, status: str, expectations: dict[str, str] | None = None) -> dict[str, Any]:
    return {
        "period_id": ANNUAL,
        "ppk_nip": ppk,
        "approach": "quantitative",
        "status": status,
        "expectations": dict(EXPECTATIONS if expectations is None else expectations),
        "attachments": ATTACHMENTS,
    }


def _kabid_plan() -> list[dict[str, Any]]:
    found = [record("plan", KABID_PLAN, KABID, plan_data(KADIS, "approved", {}))]
    for n, (text, indicators) in enumerate(KABID_ITEMS, start=1):
        data = {"plan_id": KABID_PLAN, "kind": "main", "text": text, "indicators": indicators}
        found.append(record("plan_item", item_id(n, KABID), KABID, data, n))
    return found


def _rizal_items(count: int | None) -> list[tuple[str, int | None, str, list[dict[str, Any]]]]:
    if count is None:
        return [tuple(i) for i in RIZAL_ITEMS]  # type: ignore[misc]
    items = []
    for n in range(1, count + 1):
        kind = "main" if n <= count - 5 else "additional"
        text = f"RHK nomor {n}: layanan perizinan sektor {n} diselesaikan sesuai standar pelayanan"
        indicators = [
            _ind("quantity", f"Permohonan sektor {n} yang diselesaikan", 10 * n, "berkas"),
            _ind("time", f"Rata-rata waktu penyelesaian sektor {n}", 3, "hari kerja"),
        ][: 1 + n % 2]
        items.append((kind, 1 + n % 2, text, indicators))
    return items


def rizal_plan(status: str = "approved", count: int | None = None) -> list[dict[str, Any]]:
    found = [record("plan", RIZAL_PLAN, RIZAL, plan_data(KABID, status))]
    for n, (kind, parent, text, indicators) in enumerate(_rizal_items(count), start=1):
        data: dict[str, Any] = {
            "plan_id": RIZAL_PLAN,
            "kind": kind,
            "text": text,
            "indicators": indicators,
        }
        if parent:
            data["parent_item_id"] = item_id(parent, KABID)
        found.append(record("plan_item", item_id(n), RIZAL, data, 100 + n))
    return found


def _q3_work() -> list[dict[str, Any]]:
    values = {1: [870, 2.6, 92], 2: [100], 3: [98.7, 9], 4: [31]}
    found = []
    for n, vals in values.items():
        data = {
            "plan_item_id": item_id(n),
            "period_id": Q3,
            "values": vals,
            "note": "Realisasi sampai akhir Triwulan III",
            "evidence": [
                {
                    "label": "Laporan Triwulan III",
                    "url": f"https://arsip.dpmptsp.example/2026/tw3/{n}.pdf",
                },
                {
                    "label": "Rekap OSS",
                    "blob": {
                        "sha256": "ab" * 32,
                        "name": f"rekap-oss-{n}.xlsx",
                        "size": 20480,
                        "type": "application/vnd.ms-excel",
                    },
                },
            ],
        }
        found.append(
            record("progress", f"00000000-0000-4000-8000-00000000f{n:03d}", RIZAL, data, 300 + n)
        )
    found.append(
        record(
            "feedback",
            "00000000-0000-4000-8000-00000000fb01",
            RIZAL,
            {
                "period_id": Q3,
                "plan_item_id": item_id(1),
                "text": "Waktu analisis sudah baik; pertahankan pencatatan di OSS.",
            },
            400,
        )
    )
    return found


EVALUATIONS = (
    # owner, result, behaviour, predikat, status
    (RIZAL, "above", "as_expected", "good", "final"),
    (SITI, "as_expected", "as_expected", "good", "final"),
    (AHMAD, "above", "above", "very_good", "final"),
    (HASNAH, "below", "as_expected", "needs_improvement", "draft"),
)


def _evaluations() -> list[dict[str, Any]]:
    found = []
    for n, (owner, result, behaviour, predikat, status) in enumerate(EVALUATIONS):
        data: dict[str, Any] = {
            "period_id": Q3,
            "plan_id": RIZAL_PLAN if owner == RIZAL else f"plan-of-{owner}",
            "result_rating": result,
            "behaviour_rating": behaviour,
            "behaviour_notes": {
                "service": "Pemohon merasa terbantu; keluhan ditangani di hari yang sama",
                "collaborative": "Aktif berkoordinasi dengan dinas teknis",
            },
            "item_notes": {item_id(1): "Capaian triwulan III di atas target proporsional"}
            if owner == RIZAL
            else {},
            "predikat": predikat,
            "status": status,
        }
        if status == "final":
            data["finalised_at"] = "2026-10-05T09:00:00+09:00"
        found.append(
            record("evaluation", f"00000000-0000-4000-8000-0000000e{n:04d}", owner, data, 500 + n)
        )
    return found


def world(
    *, status: str = "approved", count: int | None = None, org_rating: str | None = "good"
) -> list[dict[str, Any]]:
    """The office: people, units, periods, both SKPs, realisasi, umpan balik, evaluations."""
    return [
        *_people(),
        *_frame(org_rating),
        *_kabid_plan(),
        *rizal_plan(status, count),
        *_q3_work(),
        *_evaluations(),
    ]
