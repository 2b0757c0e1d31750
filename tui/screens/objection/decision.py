"""The atasan PPK's decision on an objection: uphold, or change the ratings.

Returns (outcome, note, ratings or None), or None when cancelled. The
predikat the new ratings give is shown live (domain.predikat's matrix);
the decision is final once sent, so the form says so.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, Select, Static, TextArea

from domain.predikat import predikat
from domain.vocab import OBJECTION_OUTCOME_LABELS, PREDIKAT_LABELS, RATING_LABELS, RATINGS
from tui.actions import bindings, localise
from tui.texts import year_ as _
from tui.widgets.forms import ErrorLabel, quiet

Decision = tuple[str, str, tuple[str, str] | None]


class DecisionForm(ModalScreen[Decision | None]):
    DEFAULT_CSS = """
    DecisionForm { align: center middle; }
    DecisionForm > Vertical {
        width: 76; height: auto; max-height: 22; padding: 0 1;
        border: thick $primary; background: $surface;
    }
    DecisionForm .form-title { text-style: bold; }
    DecisionForm Select { width: 1fr; }
    DecisionForm TextArea { height: 5; }
    DecisionForm #decision-predikat { color: $accent; text-style: bold; }
    """
    BINDINGS = bindings("objection.decision")

    def __init__(self, title: str, result: str, behaviour: str) -> None:
        super().__init__()
        localise(self)
        self.form_title = title
        self.ratings = (result, behaviour)

    def compose(self) -> ComposeResult:
        ratings = [(RATING_LABELS[r], r) for r in RATINGS]
        with Vertical():
            yield Static(self.form_title, classes="form-title")
            yield Select(
                [(label, key) for key, label in OBJECTION_OUTCOME_LABELS.items()],
                value="upheld",
                allow_blank=False,
                compact=True,
                id="decision-outcome",
            )
            yield Label(_("Rating hasil kerja"))
            yield Select(
                ratings,
                value=self.ratings[0],
                allow_blank=False,
                compact=True,
                id="decision-result",
            )
            yield Label(_("Rating perilaku"))
            yield Select(
                ratings,
                value=self.ratings[1],
                allow_blank=False,
                compact=True,
                id="decision-behaviour",
            )
            yield Static("", id="decision-predikat")
            yield Label(_("Note of the decision (final: it can't be changed after)"))
            yield quiet(TextArea(id="decision-note"))
            error = ErrorLabel(id="decision-error")
            error.display = False
            yield error
        yield Footer()

    def on_mount(self) -> None:
        self._show()
        self.query_one("#decision-outcome", Select).focus()

    def _chosen(self) -> tuple[str, tuple[str, str]]:
        outcome = str(self.query_one("#decision-outcome", Select).value)
        result = str(self.query_one("#decision-result", Select).value)
        behaviour = str(self.query_one("#decision-behaviour", Select).value)
        return outcome, (result, behaviour)

    @on(Select.Changed)
    def _show(self) -> None:
        outcome, ratings = self._chosen()
        changing = outcome == "changed"
        for selector in ("#decision-result", "#decision-behaviour"):
            self.query_one(selector, Select).disabled = not changing
        shown = ratings if changing else self.ratings
        label = PREDIKAT_LABELS[predikat(*shown)]
        self.query_one("#decision-predikat", Static).update(
            _("Predikat after the decision: {label}").format(label=label)
        )

    def action_save(self) -> None:
        outcome, ratings = self._chosen()
        note = self.query_one("#decision-note", TextArea).text.strip()
        error = self.query_one("#decision-error", ErrorLabel)
        if not note:
            error.show(_("Write the note of the decision: the employee and the PPK read it."))
            return
        if outcome == "changed" and ratings == self.ratings:
            error.show(_("The ratings are the same: choose new ones, or uphold the evaluation."))
            return
        self.dismiss((outcome, note, ratings if outcome == "changed" else None))

    def action_cancel(self) -> None:
        self.dismiss(None)
