"""A conflict made by two clients, settled in the Konflik screen with keys.

The PPK changes the same umpan balik on a laptop and on the office
computer while both are offline: the laptop moves it to the annual period
and rewords it, the office rewords it differently. The laptop syncs first;
the office's push conflicts, the period merges by itself and the text is
asked about. The PPK edits the text on the office computer, sends the
resolution, and the server and both computers end with the same record.
"""

from __future__ import annotations

from pathlib import Path

from tests.support.live_server import LiveServer
from tests.tui.test_year_world import ANNUAL, PPK, Q1, STAFF, Device, Host, live_bidang, screen_text
from tui.screens.conflicts.screen import ConflictsScreen
from tui.texts import review_ as _

FEEDBACK = "00000000-0000-4000-8000-0000000e0001"


async def test_a_conflict_between_two_computers_is_settled_field_by_field(
    live_server: LiveServer, tmp_path: Path
) -> None:
    laptop = live_bidang(live_server, tmp_path)["ppk"]
    laptop.sync()
    laptop.edit("feedback", FEEDBACK, {"text": "Awal", "period_id": Q1}, STAFF)
    laptop.sync()
    office = Device(tmp_path / "office", live_server, PPK)
    office.sync()

    laptop.edit("feedback", FEEDBACK, {"text": "Versi laptop", "period_id": ANNUAL}, STAFF)
    office.edit("feedback", FEEDBACK, {"text": "Versi kantor", "period_id": Q1}, STAFF)
    laptop.sync()
    report = office.sync()
    assert report.conflicts == 1
    assert office.get("feedback", FEEDBACK)["local_conflict"]["fields"]["clashes"] == ["text"]

    app = Host(lambda: ConflictsScreen(office.services))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        shown = screen_text(app)
        assert "Versi kantor | Versi laptop" in shown
        assert _("merged (theirs)") in shown and _("choose: m / t / e") in shown
        assert screen.check_action("resolve", ()) is False
        await pilot.press("tab", "down", "e", "end")  # the text row: edit it by hand
        for key in [" ", *"dan", " ", *"laptop"]:
            await pilot.press("space" if key == " " else key)
        await pilot.press("enter")
        assert screen.check_action("resolve", ()) is True
        await pilot.press("r")
        await pilot.pause()
        assert _("No conflicts: everything you changed reached the server.") in screen_text(app)

    settled = {"text": "Versi kantor dan laptop", "period_id": ANNUAL}
    office.sync()
    laptop.sync()
    on_server = live_server.record_of("feedback", id=FEEDBACK)
    assert on_server["data"] == settled
    assert on_server["conflicts"] == []
    for device in (laptop, office):
        record = device.get("feedback", FEEDBACK)
        assert record["data"] == settled
        assert record["local_conflict"] is None
        assert record["rev"] == on_server["rev"]
        assert device.store.records.outbox() == []
