"""F5's and F6's "p" opens the filter-as-you-type person picker, not a long Select."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Select

from tests.tui.test_year_world import PPK, STAFF, Host, profile, screen_text
from tui.screens.evaluation.screen import EvaluationScreen
from tui.screens.feedback.screen import FeedbackScreen
from tui.widgets.filter_list import FilterList
from tui.widgets.person_picker import PersonPicker


@pytest.mark.parametrize(
    ("make", "selector"),
    [(FeedbackScreen, "#feedback-person"), (EvaluationScreen, "#eval-person")],
)
async def test_p_filters_people_by_typing_and_enter_chooses(
    tmp_path: Path, make: type, selector: str
) -> None:
    services = profile(tmp_path, PPK)
    app = Host(lambda: make(services))
    async with app.run_test(size=(80, 24)) as pilot:
        area = app.screen
        everyone = len(
            [v for _l, v in area.query_one(selector, Select)._options if isinstance(v, str)]
        )
        await pilot.press("p")
        picker = app.screen
        assert isinstance(picker, PersonPicker)
        assert "Pegawai yang mana?" in screen_text(app)
        assert f"{everyone} dari {everyone} orang" in screen_text(app)
        await pilot.press(*"siti")
        assert [row.key for row in picker.query_one(FilterList).shown] == [STAFF]
        await pilot.press("enter")
        assert app.screen is area
        assert area.query_one(selector, Select).value == STAFF
        await pilot.press("p", "escape")  # Escape keeps the person chosen
        assert app.screen is area and area.query_one(selector, Select).value == STAFF
