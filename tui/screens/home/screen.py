"""Beranda: who I am, my SKP, what waits for me, and how the sync stands.

The list of what waits is the one thing to move through: Enter on a line
opens the area where it is done. The facts are read from the local store
(client/home.py) when the screen is shown, and after a sync round that
brought changes in a thread, off the event loop.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from rich.markup import escape
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from client.home import HomeFacts, home_facts
from client.services import Services
from client.sync_status import describe, error_text, read_state
from domain.deadlines import objection_deadline
from domain.nip import format_nip
from domain.vocab import PERIOD_KIND_LABELS, PLAN_STATUS_LABELS, PREDIKAT_LABELS
from tui.actions import bindings, key_for, localise
from tui.screens.follow_up import text as follow_up_text
from tui.screens.objection import text as objection_text
from tui.sync_worker import SyncDone
from tui.texts import _
from tui.widgets.export_list import ExportsList

APPROVE = "approve"  # the waiting line whose Enter opens a subordinate's SKP, not an area


def _period_name(period: dict[str, Any] | None) -> str:
    if period is None:
        return "-"
    data = period["data"]
    return data.get("name") or f"{PERIOD_KIND_LABELS.get(data.get('kind'), '')} {data.get('year')}"


class HomeScreen(ExportsList, Screen[None]):
    # home.tcss is loaded by the app (tui/app.py's CSS_PATH), Beranda being its first screen.
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("home"), *bindings("export")]

    def __init__(self, services: Services) -> None:
        super().__init__()
        localise(self)
        self.services = services
        self.title = _("Home")
        self._fresh = False

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        with VerticalScroll(id="home-body"):
            yield Static(id="home-me")
            yield Static(id="home-plan")
            yield Static(_("Waiting for me"), classes="home-heading")
            yield OptionList(id="home-waiting")
            yield Static(_("Sync"), classes="home-heading")
            yield Static(id="home-sync")
            yield Static(id="home-areas")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#home-waiting", OptionList).focus()

    def on_screen_resume(self) -> None:
        # Also on first show (Textual resumes a new mode's screen twice:
        # read the store once); coming back from an area, its edits show.
        if not self._fresh:
            self.refresh_facts()

    def on_screen_suspend(self) -> None:
        self._fresh = False

    def on_sync_done(self, message: SyncDone) -> None:
        if message.changed:
            self._read_after_sync()
        else:
            self._show_sync()  # an idle round: only when it ended is new

    @work(thread=True, exclusive=True, exit_on_error=False, group="home")
    def _read_after_sync(self) -> None:
        """A round that brought changes: the facts are read off the event loop (for a
        section head holding 11,635 records that took up to a second, keys unanswered),
        then shown on it. A store failure here leaves the facts shown as they were."""
        facts = home_facts(self.services)
        self.app.call_from_thread(self._show_facts, facts)

    def refresh_facts(self) -> None:
        self._show_facts(home_facts(self.services))

    def _show_facts(self, facts: HomeFacts) -> None:
        self.query_one("#home-me", Static).update(self._me_text(facts))
        self.query_one("#home-plan", Static).update(self._plan_text(facts))
        self._fill_waiting(facts)
        self._show_sync()
        self._fresh = True
        self.query_one("#home-areas", Static).update(self._areas_text())

    def _me_text(self, facts: HomeFacts) -> str:
        name = escape(facts.name) if facts.name else _("(name not yet synced)")
        who = f"[b]{name}[/b] · NIP {format_nip(self.services.me)}"
        where = escape(" · ".join(x for x in (facts.position, facts.unit_name) if x))
        return f"{who}\n{where}" if where else who

    def _plan_text(self, facts: HomeFacts) -> str:
        period = escape(_period_name(facts.plan_period))
        if facts.my_plan is None:
            text = _("My SKP {period}: none yet. Press {key} to draft it.").format(
                period=period, key=key_for(self, "nav.plan") or "F3"
            )
            return text + self._deadline_text(facts)
        data = facts.my_plan["data"]
        status = data.get("status", "draft")
        text = _("My SKP {period}: [b]{status}[/b] · {n} RHK").format(
            period=period, status=PLAN_STATUS_LABELS.get(status, status), n=facts.my_plan_items
        )
        if status == "returned" and data.get("return_note"):
            note = escape(data["return_note"])
            text += "\n" + _("Returned with the note: {note}").format(note=note)
        if status in ("draft", "returned"):  # still to be submitted
            text += self._deadline_text(facts)
        return text

    def _deadline_text(self, facts: HomeFacts) -> str:
        """The SKP's fill deadline while it is still to be met (domain.md: end of January)."""
        data = (facts.plan_period or {}).get("data") or {}
        deadline = data.get("fill_deadline")
        if not deadline or str(deadline) < self.services.now().date().isoformat():
            return ""
        day = "-".join(reversed(str(deadline).split("-")))
        return "\n" + _("Due by {date}.").format(date=day)

    def _fill_waiting(self, facts: HomeFacts) -> None:
        waiting = self.query_one("#home-waiting", OptionList)
        highlighted = waiting.highlighted
        waiting.clear_options()
        options = list(self._waiting_options(facts))
        if not options:
            options = [Option(Text(_("Nothing waits for you.")), id="none", disabled=True)]
        waiting.add_options(options)
        waiting.highlighted = min(highlighted or 0, len(options) - 1)

    def _waiting_options(self, facts: HomeFacts) -> list[Option]:
        """One line per kind of work waiting, each opening the area that does it."""

        def who(plans: tuple[dict[str, Any], ...]) -> str:
            people = [facts.names.get(p["owner"], format_nip(p["owner"])) for p in plans]
            more = len(people) - 3
            return ", ".join(people[:3]) + (_(" and {n} more").format(n=more) if more > 0 else "")

        lines: list[tuple[str, str]] = []
        if facts.my_plan is not None and facts.my_plan["data"].get("status") == "returned":
            lines.append((_("My SKP was returned: fix it and submit it again"), "plan"))
        if facts.to_approve:
            text = _("SKP to approve ({n}): {who}")
            lines.append((text.format(n=len(facts.to_approve), who=who(facts.to_approve)), APPROVE))
        if facts.to_evaluate:
            text = _("Evaluations to write for {period} ({n}): {who}").format(
                period=_period_name(facts.evaluation_period),
                n=len(facts.to_evaluate),
                who=who(facts.to_evaluate),
            )
            lines.append((text, "evaluation"))
        if facts.to_acknowledge:
            # Its one action is "Dibaca": the line says so, not "respond to".
            text = _("Umpan balik not yet read ({n})").format(n=len(facts.to_acknowledge))
            lines.append((text, "feedback"))
        for evaluation in facts.newly_final:
            lines.append((self._final_text(facts, evaluation), "evaluation"))
        if facts.to_decide:
            lines.append((objection_text.home_line(facts.to_decide, facts.names), "objection"))
        if facts.follow_ups:
            lines.append((follow_up_text.home_line(facts.follow_ups, facts.names), "follow_up"))
        if facts.behind:
            text = _("Behind the target pro-rated to today ({n}): {who}")
            people = tuple({"owner": nip} for nip in facts.behind)
            lines.append((text.format(n=len(people), who=who(people)), "monitoring"))
        state = getattr(self.app, "sync_state", None)
        if state is not None and (state.conflicts or state.rejected):
            text = _("Conflicts or rejections to settle ({n})")
            lines.append((text.format(n=state.conflicts + state.rejected), "conflicts"))
        # Text, not markup: names and periods are people's data. Ids are unique
        # ("<area>#<n>"): two lines may open the same area.
        return [Option(Text(line), id=f"{area}#{n}") for n, (line, area) in enumerate(lines)]

    def _final_text(self, facts: HomeFacts, evaluation: dict[str, Any]) -> str:
        data = evaluation["data"]
        until = objection_deadline(datetime.fromisoformat(str(data["finalised_at"])))
        return _(
            "My evaluation {period} is final: {predikat}. A keberatan may be filed until {date}."
        ).format(
            period=_period_name(facts.periods.get(str(data.get("period_id")))),
            predikat=PREDIKAT_LABELS.get(data.get("predikat"), "-"),
            date=until.strftime("%d-%m-%Y"),
        )

    def _show_sync(self) -> None:
        state = getattr(self.app, "sync_state", None)
        if state is None:
            state = read_state(self.services, online=None)
        text = describe(state, self.services.now())
        if state.error == "unreachable":  # the status line names other problems itself
            text += "\n" + _("Last problem: {error}").format(error=error_text(state.error))
        self.query_one("#home-sync", Static).update(text)

    def _areas_text(self) -> str:
        from tui.areas import AREAS, is_for

        shown = [
            f"[b]{key_for(self, f'nav.{area.id}') or area.key}[/b] {_(area.label)}"
            for area in AREAS
            if area.id != "home" and is_for(area, self.services)
        ]
        return "  ".join(shown)

    @on(OptionList.OptionSelected, "#home-waiting")
    def _open_waiting(self, event: OptionList.OptionSelected) -> None:
        area = (event.option.id or "").partition("#")[0]
        if area == APPROVE:
            self._open_to_approve()
        elif area and area != "none":
            self.app.open_area(area)  # type: ignore[attr-defined]

    def _open_to_approve(self) -> None:
        """The subordinate's SKP itself when one waits, else the team list (waiting
        first); Escape comes back here."""
        from tui.screens.plan.screen import PlanScreen
        from tui.screens.plan.team import TeamPlansScreen

        waiting = home_facts(self.services).to_approve
        if len(waiting) == 1:
            self.app.push_screen(PlanScreen(self.services, waiting[0]["id"]))
        else:
            self.app.push_screen(TeamPlansScreen(self.services))
