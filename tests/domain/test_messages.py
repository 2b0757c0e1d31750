"""The message catalogue: both languages, the same facts, fields named for people."""

from __future__ import annotations

import string

import pytest

from domain.field_labels import field_label
from domain.messages import CATALOGUE, Issue, render


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_both_languages_carry_the_same_facts(code: str) -> None:
    id_text, en_text = CATALOGUE[code]
    assert placeholders(id_text) == placeholders(en_text)
    params = {name: f"<{name}>" for name in placeholders(id_text) - {"field"}}
    field = "nip" if "field" in placeholders(id_text) else None
    assert render(code, params, "id", field) != render(code, params, "en", field)


@pytest.mark.parametrize(
    ("path", "collection", "id_label", "en_label"),
    [
        ("nip", None, "NIP", "NIP"),
        ("name", None, "Nama", "Name"),
        ("text", "plan_item", "RHK", "RHK"),
        ("text", "feedback", "Isi umpan balik", "Umpan balik text"),
        ("indicators[0].target", "plan_item", "Target (Indikator ke-1)", "Target (Indicator 1)"),
        (
            "data.evidence[2].url",
            "progress",
            "Tautan bukti (Bukti dukung ke-3)",
            "Evidence link (Evidence 3)",
        ),
        (
            "expectations.service",
            "plan",
            "Berorientasi Pelayanan (Ekspektasi Khusus Pimpinan)",
            "Berorientasi Pelayanan (Ekspektasi Khusus Pimpinan (expectations))",
        ),
        (
            "ratings.p-2026",
            "unit",
            "p-2026 (Predikat kinerja organisasi)",
            "p-2026 (Organisation predikat)",
        ),
    ],
)
def test_fields_are_named_by_the_form(
    path: str, collection: str | None, id_label: str, en_label: str
) -> None:
    assert field_label(path, "id", collection) == id_label
    assert field_label(path, "en", collection) == en_label


def test_language_codes_fall_back_to_indonesian() -> None:
    issue = Issue("name", "required", {}, "employee")
    assert issue.message("en_US") == "Name is required; fill it in and save again."
    assert issue.message("id_ID") == issue.message("xx") == issue.message()
    assert issue.message().startswith("Nama wajib diisi")


def test_an_issue_moves_under_a_prefix() -> None:
    issue = Issue("indicators[0].target", "number", {}, "plan_item")
    assert issue.under("data").field == "data.indicators[0].target"
    assert Issue("[1]", "number").under("values").field == "values[1]"
