"""Leaving a form with changes asks save, discard or stay (tui/widgets/unsaved.py).

Escape, ctrl+q and another area's key all ask the same one dialog; a form
left without changes closes at once, as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from client import drafts
from demo.office import SUPERIOR
from tests.tui.shell_world import shell_app, signed_in
from tui.app import KinerjaApp
from tui.screens.progress.editor import ProgressEditor
from tui.widgets.dialogs import ConfirmDialog
from tui.widgets.unsaved import UnsavedDialog, field_values

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_LANG", "id")


async def open_realisasi(pilot: Pilot[str]) -> ProgressEditor:
    await pilot.press("f4")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    editor = pilot.app.screen
    assert isinstance(editor, ProgressEditor)
    return editor


def progress_values(app: KinerjaApp) -> list[list[object]]:
    assert app.services is not None
    records = app.services.store.records.list("progress", owner=SUPERIOR.nip)
    return sorted(list(r["data"].get("values") or []) for r in records)


def first_values(app: KinerjaApp) -> set[object]:
    return {values[0] for values in progress_values(app) if values}


async def test_escape_without_changes_closes_at_once(tmp_path: Path) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await open_realisasi(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ProgressEditor | UnsavedDialog)


async def test_escape_with_changes_asks_and_each_answer_does_what_it_says(
    tmp_path: Path,
) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        before = progress_values(app)
        editor = await open_realisasi(pilot)
        await pilot.press("ctrl+u", *"14")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog)
        assert "belum disimpan" in str(app.screen.query_one("#unsaved-question").render())
        await pilot.press("escape")  # stay: the value is still there
        await pilot.pause()
        assert app.screen is editor
        assert editor.query_one("#value-0", Input).value == "14"
        await pilot.press("escape", "d")  # discard
        await pilot.pause()
        assert not isinstance(app.screen, ProgressEditor | UnsavedDialog)
        assert progress_values(app) == before
        await open_realisasi(pilot)
        await pilot.press("ctrl+u", *"14", "escape", "s")  # save
        await pilot.pause()
        assert not isinstance(app.screen, ProgressEditor | UnsavedDialog)
        assert 14 in first_values(app)


async def test_ctrl_q_with_changes_asks_then_quits_on_discard(tmp_path: Path) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        before = progress_values(app)
        await open_realisasi(pilot)
        await pilot.press("ctrl+u", *"7", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog)
        assert app.is_running
        await pilot.press("d")
        await pilot.pause()
    assert app.return_code == 0
    assert progress_values(app) == before


async def test_ctrl_q_saves_first_when_asked_to(tmp_path: Path) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await open_realisasi(pilot)
        await pilot.press("ctrl+u", *"9", "ctrl+q", "s")
        await pilot.pause()
    assert 9 in first_values(app)
    assert app.return_code == 0


async def test_another_area_with_changes_asks_and_stay_keeps_the_form(tmp_path: Path) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_realisasi(pilot)
        await pilot.press("ctrl+u", *"5", "f2")  # a form is modal: F2 stays in it
        await pilot.pause()
        assert app.screen is editor
        app.action_open_area("home")  # as the palette's "Buka Beranda" does
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is editor and app.current_mode == "progress"
        assert editor.query_one("#value-0", Input).value == "5"
        app.action_open_area("home")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert app.current_mode == "home"


async def test_a_draft_survives_a_crash_and_is_offered_back(tmp_path: Path) -> None:
    services = signed_in(tmp_path)
    app = shell_app(tmp_path, services)
    async with app.run_test(size=SIZE) as pilot:
        before = progress_values(app)
        editor = await open_realisasi(pilot)
        await pilot.press("ctrl+u", *"42")
        editor.query_one("#note", Input).focus()
        await pilot.press(*"catatan lapangan")
        await pilot.pause(0.8)  # the draft is written half a second after typing
    # The app ended without the form being saved or discarded (the run
    # stops as a killed process would): the draft is in the profile folder.
    [draft] = drafts.waiting(tmp_path)
    assert draft.fields[0] == "42" and "catatan lapangan" in draft.fields

    again = shell_app(tmp_path, signed_in(tmp_path))
    async with again.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        notices = [n.message for n in again._notifications]
        assert any("Belum disimpan saat Kinerja tertutup" in n for n in notices)
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(again.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        editor = again.screen
        assert isinstance(editor, ProgressEditor)
        assert editor.query_one("#note", Input).value == "catatan lapangan"
        assert editor.query_one("#value-0", Input).value == "42"
        assert list(field_values(editor)) == draft.fields
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert 42 in first_values(again)
        assert progress_values(again) != before
    assert drafts.waiting(tmp_path) == []  # saved: the draft is gone


async def test_a_draft_refused_is_dropped(tmp_path: Path) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await open_realisasi(pilot)
        await pilot.press("ctrl+u", *"42")
        await pilot.pause(0.8)
    again = shell_app(tmp_path, signed_in(tmp_path))
    async with again.run_test(size=SIZE) as pilot:
        await open_realisasi_after_offer(pilot, "n")
        assert again.screen.query_one("#value-0", Input).value != "42"
    assert drafts.waiting(tmp_path) == []


async def open_realisasi_after_offer(pilot: Pilot[str], answer: str) -> None:
    await pilot.press("f4")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ConfirmDialog)
    await pilot.press(answer)
    await pilot.pause()
    assert isinstance(pilot.app.screen, ProgressEditor)
