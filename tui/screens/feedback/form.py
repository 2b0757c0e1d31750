"""The PPK's form for one umpan balik or one dialog kinerja note.

Returns the feedback data (protocol.md's shape) or None when cancelled. The
target is the SKP as a whole or one of its RHK; a dialog note also carries
the date the conversation was held (see client/feedback.py). Bad input gets a
message beside the field and the form stays open; the caller still
validates the whole record with domain.validation before saving.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.validation import Function
from textual.widgets import Footer, Input, Label, Select, Static, TextArea

from client.feedback import dialog_text, feedback_data, parse_dialog
from tui.actions import bindings, localise
from tui.texts import review_ as _
from tui.widgets.forms import quiet
from tui.widgets.unsaved import GuardedForm

WHOLE_PLAN = "__plan__"


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text.strip())
    except ValueError:
        return False
    return True


class FeedbackForm(GuardedForm, ModalScreen[dict[str, Any] | None]):
    DEFAULT_CSS = """
    FeedbackForm { align: center middle; }
    FeedbackForm > Vertical {
        width: 76; height: auto; max-height: 22; padding: 0 1;
        border: thick $primary; background: $surface;
    }
    FeedbackForm Label { margin-top: 1; }
    FeedbackForm TextArea { height: 6; }
    FeedbackForm .field-error { color: $error; height: auto; }
    """
    BINDINGS = bindings("feedback.form")
    LEFT_WITH = None

    def __init__(
        self,
        *,
        title: str,
        targets: list[tuple[str, str]],
        period_id: str | None,
        dialog: bool,
        today: date,
        existing: dict[str, Any] | None = None,
    ) -> None:
        super().__init__()
        localise(self)
        self.form_title = title
        self.targets = targets
        self.period_id = period_id
        self.dialog = dialog
        self.today = today
        self.existing = existing or {}

    def compose(self) -> ComposeResult:
        text = str(self.existing.get("text", ""))
        found = parse_dialog(text)
        held_on = found[0] if found else self.today
        body = found[1] if found else text
        with Vertical():
            yield Static(self.form_title, classes="form-title")
            yield Label(_("About"))
            yield Select(
                [(_("The SKP as a whole"), WHOLE_PLAN), *[(t, i) for i, t in self.targets]],
                value=self.existing.get("plan_item_id") or WHOLE_PLAN,
                allow_blank=False,
                compact=True,
                id="feedback-target",
            )
            if self.dialog:
                yield Label(_("Held on (YYYY-MM-DD)"))
                yield Input(
                    held_on.isoformat(),
                    validators=[Function(_is_date, _("Write the date as YYYY-MM-DD."))],
                    compact=True,
                    id="feedback-date",
                )
                yield Static("", classes="field-error", id="feedback-date-error")
            yield Label(_("Dialog kinerja note") if self.dialog else _("Umpan balik"))
            yield TextArea(body, id="feedback-text")
            yield Static("", classes="field-error", id="feedback-text-error")
        yield Footer()

    def on_mount(self) -> None:
        for field in self.query(Input):
            quiet(field)
        quiet(self.query_one(TextArea)).focus()

    def draft_key(self) -> str:
        return f"feedback-{self.existing.get('id', 'new')}-{self.period_id}-{self.form_title}"

    def draft_title(self) -> str:
        return self.form_title

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        body = self.query_one("#feedback-text", TextArea).text.strip()
        text_error = self.query_one("#feedback-text-error", Static)
        text_error.update("" if body else _("Write the umpan balik first: it can't be empty."))
        held_on: date | None = self.today
        if self.dialog:
            raw = self.query_one("#feedback-date", Input).value
            held_on = date.fromisoformat(raw.strip()) if _is_date(raw) else None
            self.query_one("#feedback-date-error", Static).update(
                "" if held_on else _("Write the date as YYYY-MM-DD, for example 2026-03-14.")
            )
        if not body or held_on is None:
            return
        target = self.query_one("#feedback-target", Select).value
        text = dialog_text(held_on, body) if self.dialog else body
        # Built afresh, so an edit drops acknowledged_at: changed words are read again.
        data = feedback_data(
            text,
            self.existing.get("period_id", self.period_id),
            None if target == WHOLE_PLAN else str(target),
        )
        self.dismiss(data)
