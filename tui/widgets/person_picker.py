"""Choosing a person from a list, by keyboard: type to filter, up/down, Enter.

A FilterList: typing filters by name, NIP or position, ctrl+o sorts, the
count says how many of how many; Enter (a priority key, ahead of the
filter's own) takes the highlighted person.

The demo's F8 (tui/app.py) offers its sample people through ``PeopleSwitch``:
``people`` lists them, ``open`` gives the chosen one's Services (it may sign
them in first, so the app calls it off the screen's thread).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Select, Static

from domain.nip import format_nip
from tui.actions import bindings, localise
from tui.texts import _
from tui.widgets.filter_list import Column, FilterList, Row

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


class PersonPicker(ModalScreen[str | None]):
    """The people on offer; returns the chosen one's key, or None on Escape."""

    DEFAULT_CSS = """
    PersonPicker { align: center middle; }
    PersonPicker > Vertical {
        width: 78; max-width: 100%; height: 20; max-height: 100%;
        padding: 0 1; border: thick $primary; background: $surface;
    }
    PersonPicker .picker-title { text-style: bold; }
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
        self.choices = list(choices)
        self.current = current
        self.lang = lang
        self.heading = title or _("Switch to whom?")

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.heading, classes="picker-title")
            yield FilterList(
                # The NIP is matched but not shown: the position and what the
                # demo shows of the person need the width.
                (Column(_("Name"), 26), Column(_("Position"), 45)),
                [self.row(choice) for choice in self.choices],
                noun=_("people"),
                placeholder=_("Type to filter: name, NIP, position…"),
                lang=self.lang,
                id="picker-people",
            )
        yield Footer()

    def row(self, choice: PersonChoice) -> Row:
        name = choice.name
        if choice.key == self.current:
            name += " " + _("(you now)")
        return Row(choice.key, (name, choice.detail), also=format_nip(choice.key))

    def on_mount(self) -> None:
        people = self.query_one(FilterList)
        people.focus_filter()
        others = [choice.key for choice in self.choices if choice.key != self.current]
        if others:
            people.highlight(others[0])

    def action_choose(self) -> None:
        key = self.query_one(FilterList).highlighted_key
        if key is not None:
            self.dismiss(key)

    @on(FilterList.Chosen)
    def _picked(self, event: FilterList.Chosen) -> None:
        self.dismiss(event.key)


@dataclass(frozen=True)
class Person:
    key: str
    name: str
    detail: str


def pick_person(screen: Screen[Any], select: Select[Any], detail: Callable[[str], str]) -> None:
    """Choose the value of a Select of people (F5's and F6's "p") in the PersonPicker:
    a team of 300 is found by typing, not by scrolling the Select's list.
    ``detail(nip)`` is the line beside each name (the position)."""
    people = [
        Person(str(value), str(label), detail(str(value)))
        for label, value in select._options
        if isinstance(value, str)
    ]

    def chosen(key: str | None) -> None:
        if key is not None:
            select.value = key

    current = select.value if isinstance(select.value, str) else None
    picker = PersonPicker(people, current, title=_("Which employee?"))
    screen.app.push_screen(picker, chosen)
