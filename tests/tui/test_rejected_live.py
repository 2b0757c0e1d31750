"""A change the server refused, fixed and sent again; and one discarded.

The employee rewords an RHK on a laptop while, on the office computer, the
SKP is submitted: the laptop's change reaches a submitted SKP and the server
refuses it (forbidden). The PPK returns the SKP; the employee finds the
refused change in the Konflik screen's "Ditolak" tab with the server's
reason, fixes the text and sends it again, and the server takes it.
"""

from __future__ import annotations

from pathlib import Path

from client.conflicts import reason_text
from tests.support.live_server import LiveServer
from tests.tui.test_year_world import (
    ITEM_1,
    ITEMS,
    OWNER_PLAN_DATA,
    PLAN,
    PLAN_DATA,
    STAFF,
    Device,
    Host,
    live_bidang,
    profile,
    screen_text,
    type_text,
)
from tui.screens.conflicts.screen import ConflictsScreen

RHK = dict(ITEMS[0][1])


async def test_a_rejected_change_is_fixed_and_sent_again(
    live_server: LiveServer, tmp_path: Path
) -> None:
    devices = live_bidang(live_server, tmp_path)
    office, ppk = devices["staff"], devices["ppk"]
    office.sync()
    office.edit("plan", PLAN, {**OWNER_PLAN_DATA, "status": "draft"}, STAFF)
    office.edit("plan_item", ITEM_1, RHK, STAFF)
    office.sync()
    laptop = Device(tmp_path / "laptop", live_server, STAFF)
    laptop.sync()

    laptop.edit("plan_item", ITEM_1, {**RHK, "text": "Permohonan izin diselesaikn"}, STAFF)
    office.edit("plan", PLAN, {**OWNER_PLAN_DATA, "status": "submitted"}, STAFF)
    office.sync()
    report = laptop.sync()
    assert report.rejected == 1
    refused = laptop.get("plan_item", ITEM_1)["rejected"]
    assert refused["code"] == "forbidden"
    ppk.sync()
    ppk.edit(
        "plan",
        PLAN,
        {**PLAN_DATA, "status": "returned", "return_note": "Lengkapi RHK"},
        STAFF,
    )
    ppk.sync()
    laptop.sync()

    app = Host(lambda: ConflictsScreen(laptop.services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("shift+tab", "right")  # the Ditolak tab
        assert reason_text(refused, "id") in screen_text(app)
        await pilot.press("tab", "tab", "down", "down", "down", "e", "end", "backspace")
        await type_text(pilot, "an tepat waktu")
        await pilot.press("enter", "s")
        await pilot.pause()
        assert app.screen.rejected == []
    fixed = "Permohonan izin diselesaikan tepat waktu"
    assert laptop.get("plan_item", ITEM_1)["rejected"] is None
    laptop.sync()
    assert live_server.record_of("plan_item", id=ITEM_1)["data"]["text"] == fixed
    assert laptop.store.records.outbox() == []


async def test_discarding_a_rejected_change_asks_and_restores_the_servers_version(
    tmp_path: Path,
) -> None:
    services = profile(tmp_path, STAFF)
    server_text = RHK["text"]
    services.store.records.edit("plan_item", ITEM_1, {**RHK, "text": "Salah"}, by=STAFF)
    with services.store.transaction() as tx:
        record = tx.get("records", f"plan_item/{ITEM_1}")
        record["rejected"] = {"mutation_id": record["pending"], "code": "immutable", "message": ""}
        record["pending"] = None
        tx.put("records", f"plan_item/{ITEM_1}", record)
        for key in list(tx.all("outbox")):
            tx.remove("outbox", key)
    app = Host(lambda: ConflictsScreen(services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("shift+tab", "right", "x", "n")
        await pilot.pause()
        assert services.store.records.get("plan_item", ITEM_1)["data"]["text"] == "Salah"
        await pilot.press("x", "y")
        await pilot.pause()
    restored = services.store.records.get("plan_item", ITEM_1)
    assert restored["data"]["text"] == server_text
    assert restored["rejected"] is None
