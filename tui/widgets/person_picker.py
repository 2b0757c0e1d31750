"""Choosing a person from a list, by keyboard: type to filter, up/down, Enter.

The filter keeps the focus, so typing always filters; Enter (a priority key,
ahead of the filter's own) takes the highlighted person.

The demo's F8 (tui/app.py) offers its sample people through ``PeopleSwitch``:
``people`` lists them, ``open`` gives the chosen one's Services (it may sign
them in first, so the app calls it off the screen's thread).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar, Protocol

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.actions import bindings, localise
from tui.texts import _
from tui.widgets.forms import quiet

if TYPE_CHECKING:
    from client.services import Services


class PersonChoice(Protocol):
    """One person on offer; ``key`` is their NIP."""

    @property
    def key(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def detail(self) -> str: ...


class PeopleSwitch(Protocol):
    def people(self, current: Services) -> Sequence[PersonChoice]: ...
    def open(self, key: str) -> Services: ...


def matches(choice: PersonChoice, words: Sequence[str]) -> bool:
    """Every typed word is in the name, the NIP or the detail (any case)."""
    haystack = f"{choice.name} {choice.key} {choice.detail}".casefold()
    return all(word in haystack for word in words)


class PersonPicker(ModalScreen[str | None]):
    """The people on offer; returns the chosen one's key, or None on Escape."""

    DEFAULT_CSS = """
    PersonPicker { align: center middle; }
    PersonPicker > Vertical {
        width: 78; max-width: 100%; height: auto; max-height: 100%;
        padding: 0 1; border: thick $primary; background: $surface;
    }
    PersonPicker .picker-title { text-style: bold; }
    PersonPicker OptionList { height: auto; max-height: 16; }
    PersonPicker #picker-count { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = list(bindings("person_picker"))

    def __init__(
        self,
        choices: Sequence[PersonChoice],
        current: str | None = None,
        lang: str | None = None,
        *,
        title: str | None = None,
    ) -> None:
        super().__init__()
        localise(self, lang)
        self.title_text = title  # the question asked; the demo's switch by default
        self.choices = list(choices)
        self.current = current
        self.shown: list[PersonChoice] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text or _("Switch to whom?"), classes="picker-title")
            yield quiet(
                Input(placeholder=_("Type to filter: name, NIP, position…"), id="picker-filter")
            )
            yield OptionList(id="picker-people")
            yield Static("", id="picker-count")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.show_matching("")
        people = self.query_one(OptionList)
        others = [i for i, choice in enumerate(self.shown) if choice.key != self.current]
        people.highlighted = others[0] if others else (0 if self.shown else None)

    @on(Input.Changed, "#picker-filter")
    def _filter(self, event: Input.Changed) -> None:
        self.show_matching(event.value)

    def show_matching(self, typed: str) -> None:
        words = typed.casefold().split()
        self.shown = [choice for choice in self.choices if matches(choice, words)]
        people = self.query_one(OptionList)
        people.clear_options()
        people.add_options([self.option(choice) for choice in self.shown])
        people.highlighted = 0 if self.shown else None
        self.query_one("#picker-count", Static).update(
            _("{shown} of {total} people").format(shown=len(self.shown), total=len(self.choices))
        )

    def option(self, choice: PersonChoice) -> Option:
        line = Text(choice.name, style="bold")
        if choice.key == self.current:
            line.append(" " + _("(you now)"))
        line.append("\n  " + choice.detail, style="dim")
        return Option(line, id=choice.key)

    def action_move(self, step: int) -> None:
        people = self.query_one(OptionList)
        if step > 0:
            people.action_cursor_down()
        else:
            people.action_cursor_up()

    def action_choose(self) -> None:
        people = self.query_one(OptionList)
        if people.highlighted is not None and self.shown:
            self.dismiss(self.shown[people.highlighted].key)

    @on(OptionList.OptionSelected, "#picker-people")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
