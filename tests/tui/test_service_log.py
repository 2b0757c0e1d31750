"""Realisasi from a service log in the app: preview, columns, figures, malformed rows,
proposed values saved only once accepted, the CSV attached as evidence."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bench.servicelog_data import write_log
from client.servicelog.log import LogSpec
from client.servicelog.realisasi import realisasi_from_log
from tests.tui.test_plan_world import (
    ITEM_MAIN,
    STAFF,
    Host,
    profile,
    screen_text,
    seed_plan,
    type_text,
)
from tui.screens.progress.screen import ProgressScreen
from tui.screens.progress.service_log import ServiceLogDialog
from tui.widgets.dialogs import ConfirmDialog

SIZE = (80, 24)


async def read_done(app: Host) -> None:
    await app.workers.wait_for_complete()


async def test_a_log_is_previewed_summarised_and_saved_only_once_accepted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "layanan.csv"
    spoiled = write_log(log, 5000, malformed_every=101)
    monkeypatch.chdir(tmp_path)
    staff = profile(tmp_path / "staff", STAFF, lang="en")
    seed_plan(staff, "approved")
    app = Host(lambda: ProgressScreen(staff))
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.press("ctrl+l")  # on the first RHK: time and quantity indicators
        await pilot.pause()
        await type_text(pilot, "layanan")
        await pilot.press("enter")
        await pilot.pause()
        await read_done(app)
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ServiceLogDialog)
        assert dialog.query_one("#received-column").value == 3  # guessed: Tanggal Diterima
        assert dialog.query_one("#completed-column").value == 4
        shown = screen_text(app)
        assert "requests completed from 2026-01-01 to 2026-12-31" in shown
        assert f"{len(spoiled)} malformed rows, not counted:" in shown
        assert f"Line {min(spoiled)}:" in shown
        assert staff.store.records.list("progress", owner=STAFF) == []  # nothing yet
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, ServiceLogDialog)
    expected = realisasi_from_log(
        log,
        LogSpec(3, 4, "iso", "iso"),
        [{"aspect": "time", "target": 3}, {"aspect": "quantity", "unit": "berkas"}],
        date(2026, 1, 1),
        date(2026, 12, 31),
    )
    [saved] = staff.store.records.list("progress", owner=STAFF)
    assert saved["data"]["plan_item_id"] == ITEM_MAIN
    assert saved["data"]["values"] == [
        round(expected.summary.median or 0, 1),
        expected.summary.completed,
    ]
    [evidence] = saved["data"]["evidence"]
    assert evidence["blob"]["name"] == "layanan.csv"
    assert staff.store.blobs.read(evidence["blob"]["sha256"]) == log.read_bytes()


async def test_a_column_without_dates_is_said_and_nothing_can_be_accepted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_log(tmp_path / "layanan.csv", 200)
    monkeypatch.chdir(tmp_path)
    staff = profile(tmp_path / "staff", STAFF, lang="en")
    seed_plan(staff, "approved")
    app = Host(lambda: ProgressScreen(staff))
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        await type_text(pilot, "layanan")
        await pilot.press("enter")
        await pilot.pause()
        await read_done(app)
        app.screen.query_one("#completed-column").value = 2  # Pemohon: names, not dates
        await pilot.pause()
        assert "The column Pemohon holds no dates Kinerja can read" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ServiceLogDialog)
        await pilot.press("escape")
    assert staff.store.records.list("progress", owner=STAFF) == []
    assert staff.store.blobs.used() == 0
