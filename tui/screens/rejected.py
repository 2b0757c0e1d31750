"""A change the server refused, shown where its record is; and the yes/no
dialog that guards what can't be undone.

protocol.md: a rejected push is kept on the client with the server's code
and message ("Nothing is stored; the client keeps the change and shows the
reason"). The record carries ``rejected`` = {mutation_id, code, message}.
``RejectedNotice`` says what happened in the person's language (the code's
meaning from our catalogue, then the server's own words) and what they can
do: fix it (any new edit resends it) or discard it (back to the server's
version, behind ``ConfirmDialog``). ``discard_change`` calls the sync
package's discard, imported only when used.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from domain.i18n import translator
from tui.screens.feedback_keys import N_, _, localise_bindings


def code_meaning(code: str, lang: str) -> str:
    """What a rejection code of protocol.md means, in the person's language."""
    _ = translator("tui_review", lang)
    meanings = {
        "invalid": _("the data is not valid"),
        "forbidden": _("you may not change this record"),
        "immutable": _("the record is final and can no longer change"),
    }
    return meanings.get(code, code)


def reason_text(rejected: Mapping[str, Any], lang: str) -> str:
    """Why the server refused a change, in the person's language."""
    _ = translator("tui_review", lang)
    meaning = code_meaning(str(rejected.get("code", "")), lang)
    message = str(rejected.get("message") or "").strip()
    text = _("Rejected by the server: {meaning}.").format(meaning=meaning)
    if message:
        text += " " + _("Server's reason: {message}").format(message=message)
    return text


class RejectedNotice(Static):
    """One line under a record: the refusal and the keys that settle it."""

    DEFAULT_CSS = """
    RejectedNotice {
        color: $error;
        height: auto;
        display: none;
    }
    RejectedNotice.-shown { display: block; }
    """

    def show_for(self, record: Mapping[str, Any] | None, lang: str, hint: str = "") -> None:
        rejected = record.get("rejected") if record else None
        if not rejected:
            self.remove_class("-shown")
            self.update("")
            return
        self.update(f"{reason_text(rejected, lang)} {hint}".strip())
        self.add_class("-shown")


def discard_change(store: Any, collection: str, record_id: str) -> None:
    """Drop the refused local change: the record goes back to the server's version."""
    from sync.choices import discard

    discard(store, collection, record_id)


class ConfirmDialog(ModalScreen[bool]):
    """A question with Ya/Tidak; answers True only on an explicit yes."""

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
    BINDINGS = [
        Binding("y", "answer(True)", N_("Yes"), id="confirm.yes"),
        Binding("n,escape", "answer(False)", N_("No"), id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        localise_bindings(self)
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
