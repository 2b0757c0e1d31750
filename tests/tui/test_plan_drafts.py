"""The RHK editor's draft survives a crash (tui/widgets/unsaved.py, client/drafts.py).

Its IKI rows come and go as the user works (ctrl+n, ctrl+l), so the draft is
the RHK as typed, rows and all, and the rows are rebuilt from it: restoring
field by field would put values in the wrong rows or give up.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.screen import Screen
from textual.widgets import Input

from client import drafts
from tests.tui.test_plan_world import STAFF, Host, profile, records, type_text
from tui.screens.plan.item_editor import IndicatorRow, ItemEditor
from tui.screens.plan.screen import PlanScreen
from tui.widgets.dialogs import ConfirmDialog

SIZE = (80, 24)


class ProfileHost(Host):
    """The plan screen with a profile folder, where the shell keeps drafts."""

    def __init__(self, make_screen: Callable[[], Screen[Any]], home: Path) -> None:
        super().__init__(make_screen)
        self.home = home


async def type_two_iki_and_crash(home: Path) -> None:
    staff = profile(home, STAFF)
    app = ProfileHost(lambda: PlanScreen(staff), home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+b", "ctrl+s")  # a draft SKP for the annual period
        await pilot.press("ctrl+n")  # a new RHK utama
        await pilot.pause()
        assert isinstance(app.screen, ItemEditor)
        await type_text(pilot, "Izin terbit tepat waktu")
        await pilot.press("tab", "tab")
        await type_text(pilot, "Izin selesai sesuai SOP")
        await pilot.press("tab")
        await type_text(pilot, "12,5")
        await pilot.press("ctrl+n")  # a second IKI row, mounted as the user works
        await pilot.pause()
        await type_text(pilot, "Pemohon puas")
        await pilot.pause(0.8)  # the draft is written half a second after typing
    # The run ends as a killed process would: neither saved nor discarded.


def typed(row: IndicatorRow) -> tuple[str, ...]:
    return tuple(field.value for field in row.query(Input))


async def test_an_rhk_draft_with_an_added_iki_comes_back_row_by_row(tmp_path: Path) -> None:
    await type_two_iki_and_crash(tmp_path)
    [draft] = drafts.waiting(tmp_path)
    assert draft.title == "RHK utama: Izin terbit tepat waktu"
    [kept] = draft.fields
    assert isinstance(kept, dict)
    assert [i["indicator"] for i in kept["indicators"]] == [
        "Izin selesai sesuai SOP",
        "Pemohon puas",
    ]
    assert kept["indicators"][0]["target"] == "12,5"  # as typed, not yet a number

    staff = profile(tmp_path, STAFF, seed=False)
    assert records(staff, "plan_item", STAFF) == []
    app = ProfileHost(lambda: PlanScreen(staff), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, ItemEditor)
        assert editor.query_one("#text", Input).value == "Izin terbit tepat waktu"
        assert [typed(row) for row in editor.rows()] == [
            ("Izin selesai sesuai SOP", "12,5", ""),
            ("Pemohon puas", "", ""),
        ]
        assert editor.has_changes
        await pilot.press("ctrl+l")  # the second IKI goes (the focus is in it)
        await pilot.pause()
        editor.rows()[0].query_one(".unit", Input).value = "izin"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ItemEditor)
    [item] = records(staff, "plan_item", STAFF)
    assert item["data"]["text"] == "Izin terbit tepat waktu"
    assert item["data"]["indicators"] == [
        {
            "aspect": "quantity",
            "indicator": "Izin selesai sesuai SOP",
            "target": 12.5,
            "unit": "izin",
        }
    ]
    assert drafts.waiting(tmp_path) == []  # saved: the draft is gone


async def test_a_draft_of_another_shape_is_dropped_not_forced_in(tmp_path: Path) -> None:
    await type_two_iki_and_crash(tmp_path)
    [draft] = drafts.waiting(tmp_path)
    # As a draft from the old field-order format would look.
    drafts.keep(tmp_path, drafts.Draft(draft.key, draft.title, ["x", "y"], draft.written_at))
    staff = profile(tmp_path, STAFF, seed=False)
    app = ProfileHost(lambda: PlanScreen(staff), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, ItemEditor)
        assert editor.query_one("#text", Input).value == ""
        assert len(editor.rows()) == 1
    assert drafts.waiting(tmp_path) == []
