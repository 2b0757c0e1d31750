"""The first screen of a profile with no sign-in yet: connect, or try the demo.

Connecting asks for the server's address, the NIP and the password, and
signs in from a thread worker (the network never holds up the screen);
once signed in the app opens Beranda and the first sync fetches the
person's records. The demo choice leaves the app so that ``kinerja demo``
can start its own server and open the app again on the demo profile.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.validation import Function, ValidationResult, Validator
from textual.widgets import Footer, Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from client.signin import problem_text, server_address
from domain.nip import nip_issues
from tui.actions import bindings, localise
from tui.texts import _

DEMO_RESULT = "demo"


class FirstRunScreen(Screen[None]):
    """Choose: connect to a server, or open the demo."""

    CSS_PATH = "first_run.tcss"
    BINDINGS: ClassVar[list[BindingType]] = list(bindings("first_run"))

    def __init__(self, home: Path) -> None:
        super().__init__()
        localise(self)
        self.home = home
        self.title = _("Welcome")

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        with Vertical(id="first-run-box"):
            yield Static(_("Welcome to Kinerja"), classes="first-run-title")
            yield Static(
                _(
                    "This profile is not signed in to a server yet. Kinerja keeps your "
                    "SKP, realisasi and umpan balik on this computer and syncs them "
                    "with your office's server whenever it answers."
                ),
                classes="first-run-text",
            )
            yield Static(
                _("Profile folder: {home}").format(home=self.home), classes="first-run-muted"
            )
            yield OptionList(
                Option(_("Connect to a server (s)"), id="connect"),
                Option(_("Open the demo with sample data (d)"), id="demo"),
                id="first-run-choices",
            )
        yield Footer()

    @on(OptionList.OptionSelected, "#first-run-choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == "connect":
            self.action_connect()
        else:
            self.action_demo()

    def action_connect(self) -> None:
        self.app.push_screen(ConnectScreen(self.home))

    def action_demo(self) -> None:
        self.app.exit(DEMO_RESULT)


class _NipValidator(Validator):
    def validate(self, value: str) -> ValidationResult:
        # Shape only: whether the NIP is PNS or PPPK is known after sign-in.
        issues = nip_issues(value, kind="PPPK")
        if issues:
            return self.failure(issues[0].message(_lang()))
        return self.success()


def _lang() -> str:
    from domain.i18n import language

    return language()


def _is_server_address(value: str) -> bool:
    return server_address(value) is not None


class ConnectScreen(Screen[None]):
    """Server address, NIP and password; Enter on the last field signs in."""

    CSS_PATH = "first_run.tcss"
    BINDINGS: ClassVar[list[BindingType]] = list(bindings("connect"))

    def __init__(self, home: Path) -> None:
        super().__init__()
        localise(self)
        self.home = home
        self.title = _("Connect to a server")

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        with Vertical(id="connect-box"):
            yield Label(_("Server address"), classes="field-label")
            yield Input(
                placeholder="https://kinerja.malutprov.go.id",
                id="connect-url",
                validators=[Function(_is_server_address, _("Start with http:// or https://"))],
                validate_on=["submitted", "blur"],
            )
            yield Label("", id="connect-url-problem", classes="field-problem")
            yield Label("NIP", classes="field-label")
            yield Input(
                placeholder="19860926 201505 1 001",
                id="connect-nip",
                validators=[_NipValidator()],
                validate_on=["submitted", "blur"],
            )
            yield Label("", id="connect-nip-problem", classes="field-problem")
            yield Label(_("Password"), classes="field-label")
            yield Input(password=True, id="connect-password")
            yield Label("", id="connect-status", classes="field-problem")
        yield Footer()

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = False
        self.query_one("#connect-url", Input).focus()

    @on(Input.Changed)
    @on(Input.Blurred)
    def _show_problem(self, event: Input.Changed | Input.Blurred) -> None:
        problem = self.query("#" + f"{event.input.id}-problem")
        if not problem or event.validation_result is None:
            return
        failures = event.validation_result.failure_descriptions
        problem.first(Label).update(failures[0] if failures else "")

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        if event.input.id == "connect-password":
            self.action_sign_in()
        else:
            self.focus_next()

    def action_back(self) -> None:
        self.dismiss()

    def action_sign_in(self) -> None:
        url = self.query_one("#connect-url", Input)
        nip = self.query_one("#connect-nip", Input)
        password = self.query_one("#connect-password", Input)
        status = self.query_one("#connect-status", Label)
        problems = []
        for field in (url, nip):
            result = field.validate(field.value)
            if result is not None and not result.is_valid:
                problems.append(field)
                self.query_one(f"#{field.id}-problem", Label).update(result.failure_descriptions[0])
        if problems:
            problems[0].focus()
            return
        if not password.value:
            status.update(_("Type your password."))
            password.focus()
            return
        status.update(_("Signing in…"))
        address = server_address(url.value) or url.value
        self._sign_in(address, "".join(nip.value.split()), password.value)

    @work(thread=True, exclusive=True, exit_on_error=False, group="sign_in")
    def _sign_in(self, url: str, nip: str, password: str) -> None:
        from client.signin import sign_in

        sign_in(self.home, url, nip, password)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "sign_in":
            return
        status = self.query_one("#connect-status", Label)
        if event.state == WorkerState.ERROR:
            status.update(problem_text(event.worker.error or Exception()))
        elif event.state == WorkerState.SUCCESS:
            from client.services import open_services

            services = open_services(self.home)
            if services is None:
                status.update(_("Signed in, but the profile could not be opened."))
                return
            self.app.enter_profile(services)  # type: ignore[attr-defined]
