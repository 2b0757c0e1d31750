"""What every tab of Kepegawaian shares: the person's records, the people to pick, saving."""

from __future__ import annotations

from dataclasses import dataclass

from textual.screen import Screen

from client import admin
from client.services import Services
from client.writes import Saved, Write, save
from domain.nip import format_nip
from tui.texts import admin_ as _
from tui.widgets.saving import Saving


@dataclass(frozen=True)
class Choice:
    """A person on offer in the picker (tui.widgets.person_picker.PersonChoice)."""

    key: str
    name: str
    detail: str


class AdminBase(Saving, Screen[None]):
    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.view = admin.read(services)
        self.allowed = admin.may_administer(self.view)

    def refresh_view(self, *, reread: bool = True) -> None:
        """Show the records again (read afresh from the store unless ``reread`` is False)."""
        raise NotImplementedError

    def _after_form(self, saved: bool | None) -> None:
        if saved:
            self.notify(_("Saved."))
            self.refresh_view()

    def _people(self, exclude: str | None = None) -> list[Choice]:
        return [
            Choice(line.nip, line.name, f"{format_nip(line.nip)} · {line.position} · {line.unit}")
            for line in admin.employee_lines(self.view)
            if line.active and line.nip != exclude
        ]

    def _save(self, write: Write) -> None:
        services = self.services
        self.save(lambda: save(services, write), self._saved)

    def _saved(self, _saved: Saved) -> None:
        self.notify(_("Saved."))
        self.refresh_view()
