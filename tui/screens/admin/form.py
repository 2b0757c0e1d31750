"""A small form of text fields for the Kepegawaian area, that saves what was typed.

``job(values)`` makes the save (a client.writes result) from the typed
texts; the form closes once it is saved and answers True, and otherwise keeps
what was typed and shows each message beside its field (Escape: False).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Static

from client.writes import Issues, Saved, SaveResult
from tui.actions import bindings, localise
from tui.widgets.forms import ErrorLabel, FieldScroll, quiet, show_beside_fields
from tui.widgets.saving import Saving

Job = Callable[[dict[str, str]], Callable[[], SaveResult]]


@dataclass(frozen=True)
class Field:
    name: str  # the data key, and the message's field path ("ratings.<period id>")
    label: str  # already translated
    value: str = ""
    locked: bool = False  # shown but not changed (an employee's NIP)
    hint: str = ""  # the placeholder: what to type

    @property
    def widget_id(self) -> str:
        """The field path as a widget id, as show_beside_fields looks for its message."""
        return self.name.replace(".", "-")


class FieldsDialog(Saving, ModalScreen[bool]):
    """Fields one under the other; ctrl+s saves them through ``job``."""

    DEFAULT_CSS = """
    FieldsDialog { align: center middle; }
    FieldsDialog > Vertical {
        width: 78; max-width: 100%; height: auto; max-height: 100%;
        padding: 0 1; border: thick $primary; background: $surface;
    }
    FieldsDialog .form-title { text-style: bold; }
    FieldsDialog FieldScroll { height: auto; max-height: 18; }
    FieldsDialog Input { height: 1; border: none; padding: 0 1; }
    FieldsDialog .plan-error { color: $error; }
    """
    BINDINGS: ClassVar[list[BindingType]] = list(bindings("admin.form"))

    def __init__(
        self, title: str, fields: Sequence[Field], job: Job, lang: str | None = None
    ) -> None:
        super().__init__()
        localise(self, lang)
        self.form_title = title
        self.fields = list(fields)
        self.job = job

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.form_title, classes="form-title")
            with FieldScroll():
                for field in self.fields:
                    yield Label(field.label)
                    yield quiet(
                        Input(
                            field.value,
                            placeholder=field.hint,
                            id=f"field-{field.widget_id}",
                            disabled=field.locked,
                        )
                    )
                    error = ErrorLabel(id=f"{field.widget_id}-error")
                    error.display = False
                    yield error
        yield Footer()

    def on_mount(self) -> None:
        editable = [f for f in self.fields if not f.locked]
        if editable:
            self.query_one(f"#field-{editable[0].widget_id}", Input).focus()

    def action_save(self) -> None:
        typed = {
            f.name: self.query_one(f"#field-{f.widget_id}", Input).value.strip()
            for f in self.fields
        }
        self.save(self.job(typed), self._saved)

    def _saved(self, _saved: Saved) -> None:
        self.dismiss(True)

    def show_issues(self, issues: Issues) -> None:
        unplaced = show_beside_fields(self, issues.fields)
        if unplaced:
            super().show_issues(Issues({"": "\n".join(unplaced)}))
