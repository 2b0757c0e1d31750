"""Evidence files in the realisasi form: picked with the keyboard, kept, listed, saved elsewhere."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from textual.widgets import OptionList

from tests.tui.test_plan_world import (
    STAFF,
    Host,
    profile,
    screen_text,
    seed_plan,
    type_text,
)
from tui.screens.progress.screen import ProgressScreen
from tui.widgets.file_picker import FilePicker

SIZE = (80, 24)


def folder_of_files(root: Path) -> Path:
    docs = root / "Dokumen"
    (docs / "Arsip 2025").mkdir(parents=True)
    (docs / "laporan-izin-q1.pdf").write_bytes(b"%PDF-1.7 laporan" + os.urandom(3000))
    (docs / "foto kegiatan.jpg").write_bytes(os.urandom(2000))
    (docs / ".tersembunyi").write_bytes(b"x")
    return docs


def options(app: Host) -> list[str]:
    listed = app.screen.query_one("#picker-list", OptionList)
    return [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]


async def test_a_file_is_picked_by_typing_kept_listed_and_saved_with_the_realisasi(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = folder_of_files(tmp_path)
    monkeypatch.chdir(tmp_path)
    staff = profile(tmp_path / "staff", STAFF, lang="en")
    seed_plan(staff, "approved")
    app = Host(lambda: ProgressScreen(staff))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # the first RHK's realisasi
        await type_text(pilot, "12")
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, FilePicker)
        await type_text(pilot, "dok")  # filters the folder as typed, any case
        assert options(app) == ["../", "Dokumen/"]
        await pilot.press("tab")  # completes the line to the folder
        await type_text(pilot, "IZIN")
        assert options(app)[1:] == ["laporan-izin-q1.pdf  (3 KB)"]
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, FilePicker)
        shown = screen_text(app)
        assert "laporan-izin-q1.pdf · 3 KB · application/pdf" in shown
        assert "Files up to 10 MB; 3 KB of 500 MB used here" in shown
        await pilot.press("ctrl+s")
        await pilot.pause()
    [saved] = staff.store.records.list("progress", owner=STAFF)
    data = (docs / "laporan-izin-q1.pdf").read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    assert saved["data"]["values"][0] == 12
    assert saved["data"]["evidence"] == [
        {
            "label": "laporan-izin-q1",
            "blob": {
                "sha256": sha,
                "name": "laporan-izin-q1.pdf",
                "size": len(data),
                "type": "application/pdf",
            },
        }
    ]
    assert staff.store.blobs.read(sha) == data  # kept in the profile, by its content


async def test_a_file_over_10_mb_is_refused_before_anything_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    video = tmp_path / "rekaman.mp4"
    with video.open("wb") as out:
        out.truncate(10 * 1024 * 1024 + 1)
    monkeypatch.chdir(tmp_path)
    staff = profile(tmp_path / "staff", STAFF)
    seed_plan(staff, "approved")
    app = Host(lambda: ProgressScreen(staff))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "ctrl+o")
        await type_text(pilot, "rekaman")
        await pilot.press("enter")
        await pilot.pause()
        shown = screen_text(app)
        assert "terlalu besar" in shown and "paling besar 10 MB" in shown
        await pilot.press("escape")
    assert staff.store.blobs.used() == 0
    assert not (tmp_path / "staff" / "blobs").exists() or not any(
        (tmp_path / "staff" / "blobs").rglob("*")
    )
    assert staff.store.records.list("progress", owner=STAFF) == []


async def test_hidden_files_show_only_when_asked_and_a_typed_path_is_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = folder_of_files(tmp_path)
    monkeypatch.chdir(docs)
    staff = profile(tmp_path / "staff", STAFF, lang="en")
    seed_plan(staff, "approved")
    app = Host(lambda: ProgressScreen(staff))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "ctrl+o")
        await pilot.pause()
        assert [o.split("  ")[0] for o in options(app)] == [
            "../",
            "Arsip 2025/",
            "foto kegiatan.jpg",
            "laporan-izin-q1.pdf",
        ]
        await type_text(pilot, ".ters")
        assert [o.split("  ")[0] for o in options(app)] == ["../", ".tersembunyi"]
        await pilot.press(*["backspace"] * 5)
        await type_text(pilot, "nothing-like-this")
        await pilot.press("enter")
        assert "Nothing named" in screen_text(app)
        assert isinstance(app.screen, FilePicker)
        await pilot.press("escape")
        assert not isinstance(app.screen, FilePicker)
    assert staff.store.blobs.used() == 0


async def test_open_saves_a_copy_in_the_chosen_folder_and_says_where(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = folder_of_files(tmp_path)
    out = tmp_path / "Unduhan"
    out.mkdir()
    (out / "laporan-izin-q1.pdf").write_bytes(b"someone else's file")
    monkeypatch.chdir(docs)
    staff = profile(tmp_path / "staff", STAFF, lang="en")
    seed_plan(staff, "approved")
    app = Host(lambda: ProgressScreen(staff))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "ctrl+o")
        await type_text(pilot, "lapo")
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+b")  # the evidence of the highlighted realisasi
        await pilot.pause()
        assert "laporan-izin-q1.pdf · 3 KB · application/pdf (on this computer)" in options_of(
            app, "#evidence-list"
        )
        await pilot.press("enter")  # save a copy: which folder?
        await pilot.pause()
        await pilot.press(*["backspace"] * len("Dokumen/"))
        await type_text(pilot, "Unduhan/")
        await pilot.press("enter")  # the first row: this folder
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert f"Saved as {out / 'laporan-izin-q1 (2).pdf'}" in screen_text(app)
    assert (out / "laporan-izin-q1 (2).pdf").read_bytes() == (
        docs / "laporan-izin-q1.pdf"
    ).read_bytes()
    assert (out / "laporan-izin-q1.pdf").read_bytes() == b"someone else's file"


def options_of(app: Host, selector: str) -> str:
    listed = app.screen.query_one(selector, OptionList)
    return "\n".join(str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count))
