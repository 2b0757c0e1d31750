"""Edit one field of a record by hand: to settle a conflict or fix a rejected change.

Text fields are edited as text; numbers, lists and maps as JSON (the way
they travel in protocol.md), checked as you type. Returns ``(value,)`` or
None when cancelled, so that a field can be set to null. Leaving a value
typed by hand asks first (tui/widgets/unsaved.py).
"""

from __future__ import annotations

import json
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.validation import Function
from textual.widgets import Footer, Input, Static

from tui.actions import bindings, localise
from tui.texts import review_ as _
from tui.widgets.forms import quiet
from tui.widgets.unsaved import GuardedForm


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def shown(value: Any) -> str:
    """A field's value as one line of text."""
    if value is None:
        return "-"
    if isinstance(value, str):
        return value.replace("\n", " ")
    return json.dumps(value, ensure_ascii=False)


class FieldEditDialog(GuardedForm, ModalScreen[tuple[Any] | None]):
    DEFAULT_CSS = """
    FieldEditDialog { align: center middle; }
    FieldEditDialog > Vertical {
        width: 76; height: auto; padding: 0 1;
        border: thick $primary; background: $surface;
    }
    FieldEditDialog #field-error { color: $error; height: auto; }
    """
    BINDINGS = bindings("field_edit")
    LEFT_WITH = None

    def __init__(self, label: str, value: Any) -> None:
        super().__init__()
        localise(self)
        self.label = label
        self.as_text = isinstance(value, str)
        self.value = value

    def compose(self) -> ComposeResult:
        hint = _("Text") if self.as_text else _("JSON, as the record holds it")
        with Vertical():
            yield Static(f"{self.label} ({hint})")
            yield Input(
                self.value if self.as_text else json.dumps(self.value, ensure_ascii=False),
                validators=[] if self.as_text else [Function(_is_json, _("Not valid JSON."))],
                compact=True,
                id="field-value",
            )
            yield Static("", id="field-error")
        yield Footer()

    def on_mount(self) -> None:
        quiet(self.query_one(Input)).focus()

    def action_save(self) -> None:
        raw = self.query_one(Input).value
        if self.as_text:
            self.dismiss((raw,))
        elif _is_json(raw):
            self.dismiss((json.loads(raw),))
        else:
            self.query_one("#field-error", Static).update(
                _("Not valid JSON: fix it, or press escape to leave it as it was.")
            )
