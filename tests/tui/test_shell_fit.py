"""At 80x24 every control of the shell's screens is on screen, none cut off."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import ScrollableContainer
from textual.widget import Widget

from tests.tui.shell_world import shell_app, signed_in
from tui.app import KinerjaApp

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_LANG", "id")


def cut_off(app: KinerjaApp) -> list[str]:
    """Widgets reaching past the screen, and containers hiding content behind a scroll."""
    width, height = SIZE
    problems = []
    for widget in app.screen.walk_children(Widget):
        if not widget.display or not widget.region.area:
            continue
        region = widget.region
        if region.right > width or region.bottom > height:
            problems.append(f"{widget!r} at {region}")
        if isinstance(widget, ScrollableContainer) and widget.max_scroll_y > 0:
            problems.append(f"{widget!r} scrolls {widget.max_scroll_y} rows")
    return problems


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_beranda_and_its_help_fit(
    tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KINERJA_LANG", lang)
    app = shell_app(tmp_path, signed_in(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert cut_off(app) == []
        await pilot.press("f1")
        await pilot.pause()
        # With every area's key, the key table may scroll at 80x24: it has the
        # focus, so the arrow keys reach every row; nothing else may be cut.
        keys = app.screen.query_one("#help-keys")
        assert keys.has_focus
        assert [p for p in cut_off(app) if not p.startswith("DataTable(id='help-keys')")] == []
        await pilot.press(*["down"] * 60)
        await pilot.pause()
        assert keys.scroll_y == keys.max_scroll_y


async def test_first_run_and_connect_fit(tmp_path: Path) -> None:
    app = shell_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert cut_off(app) == []
        await pilot.press("s", *"kinerja", "enter", *"12", "enter")  # both problems shown
        await pilot.pause()
        assert cut_off(app) == []
