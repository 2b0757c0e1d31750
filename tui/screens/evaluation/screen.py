"""Evaluasi: the PPK rates a subordinate for a period and finalises it.

The PPK picks a person and a period (monthly, quarterly or annual, as the
period records say) and sees the RHK with their targets and realisasi and
the umpan balik given, the seven BerAKHLAK values with their guide
behaviours and the SKP's expectations, the predikat as the matrix gives it
for the two ratings chosen (domain.predikat, live), and the team's spread
against the unit's rating (domain.curve): a breach is a warning that names
the rule and the numbers. The app never changes anyone's rating. Finalising
asks first, since a final evaluation can't change again (protocol.md:
immutable). The evaluated employee, and whoever else may only read, sees the
same screen read-only; an employee sees ratings once they are final.

This module lays the screen out, loads and shows; the tabs (tabs.py), the
rating keys that write (ratings.py) and the keys that open documents beside
the evaluation (documents.py) are mixins of their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import (
    DataTable,
    Footer,
    Header,
    Label,
    Select,
    Static,
    TabbedContent,
    TabPane,
)

from client import evaluation as facts
from client.records import Snapshot
from client.writes import PROBE_ID, Write, may
from domain.vocab import RATING_LABELS, RATINGS
from tui.actions import bindings, localise
from tui.screens.evaluation import text
from tui.screens.evaluation.documents import EvaluationDocuments
from tui.screens.evaluation.ratings import EvaluationRatings
from tui.texts import review_ as _
from tui.widgets.commands import ScreenCommands
from tui.widgets.export_list import ExportsList
from tui.widgets.person_picker import pick_person
from tui.widgets.rejected import RejectedNotice
from tui.widgets.tab_keys import TabKeys, tab_title


class EvaluationScreen(ExportsList, TabKeys, EvaluationRatings, EvaluationDocuments):
    CSS_PATH = "evaluation.tcss"
    COMMANDS = {ScreenCommands}
    ACTION_SCOPES = ("evaluation",)
    BINDINGS = [*bindings("evaluation"), *bindings("export")]

    def __init__(self, services: Any) -> None:
        super().__init__()
        localise(self)
        self.services = services
        self.records = Snapshot.read(services, facts.COLLECTIONS)
        self.result: str | None = None
        self.behaviour: str | None = None
        self.behaviour_notes: dict[str, str] = {}
        self.item_notes: dict[str, str] = {}
        self.evaluation: Mapping[str, Any] | None = None
        self.plan: Mapping[str, Any] | None = None
        self.period: Mapping[str, Any] | None = None
        self.breaches: list[Any] = []
        self.writable = False
        self.not_final_because: str | None = None
        self._as_loaded: tuple[Any, ...] = ()

    # --- layout -------------------------------------------------------------
    def compose(self) -> ComposeResult:
        me = self.services.me
        subs = self.records.subordinates(me)
        people = [(str(p["data"].get("name")), str(p["data"]["nip"])) for p in subs]
        people.append((_("Myself"), me))
        periods = [
            (str(p["data"].get("name")), p["id"]) for p in self.records.periods_newest_first()
        ]
        ratings = [(RATING_LABELS[r], r) for r in RATINGS]
        yield Header()
        with Horizontal(classes="eval-row"):
            yield Label(_("Employee (p)"))
            yield Select(
                people,
                value=self._first_to_evaluate(subs) or people[0][1],
                allow_blank=False,
                compact=True,
                id="eval-person",
            )
            yield Label(_("Period (o)"))
            yield Select(
                periods,
                value=periods[0][1] if periods else Select.NULL,
                allow_blank=not periods,
                compact=True,
                id="eval-period",
            )
        with Horizontal(classes="eval-row"):
            yield Label(_("Hasil kerja (h)"))
            yield Select(ratings, prompt="-", compact=True, id="eval-result")
            yield Label(_("Perilaku (b)"))
            yield Select(ratings, prompt="-", compact=True, id="eval-behaviour")
        yield Static("", id="eval-verdict")
        yield Static("", id="eval-warning")
        with TabbedContent(id="eval-tabs"):
            with TabPane(tab_title(_("RHK"), 1), id="tab-items"):
                yield DataTable(cursor_type="row", id="eval-items")
                yield Static("", id="eval-item-detail")
            with TabPane(tab_title(_("Perilaku"), 2), id="tab-behaviour"):
                yield DataTable(cursor_type="row", id="eval-behaviour-table")
                yield Static("", id="eval-guides")
            with TabPane(tab_title(_("Umpan balik"), 3), id="tab-feedback"):
                yield DataTable(cursor_type="row", id="eval-feedback")
            with TabPane(tab_title(_("Curve"), 4), id="tab-curve"):
                yield Static("", id="eval-curve")
        yield RejectedNotice(id="eval-rejected")
        yield Footer()

    def _first_to_evaluate(self, subs: list[Any]) -> str | None:
        """Open on the first subordinate whose SKP covers the newest period."""
        newest = next(iter(self.records.periods_newest_first()), None)
        if newest is None:
            return None
        for person in subs:
            nip = str(person["data"]["nip"])
            if facts.plan_for(self.records, nip, newest) is not None:
                return nip
        return None

    def on_mount(self) -> None:
        self.title = _("Evaluasi")
        columns = (
            (
                "#eval-items",
                (
                    (_("RHK"), 22),
                    (_("IKI"), 18),
                    (_("Target"), 10),
                    (_("Realisasi"), 10),
                    (_("UB"), 3),
                ),
            ),
            ("#eval-behaviour-table", ((_("Value"), 22), (_("Expectation"), 24), (_("Note"), 24))),
            ("#eval-feedback", ((_("About"), 20), (_("Umpan balik"), 52))),
        )
        for selector, widths in columns:
            table = self.query_one(selector, DataTable)
            for label, width in widths:
                table.add_column(label, width=width)
        self.load(reread=False)
        self.query_one("#eval-items", DataTable).focus()

    # --- state ----------------------------------------------------------------
    @property
    def person(self) -> str:
        return str(self.query_one("#eval-person", Select).value)

    @property
    def final(self) -> bool:
        return bool(self.evaluation and self.evaluation["data"].get("status") == "final")

    def _choices(self) -> tuple[Any, ...]:
        return (self.result, self.behaviour, dict(self.behaviour_notes), dict(self.item_notes))

    def on_sync_done(self, message: object) -> None:
        """The shell's sync round ended: re-read, unless the PPK is mid-choice
        (then only what surrounds the choice: realisasi, umpan balik, the curve)."""
        if not getattr(message, "changed", True):
            return  # an idle round: nothing new to read
        self.records = Snapshot.read(self.services, facts.COLLECTIONS)
        if self._choices() == self._as_loaded:
            self.load(reread=False)
            return
        if self.period:  # the SKP's status may have changed (approved, returned)
            self.plan = facts.plan_for(self.records, self.person, self.period)
        self.weigh_finalising()
        self.fill_items()
        self.fill_feedback()
        self.show_verdict()

    def _may_write(self) -> bool:
        """May I write this evaluation? Asked of domain.permissions with a sample,
        once per load: the answer depends on who, which period and the stored
        evaluation, not on the ratings being chosen."""
        if not (self.period and self.plan):
            return False
        sample = facts.evaluation_data(
            period_id=self.period["id"],
            plan_id=self.plan["id"],
            result_rating="as_expected",
            behaviour_rating="as_expected",
            predikat="good",
            behaviour_notes={},
            item_notes={},
        )
        record_id = self.evaluation["id"] if self.evaluation else PROBE_ID
        return may(Write("evaluation", record_id, self.person, sample), self.records)

    def weigh_finalising(self) -> None:
        """Why f would be refused now (the SKP not approved), from the records read."""
        self.not_final_because = (
            facts.why_not_final(
                self.records,
                self.person,
                self.period["id"],
                self.plan["id"],
                self.evaluation["id"] if self.evaluation else None,
                self.services.lang,
            )
            if self.writable and self.period and self.plan and not self.final
            else None
        )

    @property
    def shows_ratings(self) -> bool:
        """The evaluated employee sees the ratings once they are final."""
        return self.person != self.services.me or self.final

    def load(self, *, reread: bool = True) -> None:
        """Read the person's SKP, realisasi, feedback and evaluation for the period
        (``reread``: the store first, in one read, unless just read)."""
        if reread:
            self.records = Snapshot.read(self.services, facts.COLLECTIONS)
        period_id = self.query_one("#eval-period", Select).value
        self.period = self.records.get("period", str(period_id)) if period_id else None
        self.plan = facts.plan_for(self.records, self.person, self.period) if self.period else None
        self.evaluation = (
            facts.evaluation_for(self.records, self.person, self.period["id"])
            if self.period
            else None
        )
        self.writable = self._may_write()
        self.weigh_finalising()
        data = self.evaluation["data"] if self.evaluation else {}
        shown = self.shows_ratings
        self.result = data.get("result_rating") if shown else None
        self.behaviour = data.get("behaviour_rating") if shown else None
        self.behaviour_notes = dict(data.get("behaviour_notes") or {}) if shown else {}
        self.item_notes = dict(data.get("item_notes") or {}) if shown else {}
        self._as_loaded = self._choices()
        for widget_id, value in (
            ("#eval-result", self.result),
            ("#eval-behaviour", self.behaviour),
        ):
            select = self.query_one(widget_id, Select)
            select.value = value if value else Select.NULL
            select.disabled = not self.writable
        self.fill_items()
        self.fill_behaviour()
        self.fill_feedback()
        self.show_verdict()
        self.query_one(RejectedNotice).show_for(
            self.evaluation,
            self.services.lang,
            _("Fix it and save (s) to send again, or x to discard."),
        )

    def show_verdict(self) -> None:
        lang = self.services.lang
        self.query_one("#eval-verdict", Static).update(
            text.verdict(lang, self.predikat, self.evaluation, self.plan, not self.writable)
        )
        breaches: list[Any] = []
        curve = ""
        if self.person == self.services.me:
            curve = _("The team's spread against the curve is for the PPK to weigh.")
        elif self.period:
            from domain.curve import check_curve

            person = self.records.employee(self.person)
            unit_id = person["data"].get("unit_id") if person else None
            ppk = self.records.org.atasan_of(self.person) or self.services.me
            live = {self.person: self.predikat} if self.predikat else {}
            team = facts.team(self.records, ppk, unit_id, self.period["id"], live)
            org_rating = facts.unit_rating(self.records, unit_id, self.period["id"])
            if org_rating:
                breaches = check_curve(org_rating, list(team.predikats))
            curve = text.curve_text(lang, org_rating, team, breaches)
            led = facts.unit_led_by(self.records, self.person)
            if led is not None:
                curve = text.head_of_unit_text(lang, led, self.period["id"]) + "\n" + curve
        self.breaches = breaches
        self.query_one("#eval-curve", Static).update(curve)
        warning = self.query_one("#eval-warning", Static)
        warning.display = (bool(breaches) or bool(self.not_final_because)) and self.writable
        if self.not_final_because:
            # Said before f is pressed: f is off until the SKP is approved.
            warning.update("⚠ " + self.not_final_because)
        elif breaches:
            more = len(breaches) - 1
            warning.update(
                "⚠ "
                + breaches[0].message(lang)
                + (" " + _("(+{n} more in Curve)").format(n=more) if more else "")
            )
        self.refresh_bindings()

    # --- reacting -------------------------------------------------------------
    @on(Select.Changed, "#eval-person, #eval-period")
    def _picked(self) -> None:
        self.load()
        self.query_one("#eval-items", DataTable).focus()

    @on(Select.Changed, "#eval-result, #eval-behaviour")
    def _rated(self, event: Select.Changed) -> None:
        value = None if event.value is Select.NULL else str(event.value)
        if event.select.id == "eval-result":
            self.result = value
        else:
            self.behaviour = value
        self.show_verdict()

    @on(DataTable.RowHighlighted, "#eval-items")
    def _item_highlighted(self) -> None:
        self.show_item_detail()
        self.refresh_bindings()  # the evidence key follows the RHK

    @on(DataTable.RowHighlighted, "#eval-behaviour-table")
    def _value_highlighted(self) -> None:
        self.show_guides()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        if action in ("cycle", "note", "save"):
            return self.writable
        if action == "finalise":
            return self.writable and self.predikat is not None and not self.not_final_because
        if action == "discard":
            return bool(self.evaluation and self.evaluation.get("rejected"))
        if action == "evidence":
            return bool(self._highlighted_evidence())
        if action == "print_evaluation":
            return self.period is not None and self.evaluation is not None
        if action == "print_recap":
            return self.period is not None and bool(
                facts.unit_led_by(self.records, self.services.me)
            )
        if action == "open_progress":  # the PPK's view of a subordinate's work
            return bool(self.person != self.services.me)
        return True

    # --- the pickers ----------------------------------------------------------
    def action_pick(self, selector: str) -> None:
        """Open a picker's list, ready for the arrow keys; people in a PersonPicker."""
        select = self.query_one(selector, Select)
        if selector.endswith("-person"):
            pick_person(self, select, self._position_of)
        else:
            select.action_show_overlay()

    def _position_of(self, nip: str) -> str:
        person = self.records.employee(nip)
        return str(person["data"].get("position") or "") if person else ""
