"""Field-by-field three-way merge."""

from __future__ import annotations

from sync.merge import merge_fields

BASE = {
    "text": "RHK lama",
    "kind": "main",
    "indicators": [{"aspect": "quantity", "indicator": "a"}],
}


def test_different_fields_merge() -> None:
    mine = {**BASE, "text": "RHK baru"}
    theirs = {**BASE, "kind": "additional"}
    merge = merge_fields(BASE, mine, theirs)
    assert merge.clean
    assert merge.merged == {**BASE, "text": "RHK baru", "kind": "additional"}
    assert (merge.mine, merge.theirs) == (["text"], ["kind"])


def test_same_field_changed_differently_clashes_and_keeps_ours() -> None:
    merge = merge_fields(BASE, {**BASE, "text": "A"}, {**BASE, "text": "B"})
    assert not merge.clean
    assert merge.clashes == ["text"]
    assert merge.merged["text"] == "A"


def test_same_change_on_both_sides_is_no_clash() -> None:
    merge = merge_fields(BASE, {**BASE, "text": "A"}, {**BASE, "text": "A"})
    assert merge.clean and merge.merged["text"] == "A"


def test_nested_values_are_one_unit() -> None:
    mine = {**BASE, "indicators": [{"aspect": "quantity", "indicator": "b"}]}
    theirs = {**BASE, "indicators": [{"aspect": "time", "indicator": "a"}]}
    merge = merge_fields(BASE, mine, theirs)
    assert merge.clashes == ["indicators"]


def test_added_and_removed_keys() -> None:
    mine = {k: v for k, v in BASE.items() if k != "kind"}
    theirs = {**BASE, "note": "baru"}
    merge = merge_fields(BASE, mine, theirs)
    assert merge.clean
    assert "kind" not in merge.merged and merge.merged["note"] == "baru"


def test_without_a_base_every_difference_clashes() -> None:
    merge = merge_fields(None, {"text": "A", "kind": "main"}, {"text": "B", "kind": "main"})
    assert merge.clashes == ["text"] and merge.merged["kind"] == "main"
