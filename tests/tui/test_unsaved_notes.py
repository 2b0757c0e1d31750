"""The note dialogs and the conflicts field editor ask before typing is lost.

The PPK's reason for returning an SKP, an evaluation note and a value typed
by hand to settle a conflict are forms like any other: Escape with changes
asks save, discard or stay (tui/widgets/unsaved.py); Escape without
changes closes at once, as before.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.screen import ModalScreen
from textual.widgets import Input, TextArea

from tests.tui.test_plan_flow import as_person, draft_and_submit
from tests.tui.test_plan_world import PPK, STAFF, Host, profile, screen_text, type_text
from tui.screens.plan.screen import PlanScreen
from tui.widgets.dialogs import NoteDialog
from tui.widgets.field_edit import FieldEditDialog
from tui.widgets.unsaved import UnsavedDialog

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_LANG", "id")


class DialogHost(App[None]):
    """Opens one dialog as a screen would and keeps what it is dismissed with."""

    def __init__(self, dialog: ModalScreen[Any]) -> None:
        super().__init__()
        self.dialog = dialog
        self.results: list[object] = []

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.results.append)


async def test_an_evaluation_note_left_with_changes_asks_and_stay_keeps_it() -> None:
    app = DialogHost(NoteDialog("Catatan pada RHK", "Izin terbit tepat waktu", "Baik"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("end")
        await type_text(pilot, " sekali")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog)
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert app.screen is app.dialog
        assert app.dialog.query_one(TextArea).text == "Baik sekali"
        await pilot.press("escape", "s")  # save from the question
        await pilot.pause()
        assert app.results == ["Baik sekali"]


async def test_a_note_left_unchanged_closes_at_once_and_discard_returns_nothing() -> None:
    app = DialogHost(NoteDialog("Catatan pada RHK", note="Baik"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [None]
    app = DialogHost(NoteDialog("Catatan pada RHK", note="Baik"))
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "!")
        await pilot.press("escape", "d")
        await pilot.pause()
        assert app.results == [None]  # discarded: the old note stays as it was


async def test_a_return_note_typed_is_not_lost_by_escape(tmp_path: Path) -> None:
    staff = profile(tmp_path / "office", STAFF)
    async with Host(lambda: PlanScreen(staff)).run_test(size=SIZE) as pilot:
        await draft_and_submit(pilot)
    ppk = as_person(staff, PPK)
    app = Host(lambda: PlanScreen(ppk))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "enter", "ctrl+b")
        await pilot.pause()
        await type_text(pilot, "Lengkapi dukungan sumber daya")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog)
        await pilot.press("s")
        await pilot.pause()
        assert "Dikembalikan" in screen_text(app)
    [plan] = staff.store.records.list("plan", owner=STAFF)
    assert plan["data"]["status"] == "returned"
    assert plan["data"]["return_note"] == "Lengkapi dukungan sumber daya"


async def test_a_value_typed_to_settle_a_conflict_asks_before_it_is_lost() -> None:
    app = DialogHost(FieldEditDialog("Target", 120))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")  # unchanged: closes at once
        await pilot.pause()
        assert app.results == [None]
        app.push_screen(FieldEditDialog("Target", 120), app.results.append)
        await pilot.pause()
        await pilot.press("end", "5")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog)
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert isinstance(app.screen, FieldEditDialog)
        assert app.screen.query_one(Input).value == "1205"
        await pilot.press("escape", "s")
        await pilot.pause()
        assert app.results == [None, (1205,)]
