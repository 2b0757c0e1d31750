"""The predikat kinerja pegawai from the two ratings (the "kuadran kinerja").

The matrix is the one of domain.md (PermenPANRB 6/2022): rows are the rating
hasil kerja, columns the rating perilaku kerja. This is the one place it is
written down; validation, the server and the screens all ask here.
"""

from __future__ import annotations

from collections.abc import Mapping

from domain.credit_points import credit_percent
from domain.errors import ValidationError
from domain.messages import Issue
from domain.vocab import RATING_LABELS, RATINGS, Predikat, Rating

MATRIX: Mapping[tuple[Rating, Rating], Predikat] = {
    # (hasil kerja, perilaku kerja): predikat
    ("above", "below"): "poor",
    ("above", "as_expected"): "good",
    ("above", "above"): "very_good",
    ("as_expected", "below"): "poor",
    ("as_expected", "as_expected"): "good",
    ("as_expected", "above"): "good",
    ("below", "below"): "very_poor",
    ("below", "as_expected"): "needs_improvement",
    ("below", "above"): "needs_improvement",
}

_CHOICES = ", ".join(f"{key} ({RATING_LABELS[key]})" for key in RATINGS)


def predikat(result_rating: str, behaviour_rating: str) -> Predikat:
    """The predikat for a rating hasil kerja and a rating perilaku kerja.

    Raises ``ValidationError`` naming each rating that is not one of the three.
    """
    issues = [
        Issue(field, "choice", {"choices": _CHOICES})
        for field, value in (
            ("result_rating", result_rating),
            ("behaviour_rating", behaviour_rating),
        )
        if value not in RATINGS
    ]
    if issues:
        raise ValidationError(issues)
    return MATRIX[(result_rating, behaviour_rating)]  # type: ignore[index]


# Functional staff earn this share of their annual credit-point coefficient
# (angka kredit) for each predikat: data, in credit_points.toml.
CREDIT_PERCENT: Mapping[Predikat, int] = credit_percent()  # type: ignore[assignment]

# A predikat this low should lead to a development plan (domain.md,
# "Competence development"): Butuh Perbaikan or worse.
NEEDS_DEVELOPMENT: frozenset[Predikat] = frozenset({"needs_improvement", "poor", "very_poor"})
