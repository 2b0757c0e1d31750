"""The distribution curve: rules as data, breaches counted in people."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.curve import CURVE_RULES, Rule, check_curve, shortfall, spread
from domain.validation import ValidationError
from domain.vocab import ORG_RATINGS, PREDIKATS

teams = st.lists(st.sampled_from(PREDIKATS), max_size=8)


def holds(rule: Rule, counts: dict[str, int]) -> bool:
    """The rule read straight from its definition, independently of domain.curve."""
    team = sum(counts.values())
    ours = sum(counts[p] for p in rule.predikats)
    if rule.kind == "none":
        return ours == 0
    if rule.kind == "most":
        return all(ours >= counts[p] for p in PREDIKATS if p not in rule.predikats)
    if rule.percent is not None:
        if rule.kind == "at_most":
            return ours * 100 <= rule.percent * team
        return ours * 100 >= rule.percent * team
    assert rule.count is not None
    return ours <= rule.count if rule.kind == "at_most" else ours >= rule.count


def spreads(size: int) -> Iterator[dict[str, int]]:
    """Every way ``size`` people can be spread over the five predikat."""
    for cut in itertools.combinations(range(size + len(PREDIKATS) - 1), len(PREDIKATS) - 1):
        bounds = (-1, *cut, size + len(PREDIKATS) - 1)
        yield {p: bounds[i + 1] - bounds[i] - 1 for i, p in enumerate(PREDIKATS)}


def fewest_changes(rule: Rule, counts: dict[str, int]) -> int:
    """By brute force: the fewest people to give another predikat so the rule holds."""
    size = sum(counts.values())
    return min(
        size - sum(min(counts[p], other[p]) for p in PREDIKATS)
        for other in spreads(size)
        if holds(rule, other)
    )


def team_of(**counts: int) -> list[str]:
    return [p for p, n in counts.items() for _ in range(n)]


@settings(max_examples=150, deadline=None)
@given(org=st.sampled_from(ORG_RATINGS), team=teams.filter(bool))
def test_by_is_the_fewest_people_to_change(org: str, team: Sequence[str]) -> None:
    counts = dict(spread(team))
    expected = {
        rule.id: fewest_changes(rule, counts)
        for rule in CURVE_RULES[org]
        if not holds(rule, counts)
    }
    assert {b.rule_id: b.by for b in check_curve(org, team)} == expected
    for rule in CURVE_RULES[org]:
        assert shortfall(rule, counts) == fewest_changes(rule, counts)


@pytest.mark.parametrize(
    ("org", "team"),
    [
        ("outstanding", team_of(very_good=7, good=3)),
        ("outstanding", team_of(very_good=1, good=1)),  # a tie is still "most"
        ("good", team_of(good=6, very_good=3, needs_improvement=1)),
        ("good", team_of(good=2, poor=1)),
        ("needs_improvement", team_of(needs_improvement=6, good=3, very_good=1)),
        ("poor", team_of(poor=6, needs_improvement=1, very_good=1, good=2)),
        ("very_poor", team_of(very_poor=6, poor=1, good=3)),
        ("very_poor", team_of(very_poor=3, needs_improvement=1)),
    ],
)
def test_a_spread_in_the_right_shares_passes(org: str, team: list[str]) -> None:
    assert check_curve(org, team) == []


@pytest.mark.parametrize(
    ("org", "team", "rule_id", "by"),
    [
        ("outstanding", team_of(very_good=8, good=2), "outstanding.very_good_at_most", 1),
        ("outstanding", team_of(very_good=2, good=5), "outstanding.very_good_most", 2),
        ("good", team_of(good=10), "good.low_at_least_one", 1),
        (
            "needs_improvement",
            team_of(needs_improvement=5, good=5),
            "needs_improvement.at_least",
            1,
        ),
        ("very_poor", team_of(very_poor=9, very_good=1), "very_poor.no_very_good", 1),
    ],
)
def test_known_breaches(org: str, team: list[str], rule_id: str, by: int) -> None:
    breaches = {b.rule_id: b for b in check_curve(org, team)}
    assert breaches[rule_id].by == by
    assert breaches[rule_id].team_size == len(team)


@settings(max_examples=60, deadline=None)
@given(start=st.integers(min_value=1, max_value=6), others=st.integers(min_value=1, max_value=4))
def test_adding_people_past_an_at_most_limit_breaks_it(start: int, others: int) -> None:
    team = team_of(very_good=start, good=others)
    seen = []
    for _ in range(40):
        team.append("very_good")
        by = {b.rule_id: b.by for b in check_curve("outstanding", team)}
        seen.append(by.get("outstanding.very_good_at_most", 0))
    assert seen[-1] > 0
    assert seen == sorted(seen)  # once past the limit, each newcomer adds to the gap


def test_percentages_come_from_the_rules_table() -> None:
    team = team_of(very_good=8, good=2)
    assert [b.rule_id for b in check_curve("outstanding", team)] == [
        "outstanding.very_good_at_most"
    ]
    generous = {"outstanding": (Rule("custom", "at_most", ("very_good",), percent=80),)}
    assert check_curve("outstanding", team, rules=generous) == []
    strict = {"outstanding": (Rule("custom", "at_most", ("very_good",), percent=50),)}
    assert [b.by for b in check_curve("outstanding", team, rules=strict)] == [3]


@pytest.mark.parametrize("org", ORG_RATINGS)
def test_an_empty_team_breaks_nothing(org: str) -> None:
    assert check_curve(org, []) == []


def test_spread_lists_every_predikat() -> None:
    assert spread(["good", "good", "poor"]) == Counter(good=2, poor=1) | {
        p: 0 for p in PREDIKATS if p not in ("good", "poor")
    }


def test_breach_messages_name_the_rule_and_the_numbers() -> None:
    (breach,) = check_curve("outstanding", team_of(very_good=8, good=2))
    assert breach.percent == 80
    assert breach.limit == 70
    id_text, en_text = breach.message("id"), breach.message("en")
    assert "Istimewa" in id_text and "paling banyak 70 % Sangat Baik" in id_text
    assert "8 dari 10 orang (80 %)" in id_text and "1 orang" in id_text
    assert "at most 70 % Sangat Baik" in en_text and "8 of 10 people (80 %)" in en_text


def test_unknown_org_rating_or_predikat_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        check_curve("excellent", ["good"])
    assert caught.value.issues[0].field == "org_rating"
    with pytest.raises(ValidationError) as caught:
        check_curve("good", ["good", "Baik"])
    assert caught.value.issues[0].field == "predikats[1]"
    assert "Predikat ke-2" in caught.value.message("id")


@pytest.mark.parametrize(
    "make",
    [
        lambda: Rule("r", "at_most", ("good",)),
        lambda: Rule("r", "at_least", ("good",), percent=10, count=1),
        lambda: Rule("r", "none", ("good",), percent=10),
        lambda: Rule("r", "most", ("excellent",)),  # type: ignore[arg-type]
    ],
)
def test_malformed_rules_are_refused(make: object) -> None:
    with pytest.raises(ValueError, match="curve rule r"):
        make()  # type: ignore[operator]
