"""What a terminal receives from the app: its escape codes, cell by cell.

``screen_ansi(app)`` renders the current screen (with the screens under a
dialog) as the app sends it, SGR codes and all, the way ``tmux capture-pane
-e`` shows a real terminal; ``cells(text)`` reads those codes back into one
``Cell`` per character with the colours a terminal would use for it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

from rich.color import Color
from rich.console import Console

SGR = re.compile(r"\x1b\[([0-9;:]*)m")
OTHER_ESCAPE = re.compile(r"\x1b(\[[0-9;?]*[A-Za-ln-z]|\][^\x07]*\x07|[()][0-9A-Za-z])")


def screen_ansi(app: object, color_system: str = "truecolor") -> str:
    """The current screen as the terminal gets it: text with SGR codes."""
    from textual.app import App

    assert isinstance(app, App)
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system=color_system,  # type: ignore[arg-type]
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    console.print(update)
    return console.export_text(styles=True)


@dataclass(frozen=True)
class Cell:
    row: int
    column: int
    char: str
    fg: str | None  # an SGR colour ("31", "38;5;16", "38;2;0;0;0"), None = default
    bg: str | None
    reverse: bool
    bold: bool

    def same_colour(self) -> bool:
        """Text drawn in the colour of its own background: unreadable."""
        if self.fg is None or self.bg is None:
            return False
        return rgb(self.fg) == rgb(self.bg)


def rgb(code: str) -> tuple[int, int, int]:
    parts = [int(p) for p in code.split(";")]
    if parts[0] in (38, 48):
        number = parts[2] if parts[1] == 5 else None
        if number is None:
            return (parts[2], parts[3], parts[4])
    else:
        base = parts[0] % 10
        number = base + (8 if parts[0] >= 90 else 0)
    triplet = Color.from_ansi(number).get_truecolor()
    return (triplet.red, triplet.green, triplet.blue)


def cells(text: str) -> Iterator[Cell]:
    """Every printed character with the colours in force where it stands."""
    fg: str | None = None
    bg: str | None = None
    reverse = bold = False
    for row, line in enumerate(OTHER_ESCAPE.sub("", text).split("\n")):
        column = 0
        position = 0
        while position < len(line):
            code = SGR.match(line, position)
            if code is not None:
                fg, bg, reverse, bold = apply_sgr(code.group(1), fg, bg, reverse, bold)
                position = code.end()
                continue
            shown_fg, shown_bg = (bg, fg) if reverse else (fg, bg)
            yield Cell(row, column, line[position], shown_fg, shown_bg, reverse, bold)
            column += 1
            position += 1


def apply_sgr(
    params: str, fg: str | None, bg: str | None, reverse: bool, bold: bool
) -> tuple[str | None, str | None, bool, bool]:
    numbers = [int(p) if p else 0 for p in params.replace(":", ";").split(";")]
    index = 0
    while index < len(numbers):
        n = numbers[index]
        if n == 0:
            fg, bg, reverse, bold = None, None, False, False
        elif n == 1:
            bold = True
        elif n == 22:
            bold = False
        elif n == 7:
            reverse = True
        elif n == 27:
            reverse = False
        elif 30 <= n <= 37 or 90 <= n <= 97:
            fg = str(n)
        elif 40 <= n <= 47 or 100 <= n <= 107:
            bg = str(n - 10)
        elif n == 39:
            fg = None
        elif n == 49:
            bg = None
        elif n in (38, 48):
            width = 3 if numbers[index + 1] == 5 else 5
            colour = ";".join(str(p) for p in [n, *numbers[index + 1 : index + width]])
            fg, bg = (colour, bg) if n == 38 else (fg, colour)
            index += width - 1
        index += 1
    return fg, bg, reverse, bold
