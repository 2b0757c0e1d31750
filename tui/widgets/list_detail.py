"""A screen of records: a summary line, a list that filters, and the highlighted record below.

Keberatan, Tindak lanjut and Pelatihan are laid out the same way: Header,
panes above (pickers), ``<prefix>-summary``, the ``FilterList``
``<prefix>-list``, the detail panes (``<prefix>-<pane>``), a
``RejectedNotice`` and the Footer. This base keeps what they share: the
layout, the one read of the store, the rows, the keys that follow the
highlighted record (``allowed``), the re-read after a sync round, and the
write path (tui.widgets.record_saving). A screen says only what differs:
its columns and words (``listing``), its records and their cells, its
summary and detail, and its keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from client.records import Snapshot
from tui.actions import localise
from tui.widgets.commands import ScreenCommands
from tui.widgets.filter_list import Column, FilterList, Row
from tui.widgets.record_saving import RecordSaving
from tui.widgets.rejected import RejectedNotice

Item = TypeVar("Item")


@dataclass(frozen=True)
class Listing:
    """The screen's title and its list's columns and filter words, in the person's language."""

    title: str
    columns: list[Column]
    noun: str
    placeholder: str


class ListDetailScreen(RecordSaving, Screen[None], Generic[Item]):
    """Records of ``COLLECTIONS`` in a FilterList, one of them detailed below it."""

    COMMANDS = {ScreenCommands}
    PREFIX: ClassVar[str]  # of the widgets' ids, which the screen's .tcss styles
    PANES: ClassVar[tuple[str, ...]] = ("detail",)  # Statics under the list
    COLLECTIONS: ClassVar[tuple[str, ...]]

    def __init__(self, services: Any) -> None:
        super().__init__()
        localise(self)
        self.services = services
        self.records = Snapshot.read(services, self.COLLECTIONS)
        self.shown: dict[str, Item] = {}
        # action -> check_action's answer: None shows the key disabled.
        self.allowed: dict[str, bool | None] = {}

    # --- what a screen says -------------------------------------------------------
    def listing(self) -> Listing:
        raise NotImplementedError

    def listed(self) -> Sequence[Item]:
        """The records to list, in order, from ``self.records``."""
        raise NotImplementedError

    def key_of(self, item: Item) -> str:
        raise NotImplementedError

    def cells(self, item: Item) -> tuple[str, ...]:
        raise NotImplementedError

    def show_summary(self, found: Sequence[Item]) -> None:
        """Fill the summary (and any pane that follows the whole list, not the highlight)."""
        raise NotImplementedError

    def show_detail(self) -> None:
        """Weigh ``allowed`` and show the highlighted record (``current``)."""
        raise NotImplementedError

    def compose_above(self) -> ComposeResult:
        """Widgets between the Header and the summary (a picker)."""
        yield from ()

    # --- layout ---------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        listing = self.listing()
        yield Header()
        yield from self.compose_above()
        yield Static("", id=f"{self.PREFIX}-summary")
        yield FilterList(
            listing.columns,
            noun=listing.noun,
            placeholder=listing.placeholder,
            lang=self.services.lang,
            id=f"{self.PREFIX}-list",
        )
        for pane in self.PANES:
            yield Static("", id=f"{self.PREFIX}-{pane}")
        yield RejectedNotice(id=f"{self.PREFIX}-rejected")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.listing().title
        self.refresh_table(reread=False)
        self.query_one(FilterList).focus_filter()

    def pane(self, name: str) -> Static:
        """The summary or a detail pane, by the name its id ends with."""
        return self.query_one(f"#{self.PREFIX}-{name}", Static)

    # --- what is shown --------------------------------------------------------------
    @property
    def current(self) -> Item | None:
        key = self.query_one(FilterList).highlighted_key
        return self.shown.get(key) if key else None

    def refresh_table(self, *, reread: bool = True) -> None:
        if reread:
            self.records = Snapshot.read(self.services, self.COLLECTIONS)
        found = self.listed()
        self.shown = {self.key_of(item): item for item in found}
        rows = [Row(key, self.cells(item)) for key, item in self.shown.items()]
        self.query_one(FilterList).set_rows(rows)
        self.show_summary(found)
        self.show_detail()

    @on(FilterList.Highlighted)
    def _highlighted(self) -> None:
        if self.is_mounted:
            self.show_detail()

    def on_sync_done(self, _message: object) -> None:
        self.refresh_table()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.allowed.get(action, True)
