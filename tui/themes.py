"""The looks of the app: a calm default, one for 16-colour terminals, and
one without colour.

The ANSI theme uses only the terminal's own 16 colours (so it follows the
user's palette, over SSH and on the Linux console); it is chosen with
KINERJA_THEME=ansi, ``theme = "ansi"`` in settings.toml, or automatically
when NO_COLOR is set or the terminal says it has few colours. Screens use
theme variables only ($primary, $error, ...), so every look works everywhere.

With NO_COLOR (https://no-color.org), and on a terminal without colours
(vt100), the app sends no colour at all: text and background are the
terminal's own, and what colour showed (the cursor
row, the active tab, the focused field) is shown by reverse and bold
(``plain_filters`` below, and tui/nocolor.tcss).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.filter import LineFilter, Monochrome, NoColor
from textual.theme import Theme

DEFAULT = "kinerja"
ANSI = "kinerja-ansi"
SETTING_TO_THEME = {"default": DEFAULT, "ansi": ANSI}

# Blue of the provincial service, with enough contrast on a dark background.
DEFAULT_THEME = Theme(
    name=DEFAULT,
    primary="#3D8FD1",
    secondary="#2A6F97",
    accent="#E0A030",
    warning="#E0A030",
    error="#E05252",
    success="#4CAF6A",
    foreground="#E6E6E6",
    background="#14181F",
    surface="#1C222B",
    panel="#26303C",
    dark=True,
)

ANSI_THEME = Theme(
    name=ANSI,
    ansi=True,
    primary="ansi_blue",
    secondary="ansi_cyan",
    accent="ansi_yellow",
    warning="ansi_yellow",
    error="ansi_red",
    success="ansi_green",
    foreground="ansi_default",
    background="ansi_default",
    surface="ansi_default",
    panel="ansi_default",
    boost="ansi_default",
    dark=True,
    variables={
        # Textual's own widgets (Screen, Input) refer to these two.
        "ansi-background": "ansi_black",
        "ansi-foreground": "ansi_white",
        "input-cursor-background": "ansi_white",
        "input-cursor-foreground": "ansi_black",
        "input-selection-foreground": "ansi_black",
        "screen-selection-background": "ansi_bright_blue",
        "screen-selection-foreground": "ansi_black",
        "block-cursor-background": "ansi_blue",
        "block-cursor-foreground": "ansi_bright_white",
        "block-cursor-text-style": "bold",
        "footer-key-foreground": "ansi_yellow",
        "footer-background": "ansi_default",
        "footer-description-foreground": "ansi_default",
        "input-selection-background": "ansi_bright_blue",
        "border": "ansi_blue",
        "border-blurred": "ansi_bright_black",
        "scrollbar": "ansi_bright_black",
        "scrollbar-hover": "ansi_white",
        "scrollbar-active": "ansi_white",
        "button-color-foreground": "ansi_default",
    },
)

# NO_COLOR: the ANSI look, with every mark of place or state in text styles.
PLAIN_THEME = Theme(
    name="kinerja-plain",
    ansi=True,
    primary="ansi_default",
    secondary="ansi_default",
    accent="ansi_default",
    warning="ansi_default",
    error="ansi_default",
    success="ansi_default",
    foreground="ansi_default",
    background="ansi_default",
    surface="ansi_default",
    panel="ansi_default",
    boost="ansi_default",
    dark=True,
    variables={
        **ANSI_THEME.variables,
        "block-cursor-text-style": "reverse bold",
        "block-cursor-blurred-text-style": "reverse",
        "input-cursor-text-style": "reverse",
        "button-focus-text-style": "reverse bold",
    },
)
PLAIN = PLAIN_THEME.name


class NoColourMarks(LineFilter):
    """No colour at all; a cell that stood out by its background is reversed.

    Textual's own NO_COLOR filter (Monochrome) turns the terminal's default
    colours into grey 0 on grey 0, black on black. Here text and background
    become the terminal's own, and a highlight (the cursor row of a list, a
    selection, a scrollbar thumb), which only a background colour showed,
    is drawn reversed and bold. The plain theme gives every surface the
    default background, so only highlights have one.
    """

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            Segment(text, None if style is None else plain_style(style), control)
            for text, style, control in segments
        ]


@lru_cache(1024)
def plain_style(style: Style) -> Style:
    marked = style.bgcolor is not None and not style.bgcolor.is_default and not style.reverse
    return style.without_color + MARKED if marked else style.without_color


MARKED = Style(reverse=True, bold=True)


def plain_filters(filters: list[LineFilter]) -> list[LineFilter]:
    """``filters`` with Textual's NO_COLOR filter, if any, replaced by ours."""
    kept = [f for f in filters if not isinstance(f, Monochrome | NoColor)]
    return [*kept, NoColourMarks()]


def without_colour(environ: Mapping[str, str]) -> bool:
    """NO_COLOR is set, or the terminal has no colours (a vt100)."""
    return "NO_COLOR" in environ or environ.get("TERM", "") in MONOCHROME_TERMS


FEW_COLOUR_TERMS = ("linux", "vt100", "vt220", "ansi", "dumb", "cons25")
MONOCHROME_TERMS = ("vt100", "vt102", "vt220", "dumb")


def choose_theme(setting: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The theme name to start with: env, then settings.toml, then the terminal."""
    env = os.environ if environ is None else environ
    for chosen in (env.get("KINERJA_THEME", "").strip().lower(), setting):
        if chosen in SETTING_TO_THEME:
            return SETTING_TO_THEME[chosen]
    if "NO_COLOR" in env or env.get("TERM", "") in FEW_COLOUR_TERMS:
        return ANSI
    return DEFAULT
