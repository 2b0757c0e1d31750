"""Dialogs that choose an SKP: a new one for a period, or another of mine."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from client.plan import find_period, label_of
from client.records import Snapshot
from client.services import Services
from domain.vocab import PLAN_STATUS_LABELS
from tui.actions import bindings, localise
from tui.texts import plan_texts
from tui.widgets.forms import ErrorLabel, quiet


class CreatePlanDialog(ModalScreen[str | None]):
    """Returns the id of the chosen period, or None when cancelled.

    The period is typed (with suggestions from the period records) so that a
    person can work fast by keyboard; a name that matches no period is
    refused beside the field.
    """

    BINDINGS = bindings("plan.create")

    def __init__(self, services: Services, view: Snapshot, ppk_nip: str) -> None:
        super().__init__(classes="plan-dialog")
        self.services = services
        self.view = view
        self.ppk_nip = ppk_nip
        self._ = plan_texts(services.lang)
        localise(self, services.lang)

    def compose(self) -> ComposeResult:
        _ = self._
        periods = self.view.periods_by_start()
        names = [str(p["data"].get("name", p["id"])) for p in periods]
        annual = [str(p["data"].get("name")) for p in periods if p["data"].get("kind") == "annual"]
        with Vertical(classes="dialog-body"):
            yield Static(_("New SKP"), classes="dialog-title")
            yield Static(_("PPK: {person}").format(person=self.view.person_label(self.ppk_nip)))
            yield Label(_("Period"))
            yield Input(
                value=annual[-1] if annual else "",
                placeholder=_("e.g. {example}").format(example=names[0] if names else "2026"),
                suggester=SuggestFromList(names, case_sensitive=False),
                compact=True,
                id="period",
            )
            yield ErrorLabel(id="period-error")
            yield Static(
                _("Periods: {names}").format(names=", ".join(annual or names) or "-"),
                classes="hint",
            )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        quiet(self.query_one("#period", Input)).focus()

    @on(Input.Submitted, "#period")
    def action_create(self) -> None:
        _ = self._
        typed = self.query_one("#period", Input).value
        error = self.query_one("#period-error", ErrorLabel)
        period = find_period(self.view, typed)
        if period is None:
            error.show(
                _("There is no period {name!r}. Choose one of the periods listed below.").format(
                    name=typed.strip()
                )
            )
            return
        self.dismiss(period["id"])


class PlanPicker(ModalScreen[str | None]):
    """Chooses which of my SKP to show: one line per period, with its status."""

    BINDINGS = bindings("plan.picker")
    NEW = "new"  # the option that drafts an SKP for another period

    def __init__(self, services: Services, view: Snapshot) -> None:
        super().__init__(classes="plan-dialog")
        self.services = services
        self.view = view
        self._ = plan_texts(services.lang)
        localise(self, services.lang)

    def compose(self) -> ComposeResult:
        mine = sorted(
            self.view.plans_of(self.services.me), key=self.view.period_start, reverse=True
        )
        options = [
            Option(
                "{period} · {status}".format(
                    period=self.view.period_name(p["data"].get("period_id")),
                    status=label_of(PLAN_STATUS_LABELS, p["data"].get("status", "")),
                ),
                id=p["id"],
            )
            for p in mine
        ]
        options.append(Option(self._("New SKP for another period…"), id=self.NEW))
        with Vertical(classes="dialog-body"):
            yield Static(self._("Which SKP?"), classes="dialog-title")
            yield OptionList(*options, id="plans")
        yield Footer(compact=True)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
