"""The app made to fit the terminal it runs in: colours, then glyphs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.app import App

from tui.glyphs import GlyphFallback, glyph_support
from tui.themes import (
    ANSI_THEME,
    DEFAULT_THEME,
    PLAIN,
    PLAIN_THEME,
    choose_theme,
    plain_filters,
    without_colour,
)


def fit_to_terminal(app: App[Any], setting: str | None, environ: Mapping[str, str]) -> None:
    """Pick ``app``'s look and the filters its lines pass through.

    ``setting`` is the theme of settings.toml. Without colour (NO_COLOR, a
    vt100) the plain look wins over any setting; a terminal that lacks
    glyphs gets them replaced (tui/glyphs.py).
    """
    for theme in (DEFAULT_THEME, ANSI_THEME, PLAIN_THEME):
        app.register_theme(theme)
    app.no_color = app.no_color or without_colour(environ)
    if app.no_color:
        app._filters = plain_filters(app._filters)
    glyphs = glyph_support(environ)
    if glyphs != "unicode":
        app._filters.append(GlyphFallback(glyphs))
    app.theme = PLAIN if app.no_color else choose_theme(setting, environ)
