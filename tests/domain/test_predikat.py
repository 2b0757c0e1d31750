"""The kuadran kinerja of domain.md, cell by cell."""

from __future__ import annotations

import pytest

from domain.predikat import CREDIT_PERCENT, NEEDS_DEVELOPMENT, predikat
from domain.validation import ValidationError
from domain.vocab import PREDIKATS

# hasil kerja (rows) x perilaku kerja (columns: below, as_expected, above)
MATRIX_OF_DOMAIN_MD = {
    "above": ("poor", "good", "very_good"),
    "as_expected": ("poor", "good", "good"),
    "below": ("very_poor", "needs_improvement", "needs_improvement"),
}
CELLS = [
    (result, behaviour, expected)
    for result, row in MATRIX_OF_DOMAIN_MD.items()
    for behaviour, expected in zip(("below", "as_expected", "above"), row, strict=True)
]


@pytest.mark.parametrize(("result", "behaviour", "expected"), CELLS)
def test_every_cell_of_the_matrix(result: str, behaviour: str, expected: str) -> None:
    assert predikat(result, behaviour) == expected


def test_the_matrix_has_nine_cells() -> None:
    assert len({(r, b) for r, b, _ in CELLS}) == 9


@pytest.mark.parametrize(
    ("result", "behaviour", "bad_fields"),
    [
        ("excellent", "above", ["result_rating"]),
        ("above", "Sesuai Ekspektasi", ["behaviour_rating"]),
        ("", "", ["result_rating", "behaviour_rating"]),
    ],
)
def test_unknown_ratings_are_refused_by_field(
    result: str, behaviour: str, bad_fields: list[str]
) -> None:
    with pytest.raises(ValidationError) as caught:
        predikat(result, behaviour)
    assert [issue.field for issue in caught.value.issues] == bad_fields
    assert "Di Atas Ekspektasi" in caught.value.message("id")
    assert "must be one of" in caught.value.message("en")


def test_credit_points_follow_the_predikat() -> None:
    assert [CREDIT_PERCENT[p] for p in PREDIKATS] == [150, 100, 75, 50, 25]


def test_butuh_perbaikan_or_worse_needs_a_development_plan() -> None:
    assert {p for p in PREDIKATS if p in NEEDS_DEVELOPMENT} == {
        "needs_improvement",
        "poor",
        "very_poor",
    }
