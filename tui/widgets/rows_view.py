"""A table that draws only the lines on screen: a header and fixed-width columns.

Textual's DataTable measures and renders every cell of every row it is given,
so a list of 1,000 people costs a few hundred ms before it shows, and as much
again for every typed letter that changes it. This view keeps the rows as
tuples of strings and renders a line when the screen asks for it
(``render_line``), so opening and re-filtering cost what matching the rows
costs. The first line is the column header; it scrolls sideways with the
rows, so every column can be reached on a narrow terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

GAP = 1  # blank cells between columns


def fit(text: str, width: int) -> str:
    """``text`` in exactly ``width`` cells, ending in "…" when it was cut."""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, max(0, width - 1)) + "…" if width else ""


class RowsView(ScrollView, can_focus=False):
    """Rows of cells under a header; ``cursor`` is the highlighted row's index."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "rows--header",
        "rows--cursor",
        "rows--even",
    }
    DEFAULT_CSS = """
    RowsView { height: 1fr; scrollbar-size-vertical: 1; }
    RowsView > .rows--header { text-style: bold; color: $text-muted; }
    RowsView > .rows--cursor { text-style: bold reverse; }
    RowsView > .rows--even { background: $boost; }
    """
    cursor: reactive[int] = reactive(0, always_update=True)

    class Clicked(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, labels: Sequence[str], widths: Sequence[int | None]) -> None:
        super().__init__()
        self.labels = list(labels)
        self.wanted = list(widths)
        self.widths = [w or cell_len(label) for w, label in zip(widths, labels, strict=True)]
        self.rows: list[tuple[str, ...]] = []

    def set_rows(self, rows: Sequence[tuple[str, ...]]) -> None:
        self.rows = list(rows)
        # A column without a width is as wide as its widest cell.
        for index, wanted in enumerate(self.wanted):
            if wanted is None:
                cells = (cell_len(row[index]) for row in self.rows)
                self.widths[index] = max([cell_len(self.labels[index]), *cells])
        width = sum(self.widths) + GAP * (len(self.widths) - 1)
        self.virtual_size = Size(width, len(self.rows) + 1)
        self.cursor = min(self.cursor, max(0, len(self.rows) - 1))
        self.refresh()

    def line_text(self, cells: Sequence[str]) -> str:
        return (" " * GAP).join(
            fit(cell, width) for cell, width in zip(cells, self.widths, strict=True)
        )

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        if y == 0:
            cells: Sequence[str] | None = self.labels
            style = self.get_component_rich_style("rows--header")
        else:
            index = y - 1 + scroll_y
            cells = self.rows[index] if index < len(self.rows) else None
            if index == self.cursor and cells is not None:
                style = self.get_component_rich_style("rows--cursor")
            elif index % 2:
                style = self.get_component_rich_style("rows--even")
            else:
                style = self.rich_style
        if cells is None:
            return Strip.blank(width, self.rich_style)
        text = self.line_text(cells)
        strip = Strip([Segment(text, style)], cell_len(text))
        return strip.crop(scroll_x, scroll_x + width).extend_cell_length(width, style)

    def watch_cursor(self, old: int, new: int) -> None:
        """Keep the cursor's row on screen (under the header)."""
        visible = max(1, self.size.height - 1)
        top = self.scroll_offset.y
        if new < top:
            self.scroll_to(y=new, animate=False, immediate=True)
        elif new >= top + visible:
            self.scroll_to(y=new - visible + 1, animate=False, immediate=True)
        self.refresh()

    def on_click(self, event: Click) -> None:
        index = event.y - 1 + self.scroll_offset.y
        if event.y >= 1 and index < len(self.rows):
            self.post_message(self.Clicked(index))
