"""The two looks of the app: a calm default and one for 16-colour terminals.

The ANSI theme uses only the terminal's own 16 colours (so it follows the
user's palette, over SSH and on the Linux console); it is chosen with
KINERJA_THEME=ansi, ``theme = "ansi"`` in settings.toml, or automatically
when NO_COLOR is set or the terminal says it has few colours. Screens use
theme variables only ($primary, $error, ...), so both looks work everywhere.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

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

FEW_COLOUR_TERMS = ("linux", "vt100", "vt220", "ansi", "dumb", "cons25")


def choose_theme(setting: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The theme name to start with: env, then settings.toml, then the terminal."""
    env = os.environ if environ is None else environ
    for chosen in (env.get("KINERJA_THEME", "").strip().lower(), setting):
        if chosen in SETTING_TO_THEME:
            return SETTING_TO_THEME[chosen]
    if "NO_COLOR" in env or env.get("TERM", "") in FEW_COLOUR_TERMS:
        return ANSI
    return DEFAULT
