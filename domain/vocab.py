"""The closed vocabularies of the sync contract and their official labels.

The keys are the English words of ``shared/docs/protocol.md`` ("The data of
each collection"); every tuple below is derived from its ``Literal`` type so
the two can never drift apart. The ``*_LABELS`` are the Indonesian terms of
the national forms (``shared/docs/domain.md``): they are official terms, not
translations, so they are shown as they are in both interface languages.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, get_args

Collection = Literal[
    "employee",
    "unit",
    "period",
    "plan",
    "plan_item",
    "progress",
    "feedback",
    "evaluation",
    "objection",
    "training",
    "follow_up",
    "acting",
]
Berakhlak = Literal[
    "service", "accountable", "competent", "harmonious", "loyal", "adaptive", "collaborative"
]
Rating = Literal["above", "as_expected", "below"]
Predikat = Literal["very_good", "good", "needs_improvement", "poor", "very_poor"]
OrgRating = Literal["outstanding", "good", "needs_improvement", "poor", "very_poor"]
PlanStatus = Literal["draft", "submitted", "approved", "returned"]
PeriodKind = Literal["annual", "quarterly", "monthly"]
Aspect = Literal["quantity", "quality", "time", "cost"]
Approach = Literal["quantitative", "qualitative"]
ItemKind = Literal["main", "additional"]
EvaluationStatus = Literal["draft", "final"]
EmployeeKind = Literal["PNS", "PPPK"]
TrainingPath = Literal["education", "classical", "non_classical"]
FollowUpKind = Literal["reward", "coaching", "sanction", "development"]
FollowUpStatus = Literal["open", "done"]
FollowUpStep = Literal[
    "coaching", "competency_test", "reassignment", "temporary_placement", "dismissal"
]
SanctionLevel = Literal["light", "moderate", "severe"]
ObjectionOutcome = Literal["upheld", "changed"]
ActingKind = Literal["plt", "plh"]
AttachmentKind = Literal["resources", "accountability", "consequences"]
Role = Literal["admin"]
Op = Literal["upsert", "delete"]
ResultStatus = Literal["applied", "duplicate", "conflict", "rejected"]
ErrorCode = Literal["invalid", "forbidden", "immutable"]

COLLECTIONS: tuple[Collection, ...] = get_args(Collection)
BERAKHLAK: tuple[Berakhlak, ...] = get_args(Berakhlak)
RATINGS: tuple[Rating, ...] = get_args(Rating)
PREDIKATS: tuple[Predikat, ...] = get_args(Predikat)
ORG_RATINGS: tuple[OrgRating, ...] = get_args(OrgRating)
PLAN_STATUSES: tuple[PlanStatus, ...] = get_args(PlanStatus)
PERIOD_KINDS: tuple[PeriodKind, ...] = get_args(PeriodKind)
ASPECTS: tuple[Aspect, ...] = get_args(Aspect)
APPROACHES: tuple[Approach, ...] = get_args(Approach)
ITEM_KINDS: tuple[ItemKind, ...] = get_args(ItemKind)
EVALUATION_STATUSES: tuple[EvaluationStatus, ...] = get_args(EvaluationStatus)
EMPLOYEE_KINDS: tuple[EmployeeKind, ...] = get_args(EmployeeKind)
TRAINING_PATHS: tuple[TrainingPath, ...] = get_args(TrainingPath)
FOLLOW_UP_KINDS: tuple[FollowUpKind, ...] = get_args(FollowUpKind)
FOLLOW_UP_STATUSES: tuple[FollowUpStatus, ...] = get_args(FollowUpStatus)
FOLLOW_UP_STEPS: tuple[FollowUpStep, ...] = get_args(FollowUpStep)
SANCTION_LEVELS: tuple[SanctionLevel, ...] = get_args(SanctionLevel)
OBJECTION_OUTCOMES: tuple[ObjectionOutcome, ...] = get_args(ObjectionOutcome)
ACTING_KINDS: tuple[ActingKind, ...] = get_args(ActingKind)
ATTACHMENT_KINDS: tuple[AttachmentKind, ...] = get_args(AttachmentKind)
ROLES: tuple[Role, ...] = get_args(Role)
OPS: tuple[Op, ...] = get_args(Op)
RESULT_STATUSES: tuple[ResultStatus, ...] = get_args(ResultStatus)
ERROR_CODES: tuple[ErrorCode, ...] = get_args(ErrorCode)

PREDIKAT_LABELS: Mapping[Predikat, str] = {
    "very_good": "Sangat Baik",
    "good": "Baik",
    "needs_improvement": "Butuh Perbaikan",
    "poor": "Kurang/Misconduct",
    "very_poor": "Sangat Kurang",
}
ORG_RATING_LABELS: Mapping[OrgRating, str] = {
    "outstanding": "Istimewa",
    "good": "Baik",
    "needs_improvement": "Butuh Perbaikan",
    "poor": "Kurang",
    "very_poor": "Sangat Kurang",
}
RATING_LABELS: Mapping[Rating, str] = {
    "above": "Di Atas Ekspektasi",
    "as_expected": "Sesuai Ekspektasi",
    "below": "Di Bawah Ekspektasi",
}
BERAKHLAK_LABELS: Mapping[Berakhlak, str] = {
    "service": "Berorientasi Pelayanan",
    "accountable": "Akuntabel",
    "competent": "Kompeten",
    "harmonious": "Harmonis",
    "loyal": "Loyal",
    "adaptive": "Adaptif",
    "collaborative": "Kolaboratif",
}
BERAKHLAK_GUIDES: Mapping[Berakhlak, tuple[str, ...]] = {
    "service": (
        "memahami dan memenuhi kebutuhan masyarakat",
        "ramah, cekatan, solutif, dan dapat diandalkan",
        "melakukan perbaikan tiada henti",
    ),
    "accountable": (
        "melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan berintegritas tinggi",
        "menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien",
        "tidak menyalahgunakan kewenangan jabatan",
    ),
    "competent": (
        "meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
        "membantu orang lain belajar",
        "melaksanakan tugas dengan kualitas terbaik",
    ),
    "harmonious": (
        "menghargai setiap orang apapun latar belakangnya",
        "suka menolong orang lain",
        "membangun lingkungan kerja yang kondusif",
    ),
    "loyal": (
        "memegang teguh ideologi Pancasila, UUD 1945, setia kepada NKRI serta pemerintahan yang sah",
        "menjaga nama baik sesama ASN, pimpinan, instansi, dan negara",
        "menjaga rahasia jabatan dan negara",
    ),
    "adaptive": (
        "cepat menyesuaikan diri menghadapi perubahan",
        "terus berinovasi dan mengembangkan kreativitas",
        "bertindak proaktif",
    ),
    "collaborative": (
        "memberi kesempatan kepada berbagai pihak untuk berkontribusi",
        "terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
        "menggerakkan pemanfaatan berbagai sumberdaya untuk tujuan bersama",
    ),
}
PLAN_STATUS_LABELS: Mapping[PlanStatus, str] = {
    "draft": "Draf",
    "submitted": "Diajukan",
    "approved": "Disetujui",
    "returned": "Dikembalikan",
}
ASPECT_LABELS: Mapping[Aspect, str] = {
    "quantity": "Kuantitas",
    "quality": "Kualitas",
    "time": "Waktu",
    "cost": "Biaya",
}
APPROACH_LABELS: Mapping[Approach, str] = {
    "quantitative": "Kuantitatif",
    "qualitative": "Kualitatif",
}
ITEM_KIND_LABELS: Mapping[ItemKind, str] = {"main": "Utama", "additional": "Tambahan"}
PERIOD_KIND_LABELS: Mapping[PeriodKind, str] = {
    "annual": "Tahunan",
    "quarterly": "Triwulanan",
    "monthly": "Bulanan",
}
EVALUATION_STATUS_LABELS: Mapping[EvaluationStatus, str] = {"draft": "Draf", "final": "Final"}
TRAINING_PATH_LABELS: Mapping[TrainingPath, str] = {
    "education": "Pendidikan",
    "classical": "Pelatihan Klasikal",
    "non_classical": "Pelatihan Nonklasikal",
}
FOLLOW_UP_KIND_LABELS: Mapping[FollowUpKind, str] = {
    "reward": "Penghargaan",
    "coaching": "Pembinaan",
    "sanction": "Sanksi",
    "development": "Pengembangan Kompetensi",
}
FOLLOW_UP_STATUS_LABELS: Mapping[FollowUpStatus, str] = {"open": "Berjalan", "done": "Selesai"}
# The path of PP 30/2019 Pasal 56-58 for targets not met (domain.md, "Tindak lanjut").
FOLLOW_UP_STEP_LABELS: Mapping[FollowUpStep, str] = {
    "coaching": "Pembinaan",
    "competency_test": "Uji Kompetensi",
    "reassignment": "Penempatan pada Jabatan yang Sesuai",
    "temporary_placement": "Penempatan Sementara",
    "dismissal": "Pemberhentian dengan Hormat",
}
# The levels of discipline of PP 94/2021.
SANCTION_LEVEL_LABELS: Mapping[SanctionLevel, str] = {
    "light": "Hukuman Disiplin Ringan",
    "moderate": "Hukuman Disiplin Sedang",
    "severe": "Hukuman Disiplin Berat",
}
OBJECTION_OUTCOME_LABELS: Mapping[ObjectionOutcome, str] = {
    "upheld": "Penilaian Tetap",
    "changed": "Penilaian Diubah",
}
ACTING_KIND_LABELS: Mapping[ActingKind, str] = {
    "plt": "Pelaksana Tugas (Plt)",
    "plh": "Pelaksana Harian (Plh)",
}
ATTACHMENT_LABELS: Mapping[AttachmentKind, str] = {
    "resources": "Dukungan Sumber Daya",
    "accountability": "Skema Pertanggungjawaban",
    "consequences": "Konsekuensi",
}
COLLECTION_LABELS: Mapping[Collection, str] = {
    "employee": "Pegawai",
    "unit": "Unit Kerja",
    "period": "Periode",
    "plan": "SKP",
    "plan_item": "RHK",
    "progress": "Realisasi",
    "feedback": "Umpan Balik",
    "evaluation": "Penilaian",
    "objection": "Keberatan",
    "training": "Pelatihan",
    "follow_up": "Tindak Lanjut",
    "acting": "Plt/Plh",
}
