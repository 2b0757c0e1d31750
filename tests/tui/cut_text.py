"""Text cut off: a one-row Static holding more, or a Static its parent clips."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import App
from textual.containers import ScrollableContainer
from textual.widget import Widget
from textual.widgets import Static


def clipped(widget: Widget) -> bool:
    """Rows of ``widget`` hidden by a parent that can't scroll to them."""
    for parent in widget.ancestors:
        if not isinstance(parent, Widget) or isinstance(parent, ScrollableContainer):
            return False
        if parent.region.area and widget.region.bottom > parent.region.bottom:
            return True
    return False


def cut_text(app: App[object]) -> list[str]:
    """Each one-row text on the screen (and the screens under a dialog) that
    is longer than its row, with what shows of it."""
    cut = []
    for screen in [*app._background_screens, app.screen]:
        for widget in screen.query(Static):
            if not widget.display or not widget.region.area:
                continue
            text = str(widget.render()).strip()
            one_row = widget.region.height == 1 and "\n" not in text
            if clipped(widget) or (one_row and cell_len(text) > widget.content_region.width):
                cut.append(f"{widget!r}: {text!r}")
    return cut
