"""The realisasi typed as "97,5" is saved as 97.5 and shown as "97,5" again
(in English as "97.5"): client/numbers.py, on the real screens."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from tests.tui.shell_world import shell_app, signed_in
from tests.tui.test_unsaved_changes import first_values, open_realisasi


@pytest.mark.parametrize(
    ("lang", "typed", "shown"), [("id", "97,5", "97,5"), ("en", "97.5", "97.5")]
)
async def test_a_decimal_realisasi_round_trips(
    tmp_path: Path, lang: str, typed: str, shown: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KINERJA_LANG", lang)
    app = shell_app(tmp_path, signed_in(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_realisasi(pilot)
        await pilot.press("ctrl+u", *typed, "ctrl+s")
        await pilot.pause()
        assert 97.5 in first_values(app)
        table = app.screen.query_one("#progress-items", DataTable)
        assert shown in " ".join(str(cell) for cell in table.get_row_at(0))
        editor = await open_realisasi(pilot)
        assert editor.query_one("#value-0", Input).value == shown
