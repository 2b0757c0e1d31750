"""The Konflik screen on a local store: snapshots in both themes, choosing
field by field, and the one choice of an edit against a delete."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from store.records import record_key
from tests.tui.test_year_world import (
    ANNUAL,
    FEEDBACK_1,
    PPK,
    Host,
    profile,
    screen_text,
    seed_conflict,
    seed_feedback,
    seed_rejected,
)
from tui.screens.conflicts.screen import ConflictsScreen
from tui.texts import review_ as _
from tui.themes import ANSI, DEFAULT


def _office(tmp_path: Path) -> Any:
    services = profile(tmp_path, PPK)
    seed_feedback(services.store)
    seed_conflict(services.store)
    seed_rejected(services.store)
    # as the server returns it: our clashing push listed in the record's conflicts
    key = record_key("feedback", FEEDBACK_1)
    with services.store.transaction() as tx:
        record = dict(tx.get("records", key))
        (ours,) = record["local_conflict"]["mutation_ids"]
        mine = {"mutation_id": ours, "by": PPK, "at": record["updated_at"], "deleted": False}
        record["conflicts"] = [{**mine, "data": record["data"]}]
        tx.put("records", key, record)
    return services


@pytest.mark.parametrize("theme", [DEFAULT, ANSI])
def test_snapshot_a_conflict_side_by_side(snap_compare: Any, tmp_path: Path, theme: str) -> None:
    app = Host(lambda: ConflictsScreen(_office(tmp_path)), theme=theme)
    assert snap_compare(app, press=["tab"])


@pytest.mark.parametrize("theme", [DEFAULT, ANSI])
def test_snapshot_a_rejected_change(snap_compare: Any, tmp_path: Path, theme: str) -> None:
    app = Host(lambda: ConflictsScreen(_office(tmp_path)), theme=theme)
    assert snap_compare(app, press=["shift+tab", "right"])


async def test_taking_theirs_keeps_the_merged_field_and_queues_the_resolution(
    tmp_path: Path,
) -> None:
    services = _office(tmp_path)
    app = Host(lambda: ConflictsScreen(services))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert screen.check_action("resolve", ()) is False
        await pilot.press("m", "t")  # changed my mind: theirs
        assert _("theirs") in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
    record = services.store.records.get("feedback", FEEDBACK_1)
    assert record["local_conflict"] is None
    assert record["data"]["text"] == "Target berkas hampir tercapai."
    assert record["data"]["period_id"] == ANNUAL  # merged by itself from their side
    (queued,) = [e for e in services.store.records.outbox() if e["id"] == FEEDBACK_1]
    assert queued["base_rev"] == 2
    assert queued["data"] == record["data"]


async def test_an_edit_against_a_delete_is_settled_as_a_whole(tmp_path: Path) -> None:
    services = _office(tmp_path)
    key = record_key("feedback", FEEDBACK_1)
    with services.store.transaction() as tx:
        record = tx.get("records", key)
        record["local_conflict"] = {
            **record["local_conflict"],
            "deleted": True,
            "data": {},
            "fields": {"mine": [], "theirs": [], "clashes": []},
        }
        tx.put("records", key, record)
    app = Host(lambda: ConflictsScreen(services))
    async with app.run_test(size=(80, 24)) as pilot:
        assert _("The whole record") in screen_text(app)
        await pilot.press("t", "r")
        await pilot.pause()
    settled = services.store.records.get("feedback", FEEDBACK_1)
    assert settled["deleted"] is True
    (queued,) = [e for e in services.store.records.outbox() if e["id"] == FEEDBACK_1]
    assert queued["op"] == "delete"
