"""F1 lists every key of the screen: those that work now, then those that don't."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from demo.office import STAFF
from tests.tui.shell_world import shell_app, signed_in
from tui.help import HelpScreen

FITRIANI = next(p for p in STAFF if p.name.startswith("Fitriani"))  # her SKP is a draft


@pytest.fixture(autouse=True)
def indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_LANG", "id")


async def test_f1_on_a_draft_skp_lists_ctrl_b_and_ctrl_g(tmp_path: Path) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path, FITRIANI.nip))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        footer_ids = {b.binding.id for b in app.screen.active_bindings.values()}
        assert "plan.approach" not in footer_ids  # the Utama tab: not in the footer
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        rows = [tuple(map(str, table.get_row_at(i))) for i in range(table.row_count)]
        by_id = {row[2]: row for row in rows}
        assert by_id["plan.submit"][:2] == ("F8", "Ajukan")  # works now
        assert by_id["plan.approach"][:2] == ("^g", "Pendekatan (tidak sekarang)")
        assert by_id["plan.create"][:2] == ("^b", "SKP baru (tidak sekarang)")
        # what works now comes first
        ids = [row[2] for row in rows]
        assert ids.index("plan.submit") < ids.index("plan.approach")
