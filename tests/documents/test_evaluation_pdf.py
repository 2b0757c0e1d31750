"""The evaluation as PDF: the SKP's rows with realisasi and umpan balik, ratings, predikat."""

from __future__ import annotations

from typing import Any

import pytest

from client.documents.evaluation import evaluation_document
from client.documents.pdf import evaluation_pdf_bytes
from client.documents.source import DocumentError, MemoryRecords
from domain.vocab import BERAKHLAK_LABELS
from tests.documents import world as w
from tests.documents.pdftext import page_size_mm, pages, text


def _evaluation(records: list[dict[str, Any]] | None = None, owner: str = w.RIZAL) -> bytes:
    source = MemoryRecords(records if records is not None else w.world())
    return evaluation_pdf_bytes(evaluation_document(source, owner, w.Q3, today=w.TODAY))


def test_header_period_three_persons_and_the_organisation_rating() -> None:
    found = text(_evaluation())
    for expected in (
        "EVALUASI KINERJA PEGAWAI",
        "Triwulan III 2026",
        "1 Juli 2026 s.d. 30 September 2026",
        "Rizal Syamsuddin, S.Kom.",
        "19890114 201503 1 001",
        "Nurhayati Sangadji, S.H.",
        "ATASAN PEJABAT PENILAI KINERJA",
        "Drs. Rahmat Hasan, M.Si.",
        "19700312 199603 1 002",
        "Pembina Utama Muda (IV/c)",
        "CAPAIAN KINERJA ORGANISASI Baik",
    ):
        assert expected in found, expected


def test_rows_carry_realisasi_evidence_and_umpan_balik() -> None:
    found = text(_evaluation())
    assert "REALISASI BERDASARKAN BUKTI DUKUNG" in found
    assert "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG" in found
    for _kind, _parent, rhk, _indicators in w.RIZAL_ITEMS:
        assert rhk in found
    for realisasi in ("870 berkas", "2,6 hari kerja", "92 %", "98,7 %", "9 bulan", "31 orang"):
        assert realisasi in found, realisasi
    assert "Realisasi sampai akhir Triwulan III" in found
    assert "Laporan Triwulan III" in found and "rekap-oss-1.xlsx" in found
    assert "Capaian triwulan III di atas target proporsional" in found  # the PPK's note
    assert "Waktu analisis sudah baik; pertahankan pencatatan di OSS." in found  # feedback


def test_behaviour_feedback_ratings_and_predikat() -> None:
    found = text(_evaluation())
    for label in BERAKHLAK_LABELS.values():
        assert label in found
    assert "Pemohon merasa terbantu; keluhan ditangani di hari yang sama" in found
    assert "Aktif berkoordinasi dengan dinas teknis" in found
    assert "RATING HASIL KERJA Di Atas Ekspektasi" in found
    assert "RATING PERILAKU KERJA Sesuai Ekspektasi" in found
    assert "PREDIKAT KINERJA PEGAWAI Baik" in found


def test_a_final_evaluation_is_dated_when_it_became_final_and_not_marked() -> None:
    payload = _evaluation()
    found = text(payload)
    assert "Sofifi, 5 Oktober 2026" in found
    assert "DRAF" not in found
    assert page_size_mm(payload) == (297, 210)  # landscape: the form has eight columns


def test_a_draft_evaluation_is_marked_on_every_page() -> None:
    records = w.world()
    for record in records:
        if record["collection"] == "evaluation" and record["owner"] == w.RIZAL:
            record["data"] = {**record["data"], "status": "draft"}
            record["data"].pop("finalised_at")
    found = pages(_evaluation(records))
    assert all("DRAF" in page for page in found)
    assert "Status evaluasi: Draf" in found[0]
    assert "Sofifi, 12 Oktober 2026" in " ".join(found)


def test_no_evaluation_is_said() -> None:
    with pytest.raises(DocumentError) as missing:
        _evaluation(owner=w.YUSUF)
    assert "has no evaluation for Triwulan III 2026" in missing.value.message("en")
