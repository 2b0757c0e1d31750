"""Where a team's predikat stand against the distribution curve (SE MenPANRB 3/2023).

The unit's predikat kinerja organisasi bounds how its employees' predikat
may be spread (domain.md). The percentages are (unconfirmed) in domain.md,
so the rules are DATA, ``CURVE_RULES``, and every function takes ``rules=``
to use another table (e.g. one read from an instansi's settings).

The check only warns: it tells a PPK before finalising where the spread
stands and how far off it is; it never changes anyone's predikat.

How each kind of rule is read:

- ``at_most`` / ``at_least`` with a ``percent``: the share of the team with
  one of the rule's predikat, compared exactly (no rounding), so "at most
  70 %" of 5 people allows 3, and "at least 10 %" of 3 people needs 1.
- ``at_least`` with a ``count``: "at least one Butuh Perbaikan or
  Kurang/Misconduct" is a head count.
- ``most``: the rule's predikat form the plurality: no other single predikat
  has more people. A tie counts as most; read strictly, a team of two could
  never meet "Sangat Baik for most, at most 70 %".
- ``none``: nobody has the rule's predikat.

A breach's ``by`` is the fewest people whose predikat would have to differ
for that one rule to hold (each rule on its own; meeting one may break
another). An empty team breaks nothing.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from domain.errors import ValidationError
from domain.messages import Issue, render
from domain.vocab import ORG_RATING_LABELS, PREDIKAT_LABELS, PREDIKATS, Predikat

RuleKind = Literal["at_most", "at_least", "most", "none"]


@dataclass(frozen=True, slots=True)
class Rule:
    """One bound on a team's predikat; a ``percent`` or a ``count`` limit for the at_ kinds."""

    id: str
    kind: RuleKind
    predikats: tuple[Predikat, ...]
    percent: int | float | None = None
    count: int | None = None

    def __post_init__(self) -> None:
        limits = (self.percent is not None) + (self.count is not None)
        if limits != (1 if self.kind in ("at_most", "at_least") else 0):
            raise ValueError(f"curve rule {self.id}: {self.kind} takes exactly one limit")
        if not self.predikats or not set(self.predikats) <= set(PREDIKATS):
            raise ValueError(f"curve rule {self.id}: unknown predikat in {self.predikats}")

    @property
    def limit(self) -> int | float | None:
        return self.percent if self.percent is not None else self.count

    def describe(self, lang: str = "id") -> str:
        joiner = " or " if lang.startswith("en") else " atau "
        names = joiner.join(PREDIKAT_LABELS[p] for p in self.predikats)
        code = f"curve_{self.kind}"
        if self.kind in ("at_most", "at_least"):
            code += "_percent" if self.percent is not None else "_count"
        return render(code, {"limit": self.limit, "predikats": names}, lang)


CURVE_RULES: Mapping[str, tuple[Rule, ...]] = {
    "outstanding": (
        Rule("outstanding.very_good_most", "most", ("very_good",)),
        Rule("outstanding.very_good_at_most", "at_most", ("very_good",), percent=70),
    ),
    "good": (
        Rule("good.good_most", "most", ("good",)),
        Rule("good.good_at_most", "at_most", ("good",), percent=70),
        Rule("good.low_at_least_one", "at_least", ("needs_improvement", "poor"), count=1),
    ),
    "needs_improvement": (
        Rule("needs_improvement.at_least", "at_least", ("needs_improvement",), percent=60),
        Rule("needs_improvement.very_good_at_most", "at_most", ("very_good",), percent=10),
    ),
    "poor": (
        Rule("poor.at_least", "at_least", ("poor",), percent=60),
        Rule("poor.needs_improvement_at_least", "at_least", ("needs_improvement",), percent=10),
        Rule("poor.very_good_at_most", "at_most", ("very_good",), percent=10),
    ),
    "very_poor": (
        Rule("very_poor.at_least", "at_least", ("very_poor",), percent=60),
        Rule("very_poor.next_at_least", "at_least", ("poor", "needs_improvement"), percent=10),
        Rule("very_poor.no_very_good", "none", ("very_good",)),
    ),
}


@dataclass(frozen=True, slots=True)
class Breach:
    """A rule the team's spread does not meet, and by how many people."""

    org_rating: str
    rule: Rule
    actual: int  # people with one of the rule's predikat
    team_size: int
    by: int  # the fewest people whose predikat would have to differ

    @property
    def rule_id(self) -> str:
        return self.rule.id

    @property
    def kind(self) -> RuleKind:
        return self.rule.kind

    @property
    def predikats(self) -> tuple[Predikat, ...]:
        return self.rule.predikats

    @property
    def limit(self) -> int | float | None:
        return self.rule.limit

    @property
    def percent(self) -> float:
        return 100 * self.actual / self.team_size

    def message(self, lang: str = "id") -> str:
        joiner = " or " if lang.startswith("en") else " atau "
        params = {
            "org": ORG_RATING_LABELS.get(self.org_rating, self.org_rating),  # type: ignore[call-overload]
            "rule": self.rule.describe(lang),
            "actual": self.actual,
            "team": self.team_size,
            "percent": f"{round(self.percent, 1):g}",
            "predikats": joiner.join(PREDIKAT_LABELS[p] for p in self.predikats),
            "by": self.by,
        }
        return render("curve_breach", params, lang)


def spread(predikats: Sequence[str]) -> Mapping[str, int]:
    """How many people have each predikat, every predikat listed (zero included)."""
    _check_predikats(predikats)
    counts = Counter(predikats)
    return {p: counts[p] for p in PREDIKATS}


def _check_predikats(predikats: Sequence[str]) -> None:
    choices = ", ".join(f"{p} ({PREDIKAT_LABELS[p]})" for p in PREDIKATS)
    issues = [
        Issue(f"predikats[{i}]", "choice", {"choices": choices})
        for i, p in enumerate(predikats)
        if p not in PREDIKATS
    ]
    if issues:
        raise ValidationError(issues)


def _moves_for_most(counts: Mapping[str, int], counted: tuple[Predikat, ...]) -> int:
    # Moving someone from the largest other group into the counted set closes
    # the gap by two; greedy from the top is therefore the fewest moves.
    ours = sum(counts[p] for p in counted)
    others = sorted((counts[p] for p in PREDIKATS if p not in counted), reverse=True)
    moves = 0
    while others and others[0] > ours:
        others[0] -= 1
        ours += 1
        moves += 1
        others.sort(reverse=True)
    return moves


def shortfall(rule: Rule, counts: Mapping[str, int]) -> int:
    """The fewest people whose predikat would have to differ for ``rule`` to hold."""
    team = sum(counts.values())
    actual = sum(counts[p] for p in rule.predikats)
    if rule.kind == "none":
        return actual
    if rule.kind == "most":
        return _moves_for_most(counts, rule.predikats)
    if rule.percent is not None:
        share = Fraction(str(rule.percent)) * team / 100
        bound = math.floor(share) if rule.kind == "at_most" else math.ceil(share)
    else:
        bound = rule.count or 0
    return max(0, actual - bound) if rule.kind == "at_most" else max(0, bound - actual)


def check_curve(
    org_rating: str,
    predikats: Sequence[str],
    rules: Mapping[str, tuple[Rule, ...]] = CURVE_RULES,
) -> list[Breach]:
    """The rules of ``org_rating`` that the team's ``predikats`` break (empty: all met)."""
    if org_rating not in rules:
        choices = ", ".join(f"{r} ({ORG_RATING_LABELS.get(r, r)})" for r in rules)  # type: ignore[call-overload]
        raise ValidationError([Issue("org_rating", "choice", {"choices": choices})])
    counts = spread(predikats)
    if not predikats:
        return []
    breaches = []
    for rule in rules[org_rating]:
        by = shortfall(rule, counts)
        if by:
            actual = sum(counts[p] for p in rule.predikats)
            breaches.append(Breach(org_rating, rule, actual, len(predikats), by))
    return breaches
