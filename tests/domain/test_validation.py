"""The data table of protocol.md: each collection, good and bad, in both languages."""

from __future__ import annotations

from typing import Any

import pytest

from domain.validation import ValidationError, validate_data
from domain.vocab import COLLECTIONS
from tests.domain.samples import DECISION, PERIOD_ID, valid


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_every_sample_is_valid(collection: str) -> None:
    assert validate_data(collection, valid(collection)) == []


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_optional_fields_may_be_absent(collection: str) -> None:
    data = {k: v for k, v in valid(collection).items() if v is not None}
    assert validate_data(collection, data) == []


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_unknown_keys_are_refused(collection: str) -> None:
    (issue,) = validate_data(collection, valid(collection, catatan_lain="x"))
    assert (issue.field, issue.code) == ("catatan_lain", "unknown_field")
    assert '"catatan_lain"' in issue.message("id") and "remove it" in issue.message("en")


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_data_must_be_an_object(collection: str) -> None:
    assert [i.code for i in validate_data(collection, ["not", "an", "object"])] == ["mapping"]  # type: ignore[arg-type]


def test_an_unknown_collection_is_named() -> None:
    (issue,) = validate_data("salary", {})
    assert issue.field == "collection" and "employee" in issue.message("en")


BAD: list[tuple[str, dict[str, Any], str, str, str, str]] = [
    # collection, changes, field, code, words in id, words in en
    ("employee", {"nip": "12345"}, "nip", "nip_length", "NIP harus 18 angka", "NIP must have 18"),
    (
        "employee",
        {"nip": "19860926 201505 1 001"},
        "nip",
        "nip_spaces",
        "tanpa spasi",
        "without spaces",
    ),
    (
        "employee",
        {"nip": "198613262015051001"},
        "nip",
        "nip_birth_month",
        "bulan lahir",
        "birth month",
    ),
    ("employee", {"name": "  "}, "name", "required", "Nama wajib diisi", "Name is required"),
    ("employee", {"roles": ["boss"]}, "roles[0]", "choice", "Peran ke-1", "Roles 1"),
    (
        "employee",
        {"roles": "admin"},
        "roles",
        "list",
        "Peran harus berupa daftar",
        "Roles must be a list",
    ),
    ("employee", {"active": "ya"}, "active", "boolean", "Status aktif", "Active must be yes or no"),
    ("employee", {"kind": "honorer"}, "kind", "choice", "Jenis pegawai", "Employee kind"),
    (
        "employee",
        {"atasan_nip": "1975031020001220"},
        "atasan_nip",
        "nip_length",
        "NIP atasan",
        "Atasan NIP",
    ),
    (
        "employee",
        {"unit_id": None},
        "unit_id",
        "required",
        "Unit Kerja wajib",
        "Unit Kerja (unit) is required",
    ),
    (
        "unit",
        {"ratings": {PERIOD_ID: "great"}},
        f"ratings.{PERIOD_ID}",
        "choice",
        "Istimewa",
        "outstanding",
    ),
    (
        "unit",
        {"ratings": []},
        "ratings",
        "mapping",
        "Predikat kinerja organisasi",
        "Organisation predikat",
    ),
    ("unit", {"head_nip": 1}, "head_nip", "text", "NIP kepala unit", "Unit head NIP"),
    ("period", {"start": "31/01/2026"}, "start", "date", "TTTT-BB-HH", "YYYY-MM-DD"),
    ("period", {"start": "2026-02-30"}, "start", "date", "Tanggal mulai", "Start date"),
    ("period", {"start": "20260101"}, "start", "date", "Tanggal mulai", "Start date"),
    (
        "period",
        {"end": "2025-12-31"},
        "end",
        "date_order",
        "Tanggal selesai tidak boleh sebelum Tanggal mulai (2026-01-01)",
        "End date must not be before Start date",
    ),
    (
        "period",
        {"fill_deadline": "2025-12-01"},
        "fill_deadline",
        "date_order",
        "Batas pengisian",
        "Fill-in deadline",
    ),
    ("period", {"year": "2026"}, "year", "integer", "bilangan bulat", "whole number"),
    ("period", {"year": 2026.5}, "year", "integer", "Tahun", "Year"),
    ("period", {"year": 1800}, "year", "range", "antara 1950 dan 2100", "between 1950 and 2100"),
    ("period", {"kind": "weekly"}, "kind", "choice", "annual (Tahunan)", "annual (Tahunan)"),
    ("plan", {"status": "done"}, "status", "choice", "Disetujui", "approved"),
    (
        "plan",
        {"approach": None},
        "approach",
        "required",
        "Pendekatan wajib",
        "Approach is required",
    ),
    (
        "plan",
        {"ppk_nip": "abc"},
        "ppk_nip",
        "nip_characters",
        "NIP PPK hanya boleh berisi angka",
        "PPK NIP may hold digits only",
    ),
    (
        "plan",
        {"expectations": {"honest": "x"}},
        "expectations.honest",
        "unknown_field",
        "honest",
        "honest",
    ),
    (
        "plan",
        {"expectations": {"loyal": 3}},
        "expectations.loyal",
        "text",
        "Loyal (Ekspektasi Khusus Pimpinan)",
        "Loyal",
    ),
    (
        "plan",
        {"attachments": {"resources": [], "accountability": []}},
        "attachments.consequences",
        "required",
        "Konsekuensi (Lampiran)",
        "Konsekuensi",
    ),
    (
        "plan_item",
        {"indicators": []},
        "indicators",
        "not_empty",
        "Indikator harus berisi paling sedikit satu",
        "Indicator needs at least one",
    ),
    ("plan_item", {"text": None}, "text", "required", "RHK wajib diisi", "RHK is required"),
    ("plan_item", {"kind": "extra"}, "kind", "choice", "Jenis hasil kerja", "Kind of hasil kerja"),
    (
        "progress",
        {"values": ["tiga"]},
        "values[0]",
        "number",
        "Realisasi ke-1 harus berupa angka",
        "Realisasi value 1 must be a number",
    ),
    ("progress", {"values": [float("nan")]}, "values[0]", "number", "angka", "number"),
    (
        "progress",
        {"evidence": [{"label": "Foto"}]},
        "evidence[0].url",
        "required",
        "Tautan bukti (Bukti dukung ke-1) wajib",
        "Evidence link (Evidence 1) is required",
    ),
    (
        "feedback",
        {"acknowledged_at": "2026-12-24"},
        "acknowledged_at",
        "datetime",
        "Waktu dibaca",
        "Acknowledged at",
    ),
    (
        "feedback",
        {"acknowledged_at": "2026-12-24T10:00:00"},
        "acknowledged_at",
        "datetime",
        "zona waktu",
        "offset",
    ),
    (
        "feedback",
        {"text": ""},
        "text",
        "required",
        "Isi umpan balik wajib",
        "Umpan balik text is required",
    ),
    (
        "evaluation",
        {"predikat": "very_good"},
        "predikat",
        "invalid",
        "Predikat harus good (Baik)",
        "Predikat must be good (Baik)",
    ),
    (
        "evaluation",
        {"finalised_at": None},
        "finalised_at",
        "required_when_final",
        "Waktu final wajib",
        "Finalised at is required",
    ),
    (
        "evaluation",
        {"result_rating": "excellent"},
        "result_rating",
        "choice",
        "Di Atas Ekspektasi",
        "Di Atas Ekspektasi",
    ),
    (
        "evaluation",
        {"behaviour_notes": {"kind": "x"}},
        "behaviour_notes.kind",
        "unknown_field",
        "kind",
        "kind",
    ),
    (
        "objection",
        {"filed_at": None},
        "filed_at",
        "required",
        "Waktu pengajuan wajib",
        "Filed at is required",
    ),
    (
        "objection",
        {"decision": dict(DECISION, result_rating=None)},
        "decision.outcome",
        "decision_needs_rating",
        "rating hasil kerja",
        "rating hasil kerja",
    ),
    (
        "objection",
        {"decision": dict(DECISION, decided_by="123")},
        "decision.decided_by",
        "nip_length",
        "NIP pemutus (Keputusan)",
        "Decided-by NIP (Decision)",
    ),
    ("training", {"jp": 0}, "jp", "positive", "JP harus lebih dari 0", "must be more than 0"),
    ("training", {"jp": -4}, "jp", "positive", "JP", "JP"),
    ("training", {"jp": "8"}, "jp", "number", "JP harus berupa angka", "must be a number"),
    ("training", {"jp": True}, "jp", "number", "angka", "number"),
    ("training", {"end": "2026-03-01"}, "end", "date_order", "Tanggal selesai", "End date"),
    ("training", {"path": "online"}, "path", "choice", "Pelatihan Nonklasikal", "non_classical"),
    ("follow_up", {"due": "2026-12-31"}, "due", "date_order", "Tenggat", "Due date"),
    ("follow_up", {"status": "closed"}, "status", "choice", "Selesai", "done"),
]


@pytest.mark.parametrize(("collection", "changes", "field", "code", "words_id", "words_en"), BAD)
def test_bad_values_are_named_and_explained(
    collection: str, changes: dict[str, Any], field: str, code: str, words_id: str, words_en: str
) -> None:
    issues = validate_data(collection, valid(collection, **changes))
    assert [(i.field, i.code) for i in issues] == [(field, code)]
    assert words_id in issues[0].message("id")
    assert words_en in issues[0].message("en")


def test_the_example_message_of_the_brief() -> None:
    data = valid("plan_item")
    data["indicators"][0]["target"] = "120 berkas"
    (issue,) = validate_data("plan_item", data)
    assert issue.field == "indicators[0].target"
    assert issue.message("id") == (
        "Target (Indikator ke-1) harus berupa angka, misalnya 120. Tulis tanpa huruf."
    )
    assert issue.message("en") == (
        "Target (Indicator 1) must be a number, for example 120. Write it without letters."
    )


def test_every_issue_is_reported_not_just_the_first() -> None:
    issues = validate_data("training", {"title": "", "path": "x", "jp": 0, "start": "kemarin"})
    assert {i.field for i in issues} == {"title", "path", "jp", "start", "end"}


def test_a_pppk_employee_is_checked_by_its_own_layout() -> None:
    pppk = valid("employee", kind="PPPK", nip="199203152023211004")
    assert validate_data("employee", pppk) == []
    assert [i.code for i in validate_data("employee", dict(pppk, kind="PNS"))] == ["nip_tmt_month"]


def test_the_predikat_must_match_every_cell() -> None:
    evaluation = valid("evaluation", result_rating="below", behaviour_rating="below")
    assert [i.code for i in validate_data("evaluation", dict(evaluation, predikat="good"))] == [
        "invalid"
    ]
    assert validate_data("evaluation", dict(evaluation, predikat="very_poor")) == []


def test_a_draft_evaluation_needs_no_finalisation_time() -> None:
    assert validate_data("evaluation", valid("evaluation", status="draft", finalised_at=None)) == []


def test_validation_error_joins_messages_and_is_a_value_error() -> None:
    issues = validate_data("training", valid("training", jp=0, end="2026-01-01"))
    error = ValidationError(issues)
    assert isinstance(error, ValueError)
    assert error.message("id").splitlines() == [i.message("id") for i in issues]
    assert "JP" in str(error)
