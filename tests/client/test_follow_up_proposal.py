"""What follow-up the app proposes for each predikat (domain.md, "Tindak lanjut")."""

from __future__ import annotations

import pytest

from client.follow_up import Proposal, proposal


@pytest.mark.parametrize(
    ("predikat", "expected"),
    [
        ("very_good", Proposal("reward", False)),
        ("good", Proposal(None, False)),
        ("needs_improvement", Proposal("coaching", False)),
        ("poor", Proposal("coaching", True)),
        ("very_poor", Proposal("coaching", False)),
    ],
)
def test_the_kind_follows_the_predikat(predikat: str, expected: Proposal) -> None:
    assert proposal(predikat) == expected
