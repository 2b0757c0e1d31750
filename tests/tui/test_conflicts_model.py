"""The field-by-field view of a conflict and the data a settlement pushes."""

from __future__ import annotations

from typing import Any

from client.conflicts import WHOLE_RECORD, Settlement, conflict_view, field_rows


def _record(**extra: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "collection": "feedback",
        "id": "f1",
        "owner": "198609262015051001",
        "updated_by": "me",
        "updated_at": "2026-03-01T10:00:00+09:00",
        "deleted": False,
        "conflicts": [],
        "data": {"text": "mine", "period_id": "p1", "acknowledged_at": "2026-03-02"},
        "base": {"rev": 1, "deleted": False, "data": {"text": "old", "period_id": "p1"}},
        "local_conflict": None,
    }
    record.update(extra)
    return record


def test_fields_changed_by_one_side_merge_and_both_are_asked() -> None:
    rows = {
        row.name: row.status
        for row in field_rows(
            {"a": 1, "b": 1, "c": 1, "d": 1},
            {"a": 2, "b": 1, "c": 3, "d": 1},
            {"a": 1, "b": 2, "c": 4, "d": 1},
        )
    }
    assert rows == {"a": "merged_mine", "b": "merged_theirs", "c": "ask", "d": "same"}


def test_local_conflict_uses_the_sync_engines_field_lists() -> None:
    record = _record(
        local_conflict={
            "rev": 2,
            "deleted": False,
            "data": {"text": "theirs", "period_id": "p1"},
            "by": "them",
            "at": "2026-03-01T11:00:00+09:00",
            "mutation_ids": ["m1"],
            "fields": {"mine": ["acknowledged_at"], "theirs": [], "clashes": ["text"]},
        }
    )
    view = conflict_view(record)
    assert view is not None and view.ours
    assert {r.name: r.status for r in view.rows} == {
        "acknowledged_at": "merged_mine",
        "period_id": "same",
        "text": "ask",
    }
    settlement = Settlement(view)
    assert not settlement.complete
    settlement.choose("text", "theirs")
    assert settlement.complete
    assert settlement.chosen_data() == {
        "text": "theirs",
        "period_id": "p1",
        "acknowledged_at": "2026-03-02",
    }
    settlement.choose("text", "edited", "both of us")
    assert settlement.chosen_data()["text"] == "both of us"


def test_an_edit_against_a_delete_is_one_choice_for_the_whole_record() -> None:
    record = _record(
        local_conflict={"deleted": True, "data": {}, "by": "them", "at": "x", "fields": {}}
    )
    view = conflict_view(record)
    assert view is not None
    settlement = Settlement(view)
    assert settlement.asked == (WHOLE_RECORD,)
    settlement.choose(WHOLE_RECORD, "theirs")
    assert settlement.chosen_data() is None
    settlement.choose(WHOLE_RECORD, "mine")
    assert settlement.chosen_data() == record["data"]


def test_a_record_without_conflict_has_no_view_and_anothers_conflict_is_not_ours() -> None:
    assert conflict_view(_record()) is None
    theirs = _record(
        conflicts=[
            {
                "mutation_id": "m9",
                "by": "them",
                "at": "x",
                "deleted": False,
                "data": {"text": "other", "period_id": "p1"},
            }
        ]
    )
    view = conflict_view(theirs)
    assert view is not None and not view.ours
    assert [r.name for r in view.asked] == ["acknowledged_at", "text"]
