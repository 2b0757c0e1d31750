"""Keberatan: the employee objects to a final evaluation; the atasan PPK decides.

One list for everyone (client/objection.py): my own final evaluations, with
the 14 days to object counted on Sofifi's calendar, and the objections of
the people whose PPK or atasan PPK I am. The employee files with reasons
(n) while the window is open; after it, the key shows disabled and the
details say why. The atasan PPK decides (d): uphold, or change the ratings,
and the predikat follows the matrix; the decision is final and read-only
for all. The PPK adds a note of their side (c), as umpan balik on the
evaluation's period. A filing refused because it reached the server late
says so plainly and can be discarded (x).
"""

from __future__ import annotations

from collections.abc import Sequence

from client import feedback
from client import objection as model
from client.writes import Write
from tui.actions import bindings, key_for
from tui.screens.objection import text
from tui.screens.objection.decision import Decision, DecisionForm
from tui.texts import year_ as _
from tui.widgets.dialogs import ConfirmDialog, NoteDialog
from tui.widgets.filter_list import Column
from tui.widgets.list_detail import ListDetailScreen, Listing
from tui.widgets.rejected import RejectedNotice


class ObjectionScreen(ListDetailScreen[model.Case]):
    CSS_PATH = "objection.tcss"
    ACTION_SCOPES = ("objection",)
    BINDINGS = bindings("objection")
    PREFIX = "objection"
    COLLECTIONS = model.COLLECTIONS

    def listing(self) -> Listing:
        return Listing(
            _("Keberatan"),
            [
                Column(_("Employee"), 16),
                Column(_("Period"), 15),
                Column(_("Predikat"), 15),
                Column(_("Deadline"), 10),
                Column(_("Status"), 14),
            ],
            noun=_("evaluations"),
            placeholder=_("Type to filter: name, period, predikat, status…"),
        )

    # --- what is shown ----------------------------------------------------------
    def listed(self) -> list[model.Case]:
        return model.cases(self.records)

    def key_of(self, item: model.Case) -> str:
        return str(item.evaluation["id"])

    def cells(self, item: model.Case) -> tuple[str, ...]:
        return text.row(self.records, item)

    def show_summary(self, found: Sequence[model.Case]) -> None:
        waiting = len(model.to_decide(self.records))
        summary = _("{count} final evaluations and objections.").format(count=len(found))
        if waiting:
            summary += " " + _("{n} waiting for your decision.").format(n=waiting)
        self.pane("summary").update(summary)

    def show_detail(self) -> None:
        case = self.current
        self._weigh_permissions(case)
        detail = self.pane("detail")
        notice = self.query_one(RejectedNotice)
        if case is None:
            detail.update(_("No final evaluation and no objection to show."))
            notice.show_for(None, self.services.lang)
            return
        deciding = model.is_atasan_ppk(self.records, case)
        detail.update(text.details(self.records, case, deciding=deciding))
        discard_key = key_for(self, "objection.discard") or ""
        if case.state == model.LATE:
            notice.update(text.late_text(case, discard_key))
            notice.add_class("-shown")
        else:
            hint = _("Discard it with {key}.").format(key=discard_key)
            notice.show_for(case.objection, self.services.lang, hint)

    # --- which keys work ------------------------------------------------------------
    def _weigh_permissions(self, case: model.Case | None) -> None:
        records = self.records
        if case is None:
            self.allowed = dict.fromkeys(("file", "decide", "note", "discard"), False)
        else:
            own = case.owner == records.me
            may_file = model.may_file(records, case)
            self.allowed = {
                # Shown disabled on one's own evaluation once the window closed.
                "file": True
                if may_file
                else (None if own and case.state == model.CLOSED else False),
                "decide": model.may_decide(records, case),
                "note": case.objection is not None
                and model.is_ppk(records, case)
                and feedback.may_give_feedback(records, case.owner),
                "discard": bool(case.objection and case.objection.get("rejected")),
            }
        self.refresh_bindings()

    # --- actions ------------------------------------------------------------------------
    def action_file(self) -> None:
        case = self.current
        if case is None:
            return
        period = self.records.period_name(case.evaluation["data"].get("period_id"))

        def filed(reason: str | None) -> None:
            if not reason:
                return
            data = model.objection_data(case.evaluation["id"], reason, self.services.now())
            write = Write("objection", model.new_id(), case.owner, data)
            self.write([write], lambda: self.notify(text.filing_rule(case), timeout=12))

        self.app.push_screen(
            NoteDialog(
                _("Keberatan on the evaluation of {period}").format(period=period),
                text.window(case) + "\n" + text.filing_rule(case),
                required=_("Write your reasons: the atasan PPK decides on them."),
                lang=self.services.lang,
            ),
            filed,
        )

    def action_decide(self) -> None:
        case = self.current
        if case is None:
            return
        data = case.evaluation["data"]
        who = self.records.name_of(case.owner)

        def decided(chosen: Decision | None) -> None:
            if chosen is None:
                return
            outcome, note, ratings = chosen
            writes = model.decision_writes(self.records, case, outcome, note, ratings)
            self.write(writes, lambda: self.notify(_("The decision is recorded; it is final.")))

        form = DecisionForm(
            _("Decide the keberatan of {who}").format(who=who),
            str(data.get("result_rating")),
            str(data.get("behaviour_rating")),
        )
        self.app.push_screen(form, decided)

    def action_note(self) -> None:
        case = self.current
        if case is None:
            return
        period_id = case.evaluation["data"].get("period_id")

        def noted(note: str | None) -> None:
            if note:
                data = feedback.feedback_data(note, period_id, None)
                write = Write("feedback", feedback.new_id(), case.owner, data)
                self.write([write], lambda: self.notify(_("Your note is saved as umpan balik.")))

        reason = str((case.objection or {}).get("data", {}).get("reason", ""))
        self.app.push_screen(
            NoteDialog(
                _("My side, for the atasan PPK"),
                _("Reasons: {reason}").format(reason=reason),
                required=_("Write your note first: it can't be empty."),
                lang=self.services.lang,
            ),
            noted,
        )

    def action_discard(self) -> None:
        case = self.current
        if case is None or case.objection is None:
            return
        objection_id = case.objection["id"]

        def answered(yes: bool | None) -> None:
            if yes:
                self.discard_refused("objection", objection_id)

        self.app.push_screen(
            ConfirmDialog(_("Discard this refused objection? Its reasons are lost.")), answered
        )
