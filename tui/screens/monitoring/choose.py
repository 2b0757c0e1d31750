"""Choosing a unit or a period for the dashboards: a short list, Enter takes one.

(tui/widgets/person_picker.py is worded for people; a unit list is shorter
than a list of people and needs no filter.)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui.actions import bindings, localise


class ChoiceDialog(ModalScreen[str | None]):
    """(key, name) choices; returns the chosen key, or None on Escape."""

    DEFAULT_CSS = """
    ChoiceDialog { align: center middle; }
    ChoiceDialog > Vertical {
        width: 60; max-width: 100%; height: auto; max-height: 100%;
        padding: 0 1; border: thick $primary; background: $surface;
    }
    ChoiceDialog .choice-title { text-style: bold; }
    ChoiceDialog OptionList { height: auto; max-height: 16; }
    """
    BINDINGS: ClassVar[list[BindingType]] = list(bindings("monitoring.choose"))

    def __init__(
        self, title: str, choices: Sequence[tuple[str, str]], current: str | None, lang: str | None
    ) -> None:
        super().__init__()
        localise(self, lang)
        self.heading = title
        self.choices = list(choices)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.heading, classes="choice-title", markup=False)
            # Text, not markup: names are people's data.
            yield OptionList(*(Option(Text(name), id=key) for key, name in self.choices))
        yield Footer()

    def on_mount(self) -> None:
        found = self.query_one(OptionList)
        keys = [key for key, _name in self.choices]
        found.highlighted = keys.index(self.current) if self.current in keys else 0
        found.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
