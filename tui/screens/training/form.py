"""One training record: title, path, JP, dates, organiser, certificate.

Returns the training data (protocol.md's shape) or None when cancelled. What
can be told from one field (a number, a date) is said beside it and the form
stays open; the whole record is validated again by client.writes.save. The
certificate is its number, a reference, until documents can be attached.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Select, Static

from client.training import PATHS, training_data
from domain.vocab import TRAINING_PATH_LABELS
from tui.actions import bindings, localise
from tui.texts import year_ as _
from tui.widgets.forms import ErrorLabel, clear_errors, quiet


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def _number(text: str) -> float | None:
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        return None
    return value if value > 0 else None


class TrainingForm(ModalScreen[dict[str, Any] | None]):
    DEFAULT_CSS = """
    TrainingForm { align: center middle; }
    TrainingForm > Vertical {
        width: 76; height: auto; max-height: 22; padding: 0 1;
        border: thick $primary; background: $surface;
    }
    TrainingForm .form-title { text-style: bold; margin-bottom: 1; }
    TrainingForm Horizontal { height: 1; }
    TrainingForm Horizontal Label { width: 21; }
    TrainingForm Input, TrainingForm Select { width: 1fr; }
    TrainingForm ErrorLabel { color: $error; }
    """
    BINDINGS = bindings("training.form")

    def __init__(self, title: str, today: date, existing: dict[str, Any] | None = None) -> None:
        super().__init__()
        localise(self)
        self.form_title = title
        self.today = today
        self.existing = existing or {}

    def _field(self, label: str, name: str, value: str) -> ComposeResult:
        with Horizontal():
            yield Label(label)
            yield quiet(Input(value, compact=True, id=f"training-{name}"))
        error = ErrorLabel(id=f"training-{name}-error")
        error.display = False
        yield error

    def compose(self) -> ComposeResult:
        data = self.existing
        today = self.today.isoformat()
        with Vertical():
            yield Static(self.form_title, classes="form-title")
            yield from self._field(_("Title"), "title", str(data.get("title", "")))
            with Horizontal():
                yield Label(_("Path"))
                yield Select(
                    [(TRAINING_PATH_LABELS[p], p) for p in PATHS],
                    value=data.get("path", "classical"),
                    allow_blank=False,
                    compact=True,
                    id="training-path",
                )
            yield from self._field(_("JP"), "jp", str(data.get("jp", "")))
            yield from self._field(_("Start (YYYY-MM-DD)"), "start", data.get("start", today))
            yield from self._field(_("End (YYYY-MM-DD)"), "end", data.get("end", today))
            yield from self._field(_("Organiser"), "organiser", data.get("organiser", ""))
            yield from self._field(_("Certificate no."), "certificate", data.get("certificate", ""))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#training-title", Input).focus()

    def _value(self, name: str) -> str:
        return self.query_one(f"#training-{name}", Input).value

    def _error(self, name: str, message: str) -> None:
        self.query_one(f"#training-{name}-error", ErrorLabel).show(message)

    def action_save(self) -> None:
        clear_errors(self)
        title = self._value("title").strip()
        jp, start, end = (
            _number(self._value("jp")),
            _date(self._value("start")),
            _date(self._value("end")),
        )
        if not title:
            self._error("title", _("Write the training's title."))
        if jp is None:
            self._error("jp", _("Write the JP as a number above 0, for example 16."))
        for name, day in (("start", start), ("end", end)):
            if day is None:
                self._error(name, _("Write the date as YYYY-MM-DD, for example 2026-03-14."))
        if start and end and end < start:
            self._error("end", _("The end comes before the start."))
        if not title or jp is None or start is None or end is None or end < start:
            return
        path = str(self.query_one("#training-path", Select).value)
        self.dismiss(
            training_data(
                title=title,
                path=path,
                jp=jp,
                start=start,
                end=end,
                organiser=self._value("organiser"),
                certificate=self._value("certificate"),
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
