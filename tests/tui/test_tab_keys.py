"""Every tab has a key (alt+1, alt+2…), in its title and in F1."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TabbedContent

from demo.office import EMPLOYEE, SUPERIOR
from tests.tui.shell_world import shell_app, signed_in
from tui.actions import key_help


@pytest.fixture(autouse=True)
def indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_LANG", "id")


@pytest.mark.parametrize(
    ("who", "area", "tabs"),
    [
        (EMPLOYEE.nip, "f3", ["tab-main", "tab-additional", "tab-attachments", "tab-behaviour"]),
        (SUPERIOR.nip, "f6", ["tab-items", "tab-behaviour", "tab-feedback", "tab-curve"]),
        (EMPLOYEE.nip, "f7", ["tab-conflicts", "tab-rejected"]),
    ],
)
async def test_alt_and_a_digit_opens_each_tab(
    tmp_path: Path, who: str, area: str, tabs: list[str]
) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path, who))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(area)
        await pilot.pause()
        screen = app.screen
        strip = screen.query_one(TabbedContent)
        for number, tab_id in reversed(list(enumerate(tabs, 1))):
            await pilot.press(f"alt+{number}")
            await pilot.pause()
            assert strip.active == tab_id
            title = str(strip.get_tab(tab_id).label)
            assert title.endswith(f" alt+{number}")
        shown = {k.key: k.description for k in key_help(screen)}
        for number, tab_id in enumerate(tabs, 1):
            words = str(strip.get_tab(tab_id).label).removesuffix(f" alt+{number}")
            assert shown[f"alt+{number}"] == words.split(" (")[0]  # F1 lists it
