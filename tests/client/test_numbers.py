"""Numbers in and out (client/numbers.py): the decimal comma in Indonesian,
the point in English, a typed number read back as it was typed."""

from __future__ import annotations

import pytest

from client.evaluation import realisasi_text, target_text
from client.numbers import format_number, parse_number


@pytest.mark.parametrize(
    ("typed", "read"),
    [("97,5", 97.5), ("97.5", 97.5), ("120", 120), ("0,25", 0.25), ("", None), ("lima", "lima")],
)
def test_typed_numbers_are_read_with_either_mark(typed: str, read: object) -> None:
    assert parse_number(typed) == read


@pytest.mark.parametrize(
    ("value", "lang", "shown"),
    [
        (97.5, "id", "97,5"),
        (97.5, "en", "97.5"),
        (120, "id", "120"),
        (3.0, "id", "3"),
        (0.1 + 0.2, "id", "0,3"),
        (None, "id", ""),
    ],
)
def test_numbers_are_shown_with_the_mark_of_the_language(
    value: object, lang: str, shown: str
) -> None:
    assert format_number(value, lang) == shown


@pytest.mark.parametrize("typed", ["97,5", "2,25", "1200", "0,5"])
def test_what_is_typed_in_indonesian_comes_back_as_typed(typed: str) -> None:
    assert format_number(parse_number(typed), "id") == typed


def test_the_ppk_reads_the_realisasi_as_the_employee_typed_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    progress = {"data": {"values": [parse_number("97,5")]}}
    indicator = {"target": 95.5, "unit": "%"}
    monkeypatch.setenv("KINERJA_LANG", "id")
    assert realisasi_text(progress, 0, indicator) == "97,5 %"
    assert target_text(indicator) == "95,5 %"
    monkeypatch.setenv("KINERJA_LANG", "en")
    assert realisasi_text(progress, 0, indicator) == "97.5 %"
