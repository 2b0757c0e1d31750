"""The app's dialogs: one yes/no question, one note."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static, TextArea

from tui.actions import bindings, localise
from tui.texts import _
from tui.widgets.forms import ErrorLabel, quiet
from tui.widgets.unsaved import GuardedForm


class ConfirmDialog(ModalScreen[bool]):
    """A question before a step that can't be undone; True only on an explicit yes."""

    DEFAULT_CSS = """
    ConfirmDialog { align: center middle; }
    ConfirmDialog > Vertical {
        width: 60; height: auto; padding: 1 2;
        border: thick $error; background: $surface;
    }
    ConfirmDialog #confirm-question { margin-bottom: 1; }
    ConfirmDialog Horizontal { height: auto; align-horizontal: right; }
    ConfirmDialog Button { margin-left: 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = list(bindings("confirm"))

    def __init__(self, question: str, lang: str | None = None) -> None:
        super().__init__()
        localise(self, lang)
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, id="confirm-question")
            with Horizontal():
                yield Button(_("Yes (y)"), id="confirm-yes", variant="error")
                yield Button(_("No (n)"), id="confirm-no", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class NoteDialog(GuardedForm, ModalScreen[str | None]):
    """A note, written beside what it is about; returns it, or None when cancelled.

    ``required`` is the message shown when the note is left empty (the PPK's
    reason for returning an SKP); without it an empty note is a valid answer
    (it removes an evaluation note). A note can be long (the reason an SKP
    goes back): leaving it typed asks first, as every form does.
    """

    DEFAULT_CSS = """
    NoteDialog { align: center middle; }
    NoteDialog > Vertical {
        width: 78; height: auto; max-height: 22; padding: 0 1;
        border: thick $primary; background: $surface;
    }
    NoteDialog .note-title { text-style: bold; }
    NoteDialog VerticalScroll { height: auto; max-height: 9; }
    NoteDialog TextArea { height: 6; }
    """
    BINDINGS: ClassVar[list[BindingType]] = list(bindings("note"))
    LEFT_WITH = None

    def __init__(
        self,
        title: str,
        context: str = "",
        note: str = "",
        *,
        required: str | None = None,
        lang: str | None = None,
    ) -> None:
        super().__init__()
        localise(self, lang)
        self.note_title = title
        self.context = context
        self.note = note
        self.required = required

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.note_title, classes="note-title")
            if self.context:
                with VerticalScroll():
                    yield Static(self.context, id="note-context")
            yield quiet(TextArea(self.note, id="note-text"))
            error = ErrorLabel(id="note-error")
            error.display = False
            yield error
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        text = self.query_one(TextArea).text.strip()
        if self.required and not text:
            self.query_one("#note-error", ErrorLabel).show(self.required)
            return
        self.dismiss(text)
