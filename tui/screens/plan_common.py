"""Pieces the Rencana and Realisasi screens share: texts, keys, small dialogs."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Static

from domain.i18n import translator
from tui.keys import binding

GETTEXT_DOMAIN = "tui_plan"


def texts(lang: str) -> Callable[[str], str]:
    """The ``_`` of these screens, in the person's language."""
    return translator(GETTEXT_DOMAIN, lang)


def N_(msgid: str) -> str:
    """Marks a msgid for extraction; translated later, when the language is known."""
    return msgid


def translate_bindings(node: DOMNode, _: Callable[[str], str]) -> None:
    """Give a node's bindings their descriptions in the person's language.

    BINDINGS hold English msgids (a class is built before anyone signs in);
    each instance gets its own translated copy, keys and ids unchanged, so the
    user's keymap still applies.
    """
    translated = BindingsMap()
    for bindings in node._bindings.key_to_bindings.values():
        for bound in bindings:
            translated._add_binding(
                dataclasses.replace(
                    bound, description=_(bound.description), tooltip=_(bound.tooltip)
                )
                if bound.tooltip
                else dataclasses.replace(bound, description=_(bound.description))
            )
    node._bindings = translated


class FieldScroll(VerticalScroll, can_focus=False):
    """A scrolling column of fields: tab goes to the fields, not the column."""


class ErrorLabel(Label):
    """A message beside a field; takes no room while there is nothing to say."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, classes="plan-error")

    def show(self, message: str) -> None:
        self.update(message)
        self.display = bool(message)


def clear_errors(node: DOMNode) -> None:
    for label in node.query(ErrorLabel):
        label.show("")


class ScreenActions(Provider):
    """The command palette's entries for what the current screen can do now.

    Built from the screen's own (translated) bindings, so the palette and the
    footer always agree, and an action the person may not take is offered in
    neither.
    """

    def _available(self) -> list[Binding]:
        screen = self.screen
        found: dict[str, Binding] = {}
        for bindings in screen._bindings.key_to_bindings.values():
            for bound in bindings:
                if bound.show and bound.description and screen.check_action(bound.action, ()):
                    found.setdefault(bound.action, bound)
        return list(found.values())

    def _run(self, action: str) -> Callable[[], object]:
        async def run() -> None:
            await self.screen.run_action(action)

        return run

    async def discover(self) -> Hits:
        for bound in self._available():
            yield DiscoveryHit(bound.description, self._run(bound.action))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for bound in self._available():
            score = matcher.match(bound.description)
            if score > 0:
                yield Hit(score, matcher.highlight(bound.description), self._run(bound.action))


class ConfirmDialog(ModalScreen[bool]):
    """Asks yes or no before a step that can't simply be typed over."""

    BINDINGS = [
        binding("plan.confirm_yes", "ctrl+y", "confirm", N_("Yes")),
        binding("plan.confirm_no", "escape", "dismiss(False)", N_("No")),
    ]

    def __init__(self, question: str, lang: str) -> None:
        super().__init__(classes="plan-dialog")
        self._ = texts(lang)
        self.question = question
        translate_bindings(self, self._)

    def compose(self) -> ComposeResult:
        _ = self._
        with Vertical(classes="dialog-body"):
            yield Static(self.question, classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Yes (ctrl+y)"), id="yes", variant="primary", compact=True)
                yield Button(_("No (esc)"), id="no", compact=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _no(self) -> None:
        self.dismiss(False)


class NoteDialog(ModalScreen[str | None]):
    """Asks for a required note (the PPK's reason for returning an SKP)."""

    BINDINGS = [
        binding("plan.note_send", "ctrl+s", "send", N_("Send")),
        binding("plan.note_cancel", "escape", "dismiss(None)", N_("Cancel")),
    ]

    def __init__(self, title: str, lang: str) -> None:
        super().__init__(classes="plan-dialog")
        self._ = texts(lang)
        self.title_text = title
        translate_bindings(self, self._)

    def compose(self) -> ComposeResult:
        _ = self._
        with Vertical(classes="dialog-body"):
            yield Static(self.title_text, classes="dialog-question")
            yield Input(placeholder=_("What should be corrected"), id="note")
            yield ErrorLabel(id="note-error")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        note = self.query_one("#note", Input)
        note.cursor_blink = False
        note.focus()

    @on(Input.Submitted, "#note")
    def action_send(self) -> None:
        text = self.query_one("#note", Input).value.strip()
        if not text:
            self.query_one("#note-error", ErrorLabel).show(
                self._("A note is required: say what must be corrected.")
            )
            return
        self.dismiss(text)
