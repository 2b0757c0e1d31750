"""A staff member links an RHK to the atasan's approved RHK, fetched on demand (protocol 2).

The atasan's SKP is not synced to a subordinate; the RHK editor asks the
real server (GET /records) when opened, and offers only an approved SKP's
RHK.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Select, Static

from client.on_demand import fetch_owned
from sync.local import put_meta
from sync.session import Session, save_session
from tests.support.live_server import LiveServer, mutation
from tests.tui.test_plan_drafts import ProfileHost
from tests.tui.test_plan_flow import SIZE
from tests.tui.test_plan_sync import Person, office
from tests.tui.test_plan_world import (
    ANNUAL,
    KEPALA_DINAS,
    PPK,
    STAFF,
    Host,
    records,
    type_text,
)
from tui.screens.plan import item_editor
from tui.screens.plan.item_editor import ItemEditor
from tui.screens.plan.screen import PlanScreen

ATASAN_PLAN = "00000000-0000-4000-8000-00000000a7a5"
ATASAN_ITEM = "00000000-0000-4000-8000-00000000a7a6"


def atasan_skp(server: LiveServer, status: str) -> None:
    """The PPK's own SKP with one RHK, brought to ``status`` (approved by the Kepala Dinas)."""
    plan: dict[str, Any] = {
        "period_id": ANNUAL,
        "ppk_nip": KEPALA_DINAS,
        "approach": "quantitative",
        "status": "draft",
        "expectations": {},
        "attachments": {"resources": [], "accountability": [], "consequences": []},
    }
    item = {
        "plan_id": ATASAN_PLAN,
        "kind": "main",
        "text": "Layanan perizinan selesai tepat waktu",
        "indicators": [
            {"aspect": "quantity", "indicator": "Izin terbit", "target": 500, "unit": "izin"}
        ],
    }
    ppk = server.token_for(PPK)
    steps = [
        (ppk, [mutation("plan", plan, owner=PPK, id=ATASAN_PLAN)]),
        (ppk, [mutation("plan_item", item, owner=PPK, id=ATASAN_ITEM)]),
    ]
    if status in ("submitted", "approved"):
        submitted = {**plan, "status": "submitted"}
        steps.append((ppk, [mutation("plan", submitted, owner=PPK, id=ATASAN_PLAN, base_rev=1)]))
    if status == "approved":
        approved = {**plan, "status": "approved"}
        boss = server.token_for(KEPALA_DINAS)
        steps.append((boss, [mutation("plan", approved, owner=PPK, id=ATASAN_PLAN, base_rev=2)]))
    for token, batch in steps:
        assert {r["status"] for r in server.push(token, batch)} == {"applied"}


def signed_in_staff(server: LiveServer, home: Path) -> Person:
    staff = Person(server, home, STAFF)
    save_session(home, Session(server.token_for(STAFF), None, STAFF, "Siti Marwah", ()))
    with staff.services.store.transaction() as tx:
        put_meta(tx, "server_url", server.base_url)
    staff.sync()
    return staff


async def open_new_rhk(pilot: Any) -> ItemEditor:
    """A new SKP for the annual period, and the editor of its first RHK."""
    await pilot.press("ctrl+b", "ctrl+s", "ctrl+n")
    editor = pilot.app.screen
    assert isinstance(editor, ItemEditor)
    for worker in [w for w in pilot.app.workers if w.group == "on_demand"]:
        await worker.wait()
    await pilot.pause()
    return editor


async def test_the_atasans_approved_rhk_is_fetched_and_linked(
    live_server: LiveServer, tmp_path: Path
) -> None:
    office(live_server)
    atasan_skp(live_server, "approved")
    staff = signed_in_staff(live_server, tmp_path / "staff")
    assert staff.services.store.records.list("plan", owner=PPK) == []  # not synced to her
    app = Host(lambda: PlanScreen(staff.services))
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_new_rhk(pilot)
        picker = editor.query_one("#parent", Select)
        assert [value for _label, value in picker._options if isinstance(value, str)] == [
            ATASAN_ITEM
        ]
        await type_text(pilot, "Berkas izin diverifikasi")
        picker.value = ATASAN_ITEM
        for field, words in ((".iki", "Berkas diverifikasi"), (".target", "300")):
            editor.query_one(field).focus()
            await type_text(pilot, words)
        await pilot.press("tab")
        await type_text(pilot, "berkas")
        await pilot.press("ctrl+s")
        await pilot.pause()
    linked = [
        r for r in records(staff.services, "plan_item", STAFF) if r["data"].get("parent_item_id")
    ]
    assert [r["data"]["parent_item_id"] for r in linked] == [ATASAN_ITEM]
    assert staff.services.store.records.list("plan", owner=PPK) == []  # shown, not stored


async def test_an_atasan_skp_not_yet_approved_is_not_offered(
    live_server: LiveServer, tmp_path: Path
) -> None:
    office(live_server)
    atasan_skp(live_server, "submitted")
    staff = signed_in_staff(live_server, tmp_path / "staff")
    app = Host(lambda: PlanScreen(staff.services))
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_new_rhk(pilot)
        assert not editor.query("#parent")
        words = str(editor.query_one("#parent-missing", Static).render())
        assert words == "Atasan belum punya SKP yang disetujui untuk periode ini: tautkan nanti."


async def test_the_fetched_picker_is_no_change_of_the_user(
    live_server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def slow_fetch(*args: Any) -> Any:
        time.sleep(0.5)  # a slow link: the picker comes after the form is on screen
        return fetch_owned(*args)

    monkeypatch.setattr(item_editor, "fetch_owned", slow_fetch)
    office(live_server)
    atasan_skp(live_server, "approved")
    staff = signed_in_staff(live_server, tmp_path / "staff")
    app = Host(lambda: PlanScreen(staff.services))
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_new_rhk(pilot)
        assert editor.query("#parent")
        assert not editor.has_changes  # nothing typed: Escape closes at once
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ItemEditor)


async def test_a_drafts_link_waits_for_the_fetched_picker(
    live_server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office(live_server)
    atasan_skp(live_server, "approved")
    home = tmp_path / "staff"
    staff = signed_in_staff(live_server, home)
    app = ProfileHost(lambda: PlanScreen(staff.services), home)
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_new_rhk(pilot)
        await type_text(pilot, "Berkas izin diverifikasi")
        editor.query_one("#parent", Select).value = ATASAN_ITEM
        await pilot.pause(0.8)  # the draft is written; then the session drops

    def slow_fetch(*args: Any) -> Any:
        time.sleep(0.5)  # the draft is back in the fields before the picker comes
        return fetch_owned(*args)

    monkeypatch.setattr(item_editor, "fetch_owned", slow_fetch)
    app = ProfileHost(lambda: PlanScreen(staff.services), home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("y")  # put the draft back
        for worker in [w for w in app.workers if w.group == "on_demand"]:
            await worker.wait()
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, ItemEditor)
        assert editor.query_one("#parent", Select).value == ATASAN_ITEM
        assert editor.has_changes
