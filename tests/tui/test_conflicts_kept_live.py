"""A conflict settled on the computer whose version the server kept.

The PPK rewords the same umpan balik on a laptop and on the office computer
while both are offline. The laptop syncs first, so the server keeps its
version; the office's push conflicts. When the laptop syncs again the record
comes back with the office's change beside it, and the PPK settles it there,
in the Konflik screen, taking the office's wording. After a sync of each,
the server and both computers hold that version and no conflict is left:
the office takes the settled version in ``kinerja sync``, or, after the
app's round, when its Konflik screen opens.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sync.choices import waiting
from tests.support.live_server import LiveServer
from tests.sync.commands_helpers import as_json, kinerja
from tests.tui.test_year_world import PPK, Q1, STAFF, Device, Host, live_bidang, screen_text
from tui.screens.conflicts.screen import ConflictsScreen
from tui.texts import review_ as _

FEEDBACK = "00000000-0000-4000-8000-0000000e0002"


@pytest.mark.parametrize("office_syncs_with", ["cli", "app"])
async def test_the_computer_whose_version_was_kept_settles_the_conflict(
    live_server: LiveServer, tmp_path: Path, office_syncs_with: str
) -> None:
    laptop = live_bidang(live_server, tmp_path)["ppk"]
    laptop.sync()
    laptop.edit("feedback", FEEDBACK, {"text": "Awal", "period_id": Q1}, STAFF)
    laptop.sync()
    office = Device(tmp_path / "office", live_server, PPK)
    office.sync()

    laptop.edit("feedback", FEEDBACK, {"text": "Versi laptop", "period_id": Q1}, STAFF)
    office.edit("feedback", FEEDBACK, {"text": "Versi kantor", "period_id": Q1}, STAFF)
    assert laptop.sync().applied == 1
    assert office.sync().conflicts == 1
    laptop.sync()  # the record comes back with the office's push beside it
    kept = laptop.get("feedback", FEEDBACK)
    assert kept["local_conflict"] is None and len(kept["conflicts"]) == 1
    assert waiting(laptop.store).conflicts == 1
    # kinerja sync says a conflict waits for a person: exit 1
    before = kinerja(tmp_path / "ppk", "sync", "--json")
    assert before.returncode == 1, before.stderr
    assert as_json(before)["waiting"]["conflicts"] == 1

    app = Host(lambda: ConflictsScreen(laptop.services))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        shown = screen_text(app)
        assert "Versi laptop | Versi kantor" in shown
        assert _("Their change clashed with the version the server kept.") in shown
        assert screen.check_action("resolve", ()) is False
        await pilot.press("tab", "t")  # the text row: take the office's wording
        assert screen.check_action("resolve", ()) is True
        await pilot.press("r")
        await pilot.pause()
        assert _("No conflicts: everything you changed reached the server.") in screen_text(app)
    assert waiting(laptop.store).conflicts == 0

    settled = {"text": "Versi kantor", "period_id": Q1}
    laptop.sync()
    if office_syncs_with == "cli":
        after = kinerja(tmp_path / "office", "sync", "--json")
        assert after.returncode == 0, after.stdout + after.stderr
        assert as_json(after)["waiting"] == {"pending": 0, "conflicts": 0, "rejected": 0}
    else:
        office.sync()  # the engine's round, as the app's sync worker runs it
        app = Host(lambda: ConflictsScreen(office.services))
        async with app.run_test(size=(80, 24)):
            assert _("No conflicts: everything you changed reached the server.") in screen_text(app)
        office.sync()
    laptop.sync()
    on_server = live_server.record_of("feedback", id=FEEDBACK)
    assert on_server["data"] == settled
    assert on_server["conflicts"] == []
    for device in (laptop, office):
        record = device.get("feedback", FEEDBACK)
        assert record["data"] == settled
        assert record["local_conflict"] is None
        assert record["conflicts"] == []
        assert record["rev"] == on_server["rev"]
        assert device.store.records.outbox() == []
        assert waiting(device.store).conflicts == 0
