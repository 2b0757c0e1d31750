"""At 80x24 no text is cut off (tests/tui/cut_text.py) on any area, nor in
the realisasi form, for the Kepala Bidang and for her staff, in both
languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from demo.office import STAFF, SUPERIOR
from tests.tui.cut_text import cut_text
from tests.tui.shell_world import shell_app, signed_in
from tui.areas import AREAS
from tui.screens.progress.editor import ProgressEditor


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("nip", [SUPERIOR.nip, STAFF[0].nip], ids=["kabid", "staff"])
async def test_nothing_is_cut_at_80x24(
    tmp_path: Path, lang: str, nip: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KINERJA_LANG", lang)
    app = shell_app(tmp_path, signed_in(tmp_path, nip))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for area in AREAS:
            await pilot.press(area.key)
            await pilot.pause()
            assert cut_text(app) == [], area.id
        await pilot.press("f4", "enter")
        await pilot.pause()
        if isinstance(app.screen, ProgressEditor):
            assert cut_text(app) == [], "the realisasi form"
