"""Textual's own words in the person's language (gettext domain ``tui_terminal``).

Textual writes a few English words of its own on screen: the key of an
open menu in the footer ("Dismiss menu"), the palette's "No matches found"
and the ctrl+c notice. Their bindings are translated on the classes, from
the English kept aside, so each app gets the language it starts in; the
palette and the notice are ours (tui/app.py, ``NoMatchPalette`` below).
"""

from __future__ import annotations

import dataclasses

from rich.align import Align
from rich.text import Text
from textual.binding import BindingsMap
from textual.command import CommandList, CommandPalette
from textual.dom import DOMNode
from textual.widgets._select import SelectOverlay
from textual.widgets.option_list import Option

from tui.texts import terminal_

# Textual's classes whose bindings show a description (msgids in tui_terminal.po).
WITH_WORDS: tuple[type[DOMNode], ...] = (SelectOverlay, CommandPalette)
_ENGLISH: dict[type[DOMNode], BindingsMap] = {}


def localise_textual() -> None:
    """Textual's binding descriptions in the language of the moment."""
    for cls in WITH_WORDS:
        english = _ENGLISH.setdefault(cls, cls._merged_bindings or BindingsMap())
        translated = BindingsMap()
        for found in english.key_to_bindings.values():
            for bound in found:
                words = terminal_(bound.description) if bound.description else ""
                translated._add_binding(dataclasses.replace(bound, description=words))
        cls._merged_bindings = translated


class NoMatchPalette(CommandPalette):
    """The command palette, saying in the person's language that nothing matched."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own (textual/command.py) writes "No matches found" in
        # English; this is it with the words translated.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(terminal_("No matches found"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
