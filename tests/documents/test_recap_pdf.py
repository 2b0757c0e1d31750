"""A unit's recapitulation: one row per person, counts per predikat, the curve's check."""

from __future__ import annotations

from client.documents.model import RecapDocument
from client.documents.pdf import recap_pdf_bytes
from client.documents.recap import recap_document
from client.documents.source import MemoryRecords
from domain.curve import CURVE_RULES, check_curve
from tests.documents import world as w
from tests.documents.pdftext import pages, text


def _recap(org_rating: str | None = "good") -> tuple[RecapDocument, bytes]:
    doc = recap_document(
        MemoryRecords(w.world(org_rating=org_rating)), w.BIDANG, w.Q3, today=w.TODAY
    )
    return doc, recap_pdf_bytes(doc)


def test_one_row_per_member_of_the_unit_with_their_predikat() -> None:
    doc, payload = _recap()
    found = text(payload)
    assert [row.name for row in doc.rows] == sorted(
        name for _nip, name, _r, _p, unit, _a in w.PEOPLE if unit == w.BIDANG
    )
    for expected in (
        "REKAPITULASI PREDIKAT KINERJA PEGAWAI",
        "Triwulan III 2026 (1 Juli 2026 s.d. 30 September 2026)",
        "Predikat Kinerja Organisasi Baik",
        "Pegawai dinilai 4 dari 6",
        "Ahmad Tuasikal, S.T. NIP 19870411 201101 1 002 Penelaah Teknis Kebijakan Di Atas Ekspektasi Di Atas Ekspektasi Sangat Baik Final",
        "Rizal Syamsuddin, S.Kom. NIP 19890114 201503 1 001 Analis Perizinan Di Atas Ekspektasi Sesuai Ekspektasi Baik Final",
        "Siti Marasabessy, S.E. NIP 19920630 201902 2 003",
        "Butuh Perbaikan Draf",
        "Belum dinilai",
    ):
        assert expected in found, expected
    assert (
        "Drs. Rahmat Hasan" not in found.split("Sofifi")[0]
    )  # the Kepala Dinas is in another unit


def test_counts_per_predikat_and_their_shares() -> None:
    doc, payload = _recap()
    counts = {c.predikat: (c.count, c.percent) for c in doc.counts}
    assert counts == {
        "Sangat Baik": (1, "25 %"),
        "Baik": (2, "50 %"),
        "Butuh Perbaikan": (1, "25 %"),
        "Kurang/Misconduct": (0, "0 %"),
        "Sangat Kurang": (0, "0 %"),
    }
    found = text(payload)
    for line in (
        "Sangat Baik 1 25 %",
        "Baik 2 50 %",
        "Butuh Perbaikan 1 25 %",
        "Jumlah dinilai 4",
        "Belum dinilai 2",
    ):
        assert line in found, line


def test_the_curve_rule_is_checked_with_domain_curve() -> None:
    doc, payload = _recap("outstanding")
    expected = check_curve("outstanding", ["very_good", "good", "good", "needs_improvement"])
    assert expected  # Sangat Baik is not the largest group
    rules = {r.rule: r for r in doc.rules}
    assert len(rules) == len(CURVE_RULES["outstanding"])
    breach = expected[0]
    assert rules[breach.rule.describe("id")].met is False
    assert rules[breach.rule.describe("id")].detail == breach.message("id")
    found = text(payload)
    assert "KURVA DISTRIBUSI (PREDIKAT ORGANISASI: ISTIMEWA)" in found
    assert breach.message("id") in found
    assert "Sebaran belum memenuhi kurva." in found


def test_a_spread_that_meets_the_curve_says_so() -> None:
    doc, payload = _recap("good")
    assert all(rule.met for rule in doc.rules)
    assert "Sebaran memenuhi kurva." in text(payload)


def test_without_an_organisation_rating_the_curve_is_not_checked() -> None:
    doc, payload = _recap(None)
    assert doc.rules == ()
    assert "Predikat kinerja organisasi belum ditetapkan" in text(payload)


def test_a_recap_with_a_draft_or_a_missing_evaluation_is_marked_and_signed_by_the_head() -> None:
    _doc, payload = _recap()
    found = pages(payload)
    assert all("DRAF" in page for page in found)
    assert (
        "Sofifi, 12 Oktober 2026 Pimpinan Unit Kerja, Nurhayati Sangadji, S.H. NIP 19780521 200312 2 004"
        in " ".join(found)
    )
