"""The PPK's note on one RHK or one BerAKHLAK value, beside what it is about.

For a BerAKHLAK value the dialog shows its guide behaviours
(domain.vocab.BERAKHLAK_GUIDES) and the PPK's own expectation from the SKP,
so the note is written with both in sight. Returns the note, or None when
cancelled; an empty note removes it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static, TextArea

from tui.screens.feedback_keys import N_, localise_bindings


class NoteDialog(ModalScreen[str | None]):
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
    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="evaluation.note_save"),
        Binding("escape", "cancel", N_("Cancel"), id="evaluation.note_cancel"),
    ]

    def __init__(self, title: str, context: str, note: str) -> None:
        super().__init__()
        localise_bindings(self)
        self.note_title = title
        self.context = context
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.note_title, classes="note-title")
            with VerticalScroll():
                yield Static(self.context, id="note-context")
            yield TextArea(self.note, id="note-text")
        yield Footer()

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.cursor_blink = False
        area.focus()

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
