"""The SKPs of the demo's office: who plans what, and where the demo leaves each plan.

Every status appears: the demo superior's own SKP is approved by the Kepala
Dinas; of her staff one is approved (with realisasi, umpan balik and
evaluations), one submitted and waiting for her, one returned with a note,
one still a draft, and the newcomer has none yet. In the other bidang three
are approved and one (qualitative) is a draft; its head's own SKP waits for
the Kepala Dinas. The RHK of staff link to the RHK of their atasan that they
serve.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from demo.office import HEAD, SECOND_SUPERIOR, STAFF, SUPERIOR


@dataclass(frozen=True)
class Item:
    key: str
    text: str
    indicators: list[dict[str, Any]]
    kind: str = "main"
    parent: str | None = None  # key of the atasan's item it serves


@dataclass(frozen=True)
class PlanSpec:
    owner: str
    ppk: str
    status: str  # where the demo leaves it
    items: list[Item]
    approach: str = "quantitative"
    return_note: str | None = None
    expectations: dict[str, str] = field(default_factory=dict)


def _ind(aspect: str, indicator: str, target: float, unit: str) -> dict[str, Any]:
    return {"aspect": aspect, "indicator": indicator, "target": target, "unit": unit}


LICENSING_EXPECTATIONS = {
    "service": "Ramah dan tuntas melayani pemohon di loket maupun daring",
    "accountable": "Setiap berkas tercatat dan dapat ditelusuri",
    "collaborative": "Berkoordinasi dengan dinas teknis untuk rekomendasi",
}

PLANS: tuple[PlanSpec, ...] = (
    PlanSpec(
        SUPERIOR.nip,
        HEAD.nip,
        "approved",
        [
            Item(
                "sup-speed",
                "Meningkatnya kecepatan pelayanan perizinan berusaha",
                [
                    _ind("time", "Rata-rata waktu penyelesaian izin", 3, "hari kerja"),
                    _ind(
                        "quality", "Indeks kepuasan masyarakat atas layanan perizinan", 85, "poin"
                    ),
                ],
            ),
            Item(
                "sup-sop",
                "Terselesaikannya permohonan perizinan sesuai standar pelayanan",
                [_ind("quantity", "Permohonan diselesaikan sesuai SOP", 95, "%")],
            ),
            Item(
                "sup-oss",
                "Terlaksananya sosialisasi OSS berbasis risiko kepada pelaku usaha",
                [_ind("quantity", "Kegiatan sosialisasi", 4, "kegiatan")],
                kind="additional",
            ),
        ],
    ),
    PlanSpec(
        SECOND_SUPERIOR.nip,
        HEAD.nip,
        "submitted",
        [
            Item(
                "inv-projects",
                "Meningkatnya realisasi investasi di Provinsi Maluku Utara",
                [_ind("quantity", "Proyek investasi yang difasilitasi", 12, "proyek")],
            ),
            Item(
                "inv-data",
                "Tersedianya data peluang investasi yang mutakhir",
                [_ind("quality", "Data LKPM yang terverifikasi", 90, "%")],
            ),
        ],
    ),
    PlanSpec(
        STAFF[0].nip,  # Rizal: approved, with realisasi, umpan balik and an evaluation
        SUPERIOR.nip,
        "approved",
        [
            Item(
                "rizal-analysis",
                "Permohonan perizinan berusaha dianalisis tepat waktu",
                [
                    _ind("time", "Rata-rata waktu analisis permohonan", 2, "hari kerja"),
                    _ind("quantity", "Permohonan yang dianalisis", 240, "berkas"),
                ],
                parent="sup-speed",
            ),
            Item(
                "rizal-recommendation",
                "Rekomendasi teknis perizinan tersusun sesuai standar",
                [_ind("quality", "Rekomendasi yang diterima tanpa revisi", 90, "%")],
                parent="sup-sop",
            ),
            Item(
                "rizal-mentoring",
                "Pelaku usaha mikro didampingi dalam pengisian OSS",
                [_ind("quantity", "Pelaku usaha yang didampingi", 30, "pelaku usaha")],
                kind="additional",
                parent="sup-oss",
            ),
        ],
        expectations=LICENSING_EXPECTATIONS,
    ),
    PlanSpec(
        STAFF[1].nip,  # Siti: submitted, waiting for the demo superior
        SUPERIOR.nip,
        "submitted",
        [
            Item(
                "siti-verification",
                "Berkas permohonan diverifikasi lengkap dan benar",
                [
                    _ind("quantity", "Berkas yang diverifikasi", 300, "berkas"),
                    _ind("time", "Waktu verifikasi per berkas", 1, "hari kerja"),
                ],
                parent="sup-sop",
            ),
            Item(
                "siti-archive",
                "Arsip digital berkas perizinan tertata",
                [_ind("quality", "Berkas yang terarsip digital", 100, "%")],
                kind="additional",
            ),
        ],
    ),
    PlanSpec(
        STAFF[2].nip,  # Yusuf: returned with a note
        SUPERIOR.nip,
        "returned",
        [
            Item(
                "yusuf-requests",
                "Permohonan masyarakat diselesaikan tepat waktu",
                [_ind("time", "Rata-rata waktu penyelesaian permohonan", 3, "hari kerja")],
                parent="sup-speed",
            ),
        ],
        return_note="Tambahkan indikator kuantitas: jumlah permohonan yang diselesaikan.",
    ),
    PlanSpec(
        STAFF[3].nip,  # Fitriani (PPPK): still a draft
        SUPERIOR.nip,
        "draft",
        [
            Item(
                "fitri-information",
                "Informasi layanan perizinan tersampaikan dengan jelas kepada pemohon",
                [
                    _ind("quantity", "Pemohon yang dilayani", 1200, "orang"),
                    _ind("quality", "Pengaduan yang ditindaklanjuti", 100, "%"),
                ],
            ),
        ],
    ),
    PlanSpec(
        STAFF[4].nip,
        SECOND_SUPERIOR.nip,
        "approved",
        [
            Item(
                "hendra-projects",
                "Proyek investasi prioritas difasilitasi hingga realisasi",
                [_ind("quantity", "Proyek yang difasilitasi", 4, "proyek")],
                parent="inv-projects",
            )
        ],
    ),
    PlanSpec(
        STAFF[5].nip,
        SECOND_SUPERIOR.nip,
        "approved",
        [
            Item(
                "wahyuni-lkpm",
                "Laporan Kegiatan Penanaman Modal (LKPM) diverifikasi tepat waktu",
                [_ind("quantity", "LKPM yang diverifikasi", 150, "laporan")],
                parent="inv-data",
            )
        ],
    ),
    PlanSpec(
        STAFF[6].nip,  # Irfan: approved, then coached (demo/development.py)
        SECOND_SUPERIOR.nip,
        "approved",
        [
            Item(
                "irfan-promotion",
                "Profil peluang investasi daerah tersusun",
                [_ind("quantity", "Profil peluang investasi", 6, "dokumen")],
                parent="inv-projects",
            )
        ],
    ),
    PlanSpec(
        STAFF[7].nip,
        SECOND_SUPERIOR.nip,
        "draft",
        [
            Item(
                "dewi-policy",
                "Kajian kebijakan kemudahan berusaha tersusun",
                [
                    {
                        "aspect": "quality",
                        "indicator": "Naskah kajian kemudahan berusaha",
                        "target_text": "Naskah kajian diterima Kepala Dinas sebagai bahan kebijakan",
                    }
                ],
            )
        ],
        approach="qualitative",
    ),
)
