"""The Konflik screen on the computer whose version the server kept.

FEEDBACK_2 came back from the server with two other pushes beside it: the
screen lists it, shows the newest push as theirs and says how many clashed,
and the resolution settles every one of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from store.records import record_key
from sync.choices import waiting
from tests.tui.test_year_world import (
    FEEDBACK_2,
    PPK,
    Q1,
    STAFF,
    Host,
    profile,
    screen_text,
    seed_feedback,
)
from tui.screens.conflicts.screen import ConflictsScreen
from tui.texts import review_ as _
from tui.themes import DEFAULT

OLDER = "Bahas kendala arsip."
NEWER = "Bahas kendala verifikasi berkas."


def _clash(mutation_id: str, text: str, at: str) -> dict[str, Any]:
    return {
        "mutation_id": mutation_id,
        "by": STAFF,
        "at": at,
        "deleted": False,
        "data": {"period_id": Q1, "text": text},
    }


def _kept(tmp_path: Path) -> Any:
    services = profile(tmp_path, PPK)
    seed_feedback(services.store)
    key = record_key("feedback", FEEDBACK_2)
    with services.store.transaction() as tx:
        record = dict(tx.get("records", key))
        record["conflicts"] = [
            _clash("m-older", OLDER, "2026-03-26T08:00:00+09:00"),
            _clash("m-newer", NEWER, "2026-03-26T09:30:00+09:00"),
        ]
        tx.put("records", key, record)
    return services


def test_snapshot_the_kept_side_of_a_conflict(snap_compare: Any, tmp_path: Path) -> None:
    app = Host(lambda: ConflictsScreen(_kept(tmp_path)), theme=DEFAULT)
    assert snap_compare(app, press=["tab"])


@pytest.mark.parametrize("side", ["mine", "theirs"])
async def test_settling_the_kept_side_resolves_every_clash(tmp_path: Path, side: str) -> None:
    services = _kept(tmp_path)
    mine = services.store.records.get("feedback", FEEDBACK_2)["data"]
    assert waiting(services.store).conflicts == 1
    app = Host(lambda: ConflictsScreen(services))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        shown = screen_text(app)
        note = _("{n} changes clashed with the version the server kept; the newest is shown.")
        assert note.format(n=2) in shown
        assert NEWER[:10] in shown and screen.check_action("resolve", ()) is False
        await pilot.press("tab", "m" if side == "mine" else "t", "r")
        await pilot.pause()
        assert _("No conflicts: everything you changed reached the server.") in screen_text(app)
    expected = mine if side == "mine" else {"period_id": Q1, "text": NEWER}
    record = services.store.records.get("feedback", FEEDBACK_2)
    assert record["data"] == expected
    (queued,) = services.store.records.outbox()
    assert queued["base_rev"] == record["rev"] == 1
    assert queued["resolves"] == ["m-older", "m-newer"]
    assert queued["data"] == expected
    assert waiting(services.store).conflicts == 0
