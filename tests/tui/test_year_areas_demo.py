"""The demo's office shows each of the year's areas in use, reached by their keys:
an objection waiting for the Kepala Dinas and one decided, a coaching path in
progress and a reward, a team where two people are short of JP."""

from __future__ import annotations

from pathlib import Path

import pytest

from demo.office import HEAD, SECOND_SUPERIOR, SUPERIOR
from tests.tui.shell_world import shell_app, signed_in
from tests.tui.test_year_world import type_text
from tests.tui.year_areas_world import shown_text
from tui.screens.follow_up.screen import FollowUpScreen
from tui.screens.objection.screen import ObjectionScreen
from tui.screens.training.screen import TrainingScreen
from tui.widgets.filter_list import FilterList


@pytest.fixture(autouse=True)
def indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_LANG", "id")


async def test_f10_the_kepala_dinas_has_one_to_decide_and_one_decided(tmp_path: Path) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path, HEAD.nip))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f10")
        assert isinstance(app.screen, ObjectionScreen)
        text = shown_text(app)
        assert "1 menunggu keputusan Anda" in text
        assert "menunggu" in text and "putus: diubah" in text
        # The list filters as you type; the details follow the one row left.
        await type_text(pilot, "wahyuni")
        assert len(app.screen.query_one(FilterList).shown) == 1
        assert "Gangguan OSS triwulan II terbukti" in shown_text(app)


async def test_f11_a_coaching_path_and_a_reward(tmp_path: Path) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path, SECOND_SUPERIOR.nip))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f11")
        assert isinstance(app.screen, FollowUpScreen)
        text = shown_text(app)
        assert "Pembinaan" in text and "Penempatan pada" in text and "Penghargaan" in text
        await type_text(pilot, "penghargaan")
        assert "Piagam penghargaan" in shown_text(app)


async def test_f12_two_of_the_team_are_short_of_jp(tmp_path: Path) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path, SUPERIOR.nip))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f12")
        assert isinstance(app.screen, TrainingScreen)
        assert "Tim yang kurang dari 20 JP (2 dari" in shown_text(app)
