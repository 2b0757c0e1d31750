"""Characters the terminal can draw: fallbacks for the Linux console and vt100.

Textual draws with glyphs (``⭘ ▔▁▏ ╭ ━ 🔎``) that the Linux console's font
lacks and a vt100 has never had. ``GlyphFallback`` replaces them as the app
is drawn, cell for cell (a wide glyph by as many ASCII characters), so no
line changes its length. What a terminal can draw:

- ``ascii`` (vt100, vt220, dumb): ASCII only;
- ``console`` (TERM=linux, cons25): the IBM PC character set (code page
  437), which the Linux console's fonts cover;
- everything else: all of Unicode.

Text a person typed (a name with é) is left as it is: only drawing glyphs
and punctuation are replaced.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from functools import lru_cache

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

ASCII_TERMS = ("vt100", "vt102", "vt220", "dumb")
CONSOLE_TERMS = ("linux", "cons25")

# Glyphs Textual and our screens draw, by their nearest ASCII.
ASCII_FOR = {
    "⭘": "o",
    "🔎": "> ",
    "▼": "v",
    "▲": "^",
    "▶": ">",
    "◀": "<",
    "▁": "_",
    "▔": "-",
    "·": ".",
    "—": "-",
    "–": "-",
    "…": ".",
    "✓": "v",
    "✔": "v",
    "✗": "x",
    "•": "*",
    "←": "<",
    "→": ">",
    "↑": "^",
    "↓": "v",
    "⚠": "!",
}
# The console draws these lines and blocks, but not the ones above them.
CONSOLE_FOR = {
    "╭": "┌",
    "╮": "┐",
    "╰": "└",
    "╯": "┘",
    "━": "─",
    "╸": "─",
    "╺": "─",
    "┃": "│",
    "▏": "│",
    "▎": "▌",
    "▊": "▌",
    "▕": "│",
}


def glyph_support(environ: Mapping[str, str]) -> str:
    """``ascii``, ``console`` or ``unicode`` for the terminal named by TERM."""
    term = environ.get("TERM", "")
    if term in ASCII_TERMS:
        return "ascii"
    if term in CONSOLE_TERMS:
        return "console"
    return "unicode"


def ascii_for(char: str) -> str:
    """The nearest ASCII to one drawing glyph, as wide as it is."""
    if char in ASCII_FOR:
        return ASCII_FOR[char]
    name = unicodedata.name(char, "")
    if name.startswith("BOX DRAWINGS"):
        across = any(word in name for word in ("HORIZONTAL", "LEFT", "RIGHT"))
        down = any(word in name for word in ("VERTICAL", "UP", "DOWN"))
        return "+" if "ARC" in name or (across and down) else "-" if across else "|"
    if "BLOCK" in name or "SHADE" in name:
        return "|" if "LEFT" in name or "RIGHT" in name else "#"
    return char


@lru_cache(4096)
def fallback(char: str, support: str) -> str:
    """What to draw for ``char`` on a terminal of that ``support``."""
    if char.isascii() or support == "unicode":
        return char
    if support == "console":
        try:
            char.encode("cp437")
            return char
        except UnicodeEncodeError:
            pass
        if char in CONSOLE_FOR:
            return CONSOLE_FOR[char]
    return ascii_for(char)


@lru_cache(4096)
def redraw(text: str, support: str) -> str:
    return "".join(fallback(char, support) for char in text)


class GlyphFallback(LineFilter):
    """Replaces the glyphs the terminal can't draw (see the module's doc)."""

    def __init__(self, support: str) -> None:
        super().__init__()
        self.support = support

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        support = self.support
        return [
            segment if control or text.isascii() else Segment(redraw(text, support), style)
            for segment in segments
            for text, style, control in (segment,)
        ]
