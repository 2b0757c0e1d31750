"""F1 "Bantuan": the keys of the screen the person was on, as mapped now, with their ids."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Static

from tui.actions import KeyHelp, bindings, localise
from tui.texts import _


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = list(bindings("help"))

    def __init__(self, keys: list[KeyHelp], screen_title: str = "") -> None:
        super().__init__()
        localise(self)
        self.keys = keys
        self.screen_title = screen_title

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            title = _("Help")
            if self.screen_title:
                title += f": {self.screen_title}"
            yield Static(title, id="help-title")
            yield DataTable(id="help-keys", cursor_type="row", zebra_stripes=True)
            yield Static(
                _(
                    "Keys can be changed in settings.toml in your profile folder, e.g. "
                    '[keys] "plan.submit" = "ctrl+s".'
                ),
                id="help-hint",
                markup=False,
            )
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("Key"), _("What it does"), _("Id in settings.toml"))
        for row in self.keys:
            table.add_row(row.key, row.description, row.binding_id or "")
