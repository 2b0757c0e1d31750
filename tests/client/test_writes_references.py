"""The client's one write path asks the reference rules the server applies, before saving."""

from __future__ import annotations

from pathlib import Path

from client.services import Services
from client.writes import Issues, Saved, Write, save
from tests.tui.test_year_world import (
    ANNUAL,
    ITEM_1,
    ITEMS,
    OWNER_PLAN_DATA,
    STAFF,
    profile,
    put_pulled,
)

DRAFT = "00000000-0000-4000-8000-0000000b0099"


def _draft_world(home: Path) -> Services:
    staff = profile(home, STAFF)
    put_pulled(staff.store, "plan", DRAFT, STAFF, {**OWNER_PLAN_DATA, "status": "draft"})
    return staff


def test_an_rhk_of_an_approved_skp_is_not_moved_to_a_draft(tmp_path: Path) -> None:
    staff = _draft_world(tmp_path)
    item = dict(ITEMS[0][1], plan_id=DRAFT)
    before = staff.store.records.get("plan_item", ITEM_1)
    result = save(staff, Write("plan_item", ITEM_1, STAFF, item))
    assert isinstance(result, Issues)
    assert "plan_id" in result.fields
    assert staff.store.records.get("plan_item", ITEM_1) == before  # nothing stored
    assert staff.store.records.outbox() == []


def test_realisasi_needs_one_value_per_indicator(tmp_path: Path) -> None:
    staff = _draft_world(tmp_path)
    indicators = ITEMS[0][1]["indicators"]
    progress = {
        "plan_item_id": ITEM_1,
        "period_id": ANNUAL,
        "values": [1] * (len(indicators) + 1),
        "note": None,
        "evidence": [],
    }
    write = Write("progress", "00000000-0000-4000-8000-0000000c0099", STAFF, progress)
    result = save(staff, write)
    assert isinstance(result, Issues) and "values" in result.fields
    progress["values"] = [1] * len(indicators)
    assert isinstance(save(staff, write), Saved)


def test_a_plan_naming_a_period_the_store_lacks_is_refused(tmp_path: Path) -> None:
    staff = _draft_world(tmp_path)
    data = {
        **OWNER_PLAN_DATA,
        "status": "draft",
        "period_id": "00000000-0000-4000-8000-00000000dead",
    }
    write = Write("plan", "00000000-0000-4000-8000-0000000b0098", STAFF, data)
    result = save(staff, write)
    assert isinstance(result, Issues) and "period_id" in result.fields
