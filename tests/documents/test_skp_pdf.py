"""The SKP as PDF: every field and row of the BKN 2022 form, read back from the file."""

from __future__ import annotations

import re

import pytest

from client.documents.pdf import skp_pdf_bytes, write_skp_pdf
from client.documents.skp import skp_document
from client.documents.source import DocumentError, MemoryRecords
from domain.vocab import BERAKHLAK_GUIDES, BERAKHLAK_LABELS
from tests.documents import world as w
from tests.documents.pdftext import page_size_mm, pages, text

HEADING = "RENCANA HASIL KERJA ATASAN YANG DIINTERVENSI"


def _skp(**options: object) -> bytes:
    doc = skp_document(MemoryRecords(w.world(**options)), w.RIZAL, w.ANNUAL, today=w.TODAY)  # type: ignore[arg-type]
    return skp_pdf_bytes(doc)


def test_header_names_both_persons_with_grouped_nips() -> None:
    found = text(_skp())
    for expected in (
        "SASARAN KINERJA PEGAWAI",
        "PENDEKATAN HASIL KERJA KUANTITATIF",
        "PEMERINTAH PROVINSI MALUKU UTARA",
        w.OFFICE,
        "PERIODE PENILAIAN: 1 Januari 2026 s.d. 31 Desember 2026",
        "PEGAWAI YANG DINILAI",
        "PEJABAT PENILAI KINERJA",
        # the pegawai
        "Rizal Syamsuddin, S.Kom.",
        "19890114 201503 1 001",
        "Penata Muda Tk. I (III/b)",
        "Analis Perizinan",
        # the pejabat penilai
        "Nurhayati Sangadji, S.H.",
        "19780521 200312 2 004",
        "Pembina (IV/a)",
        "Kepala Bidang Pelayanan Perizinan",
        w.LICENSING,
    ):
        assert expected in found, expected
    for field in ("NAMA", "NIP", "PANGKAT/GOL. RUANG", "JABATAN", "UNIT KERJA"):
        assert found.count(field) >= 2, field


def test_every_result_row_with_the_atasans_rhk_aspect_iki_and_target() -> None:
    found = text(_skp())
    assert "A. UTAMA" in found and "B. TAMBAHAN" in found
    for _kind, parent, rhk, indicators in w.RIZAL_ITEMS:
        assert rhk in found
        if parent:
            assert w.KABID_ITEMS[parent - 1][0] in found
        for indicator in indicators:
            assert indicator["indicator"] in found
    for target in (
        "1.200 berkas",
        "3 hari kerja",
        "90 %",
        "100 %",
        "98,5 %",
        "12 bulan",
        "40 orang",
    ):
        assert target in found, target
    for aspect in ("Kuantitas", "Kualitas", "Waktu"):
        assert aspect in found
    # the rows keep the form's order: RHK, then its indicators with their targets
    first = w.RIZAL_ITEMS[0]
    order = [first[2], "Kuantitas", "Jumlah permohonan izin yang dianalisis", "1.200 berkas"]
    positions = [found.index(part) for part in order]
    assert positions == sorted(positions)


def test_perilaku_kerja_lists_the_seven_values_guides_and_expectations() -> None:
    found = text(_skp())
    for key, label in BERAKHLAK_LABELS.items():
        assert label in found
        for guide in BERAKHLAK_GUIDES[key]:
            assert guide in found, guide
    for expectation in w.EXPECTATIONS.values():
        assert expectation in found
    assert "EKSPEKTASI KHUSUS PIMPINAN" in found


def test_lampiran_and_signatures() -> None:
    found = text(_skp())
    assert "LAMPIRAN SASARAN KINERJA PEGAWAI" in found
    for title in ("DUKUNGAN SUMBER DAYA", "SKEMA PERTANGGUNGJAWABAN", "KONSEKUENSI"):
        assert title in found
    for entries in w.ATTACHMENTS.values():
        for entry in entries:
            assert entry in found
    assert found.count("Sofifi, 12 Oktober 2026") == 2  # after the form and after the lampiran
    assert "Pegawai yang Dinilai," in found and "Pejabat Penilai Kinerja," in found
    assert "NIP 19890114 201503 1 001" in found and "NIP 19780521 200312 2 004" in found


def test_an_approved_skp_is_a4_portrait_and_not_marked() -> None:
    payload = _skp()
    assert payload.startswith(b"%PDF")
    assert page_size_mm(payload) == (210, 297)
    assert "DRAF" not in text(payload)


@pytest.mark.parametrize("status", ["draft", "submitted", "returned"])
def test_an_skp_not_yet_approved_is_marked_draf_on_every_page(status: str) -> None:
    found = pages(_skp(status=status))
    assert len(found) >= 2
    assert all("DRAF" in page for page in found)


def test_fifty_rhk_break_across_pages_with_the_headings_repeated() -> None:
    found = pages(_skp(count=50, status="draft"))
    table_pages = [p for p in found if re.search(r"RHK nomor \d+:", p)]
    assert len(table_pages) >= 3
    for page in table_pages:
        assert HEADING in page and "INDIKATOR KINERJA INDIVIDU" in page and "TARGET" in page
    whole = " ".join(found)
    for n in range(1, 51):
        rhk = f"RHK nomor {n}: layanan perizinan sektor {n} diselesaikan sesuai standar pelayanan"
        assert whole.count(rhk) == 1, n
        assert f"Permohonan sektor {n} yang diselesaikan" in whole
        assert f"{10 * n:,} berkas".replace(",", ".") in whole
    assert whole.count("Rata-rata waktu penyelesaian sektor") == 25
    total = len(found)
    for number in range(1, total + 1):
        assert f"Halaman {number} dari {total}" in found[number - 1]


def test_writes_the_file_it_is_given(tmp_path: object) -> None:
    from pathlib import Path

    target = Path(str(tmp_path)) / "skp.pdf"
    doc = skp_document(MemoryRecords(w.world()), w.RIZAL, w.ANNUAL, today=w.TODAY)
    assert write_skp_pdf(doc, target) == target
    assert "Rizal Syamsuddin" in text(target.read_bytes())


def test_a_quarter_finds_the_annual_skp_and_a_missing_plan_is_said() -> None:
    records = MemoryRecords(w.world())
    doc = skp_document(records, w.RIZAL, w.Q3, today=w.TODAY)
    assert (doc.period_start.isoformat(), doc.period_end.isoformat()) == (
        "2026-01-01",
        "2026-12-31",
    )
    with pytest.raises(DocumentError) as missing:
        skp_document(records, w.SITI, w.ANNUAL, today=w.TODAY)
    assert missing.value.message("en") == f"{w.SITI} has no SKP for Tahun 2026 in the local store."
    assert "tidak memiliki SKP" in missing.value.message("id")


def test_an_rhk_taller_than_a_page_breaks_across_pages_and_loses_no_word() -> None:
    records = w.world()
    words = [f"kata{n:04d}" for n in range(2000 // 9)]  # 2,000 characters, the protocol's limit
    for record in records:
        if record["collection"] == "plan_item" and record["id"] == w.item_id(1):
            record["data"]["text"] = " ".join(words)
            record["data"]["indicators"] = [
                {
                    "aspect": "quantity",
                    "indicator": " ".join(f"iki{i:02d}x{n:03d}" for n in range(180)),
                    "target": i,
                    "unit": "berkas",
                }
                for i in range(20)  # the protocol's most indicators an RHK
            ]
    doc = skp_document(MemoryRecords(records), w.RIZAL, w.ANNUAL, today=w.TODAY)
    found = pages(skp_pdf_bytes(doc))
    table_pages = [p for p in found if "iki" in p or "kata" in p]
    assert len(table_pages) >= 4
    assert all(HEADING in page and page.count(HEADING) == 1 for page in table_pages)
    tokens = " ".join(found).split()
    for word in words:
        assert tokens.count(word) == 1, word
    for i in range(20):
        assert sum(t.startswith(f"iki{i:02d}x") for t in tokens) == 180
