"""Dialogs that choose an SKP: a new one for a period, or another of mine."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from domain.vocab import PLAN_STATUS_LABELS
from tui.keys import binding
from tui.screens.plan_common import N_, ErrorLabel, texts, translate_bindings
from tui.screens.plan_data import (
    Services,
    find_period,
    label_of,
    period_name,
    period_start,
    periods,
    person_label,
    plans_of,
)


class CreatePlanDialog(ModalScreen[str | None]):
    """Returns the id of the chosen period, or None when cancelled.

    The period is typed (with suggestions from the period records) so that a
    person can work fast by keyboard; a name that matches no period is
    refused beside the field.
    """

    BINDINGS = [
        binding("plan.create_ok", "ctrl+s", "create", N_("Create")),
        binding("plan.create_cancel", "escape", "dismiss(None)", N_("Cancel")),
    ]

    def __init__(self, services: Services, ppk_nip: str) -> None:
        super().__init__(classes="plan-dialog")
        self.services = services
        self.ppk_nip = ppk_nip
        self._ = texts(services.lang)
        translate_bindings(self, self._)

    def compose(self) -> ComposeResult:
        _ = self._
        names = [str(p["data"].get("name", p["id"])) for p in periods(self.services)]
        annual = [
            str(p["data"].get("name"))
            for p in periods(self.services)
            if p["data"].get("kind") == "annual"
        ]
        with Vertical(classes="dialog-body"):
            yield Static(_("New SKP"), classes="dialog-title")
            yield Static(
                _("PPK: {person}").format(person=person_label(self.services, self.ppk_nip))
            )
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
        field = self.query_one("#period", Input)
        field.cursor_blink = False
        field.focus()

    @on(Input.Submitted, "#period")
    def action_create(self) -> None:
        _ = self._
        typed = self.query_one("#period", Input).value
        error = self.query_one("#period-error", ErrorLabel)
        period = find_period(self.services, typed)
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

    BINDINGS = [binding("plan.pick_cancel", "escape", "dismiss(None)", N_("Cancel"))]
    NEW = "new"  # the option that drafts an SKP for another period

    def __init__(self, services: Services) -> None:
        super().__init__(classes="plan-dialog")
        self.services = services
        self._ = texts(services.lang)
        translate_bindings(self, self._)

    def compose(self) -> ComposeResult:
        mine = sorted(
            plans_of(self.services, self.services.me),
            key=lambda p: period_start(self.services, p),
            reverse=True,
        )
        options = [
            Option(
                "{period} · {status}".format(
                    period=period_name(self.services, p["data"].get("period_id")),
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
