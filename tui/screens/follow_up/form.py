"""A new follow-up, from a final evaluation: the app proposes the fitting kind.

Returns (owner, data) or None when cancelled. Choosing the evaluation sets
the kind the predikat calls for (client/follow_up.proposal) and says why;
Kurang/Misconduct also says that discipline (PP 94/2021) is a separate
track, recorded as a sanction with its level. The PPK may choose another
kind: the proposal is advice, never forced.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Select, Static, TextArea

from client.follow_up import follow_up_data, proposal
from domain.vocab import FOLLOW_UP_KIND_LABELS, PREDIKAT_LABELS, SANCTION_LEVEL_LABELS
from tui.actions import bindings, localise
from tui.texts import year_ as _
from tui.widgets.forms import ErrorLabel, clear_errors, quiet

# (label, evaluation id, owner, predikat)
Source = tuple[str, str, str, str]


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


class FollowUpForm(ModalScreen[tuple[str, dict[str, Any]] | None]):
    DEFAULT_CSS = """
    FollowUpForm { align: center middle; }
    FollowUpForm > Vertical {
        width: 76; height: auto; max-height: 23; padding: 0 1;
        border: thick $primary; background: $surface;
    }
    FollowUpForm .form-title { text-style: bold; }
    FollowUpForm Horizontal { height: 1; }
    FollowUpForm Horizontal Label { width: 14; }
    FollowUpForm Input, FollowUpForm Select { width: 1fr; }
    FollowUpForm #follow-proposal { color: $accent; height: auto; }
    FollowUpForm TextArea { height: 4; }
    FollowUpForm ErrorLabel { color: $error; }
    """
    BINDINGS = bindings("follow_up.form")

    def __init__(self, sources: list[Source], today: date) -> None:
        super().__init__()
        localise(self)
        self.sources = {s[1]: s for s in sources}
        self.today = today

    def _row(self, label: str, widget: Any) -> ComposeResult:
        with Horizontal():
            yield Label(label)
            yield widget

    def compose(self) -> ComposeResult:
        first = next(iter(self.sources), None)
        with Vertical():
            yield Static(_("New tindak lanjut"), classes="form-title")
            yield from self._row(
                _("Evaluation"),
                Select(
                    [(s[0], s[1]) for s in self.sources.values()],
                    value=first if first else Select.BLANK,
                    allow_blank=first is None,
                    compact=True,
                    id="follow-evaluation",
                ),
            )
            yield Static("", id="follow-proposal")
            yield from self._row(
                _("Kind"),
                Select(
                    [(label, kind) for kind, label in FOLLOW_UP_KIND_LABELS.items()],
                    value="development",
                    allow_blank=False,
                    compact=True,
                    id="follow-kind",
                ),
            )
            yield from self._row(
                _("Level"),
                Select(
                    [(label, level) for level, label in SANCTION_LEVEL_LABELS.items()],
                    value="light",
                    allow_blank=False,
                    compact=True,
                    id="follow-level",
                ),
            )
            yield from self._row(
                _("Start"), quiet(Input(self.today.isoformat(), compact=True, id="follow-start"))
            )
            yield from self._row(_("Due (optional)"), quiet(Input(compact=True, id="follow-due")))
            error = ErrorLabel(id="follow-date-error")
            error.display = False
            yield error
            yield Label(_("What is done, and why"))
            yield quiet(TextArea(id="follow-description"))
            error = ErrorLabel(id="follow-description-error")
            error.display = False
            yield error
        yield Footer()

    def on_mount(self) -> None:
        self._propose()
        self.query_one("#follow-evaluation", Select).focus()

    @on(Select.Changed, "#follow-evaluation")
    def _propose(self) -> None:
        source = self.sources.get(str(self.query_one("#follow-evaluation", Select).value))
        shown = self.query_one("#follow-proposal", Static)
        if source is None:
            shown.update(_("No final evaluation to start from."))
            return
        found = proposal(source[3])
        predikat = PREDIKAT_LABELS.get(source[3], source[3])  # type: ignore[call-overload]
        if found.kind is None:
            text = _("{predikat}: no follow-up is required; development is always possible.")
        else:
            text = _("{predikat}: {kind} is proposed.")
            self.query_one("#follow-kind", Select).value = found.kind
        kind = FOLLOW_UP_KIND_LABELS.get(found.kind, "") if found.kind else ""  # type: ignore[call-overload]
        lines = [text.format(predikat=predikat, kind=kind)]
        if found.kind == "coaching":
            lines.append(_("Pembinaan comes with a development plan (PP 30/2019)."))
        if found.discipline:
            lines.append(
                _(
                    "Discipline (PP 94/2021) is a separate track with its own level: "
                    "record it as a sanction."
                )
            )
        shown.update("\n".join(lines))

    @on(Select.Changed, "#follow-kind")
    def _kind(self) -> None:
        sanction = self.query_one("#follow-kind", Select).value == "sanction"
        self.query_one("#follow-level", Select).disabled = not sanction

    def action_save(self) -> None:
        clear_errors(self)
        source = self.sources.get(str(self.query_one("#follow-evaluation", Select).value))
        description = self.query_one("#follow-description", TextArea).text.strip()
        start = _date(self.query_one("#follow-start", Input).value)
        due_text = self.query_one("#follow-due", Input).value.strip()
        due = _date(due_text) if due_text else None
        date_error = self.query_one("#follow-date-error", ErrorLabel)
        if start is None or (due_text and due is None):
            date_error.show(_("Write the dates as YYYY-MM-DD, for example 2026-03-14."))
        elif due is not None and due < start:
            date_error.show(_("The due date comes before the start."))
        if not description:
            self.query_one("#follow-description-error", ErrorLabel).show(
                _("Say what is done, and why.")
            )
        if source is None or not description or date_error.display or start is None:
            return
        kind = str(self.query_one("#follow-kind", Select).value)
        level = str(self.query_one("#follow-level", Select).value)
        data = follow_up_data(
            kind=kind,
            description=description,
            start=start,
            due=due,
            evaluation_id=source[1],
            level=level,
        )
        self.dismiss((source[2], data))

    def action_cancel(self) -> None:
        self.dismiss(None)
