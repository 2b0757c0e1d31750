"""A dashboard's chart: plotext bars when there is room and colour, else nothing.

The table under it carries every figure, so the chart can step aside: at
80x24 it would leave the table three lines, and with NO_COLOR set plotext's
bars are the only thing it draws in colour (https://no-color.org).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from textual_plotext import PlotextPlot

# Below this the table needs every line and column it can get.
MIN_WIDTH, MIN_HEIGHT = 100, 32


def charts_fit(width: int, height: int, environ: Mapping[str, str] | None = None) -> bool:
    """Whether a chart is drawn in a terminal of this size, with this environment."""
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):
        return False
    return width >= MIN_WIDTH and height >= MIN_HEIGHT


class FigureChart(PlotextPlot):
    """Horizontal bars, one per label, with the view's title."""

    DEFAULT_CSS = """
    FigureChart { height: 12; }
    """

    def show(self, title: str, labels: Sequence[str], values: Sequence[float]) -> None:
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        plt.title(title)
        if labels:
            plt.bar(list(labels), list(values), orientation="horizontal", width=0.6)
        self.refresh()
