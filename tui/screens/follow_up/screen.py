"""Tindak lanjut: rewards, coaching and sanctions that follow a final evaluation.

Everyone sees the follow-ups they may read (the server sends only those:
protocol 2), open ones first by their next due date. The PPK (or the admin)
records one from a final evaluation (n), and the app proposes the kind the
predikat calls for; a coaching follow-up walks the PP 30/2019 path one step
at a time (s), each step dated, the next one and its due date shown, and a
passed due date warned; a follow-up ends with f. For functional staff the
predikat's share of the annual credit points is shown beside the evaluation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from client import follow_up as model
from client.writes import Write
from domain.vocab import FOLLOW_UP_STEP_LABELS, PREDIKAT_LABELS
from tui.actions import bindings, key_for
from tui.screens.follow_up import text
from tui.screens.follow_up.form import FollowUpForm, Source
from tui.texts import year_ as _
from tui.widgets.dialogs import ConfirmDialog, NoteDialog
from tui.widgets.filter_list import Column
from tui.widgets.list_detail import ListDetailScreen, Listing
from tui.widgets.rejected import RejectedNotice


class FollowUpScreen(ListDetailScreen[model.Entry]):
    CSS_PATH = "follow_up.tcss"
    ACTION_SCOPES = ("follow_up",)
    BINDINGS = bindings("follow_up")
    PREFIX = "follow"
    PANES = ("detail", "next")
    COLLECTIONS = model.COLLECTIONS

    def listing(self) -> Listing:
        return Listing(
            _("Tindak lanjut"),
            [
                Column(_("Employee"), 16),
                Column(_("Kind"), 13),
                Column(_("Start"), 10),
                Column(_("Next step"), 16),
                Column(_("Due"), 12),
            ],
            noun=_("follow-ups"),
            placeholder=_("Type to filter: name, kind, step…"),
        )

    # --- what is shown ----------------------------------------------------------
    def listed(self) -> list[model.Entry]:
        return model.entries(self.records)

    def key_of(self, item: model.Entry) -> str:
        return str(item.record["id"])

    def cells(self, item: model.Entry) -> tuple[str, ...]:
        return text.row(self.records, item)

    def show_summary(self, found: Sequence[model.Entry]) -> None:
        still_open = [e for e in found if e.data.get("status") == "open"]
        summary = _("{count} follow-ups, {open} open, {late} past their due date.").format(
            count=len(self.shown), open=len(still_open), late=sum(e.late for e in still_open)
        )
        self.pane("summary").update(summary)

    def show_detail(self) -> None:
        found = self.current
        records = self.records
        may_write = found is not None and model.may_record(records, found.owner)
        self.allowed = {
            "new": bool(model.final_evaluations(records)),
            "step": may_write and found is not None and found.next is not None,
            "close": may_write and found is not None and found.data.get("status") == "open",
            "discard": found is not None and bool(found.record.get("rejected")),
        }
        self.refresh_bindings()
        detail = self.pane("detail")
        coming = self.pane("next")
        if found is None:
            detail.update(_("No follow-up yet."))
            coming.update("")
        else:
            detail.update(text.details(records, found))
            coming.update(text.next_text(found) or "")
            coming.set_class(found.late, "-late")
        self.query_one(RejectedNotice).show_for(
            found.record if found else None,
            self.services.lang,
            _("Discard it with {key}.").format(key=key_for(self, "follow_up.discard") or ""),
        )

    # --- actions ------------------------------------------------------------------
    def _sources(self) -> list[Source]:
        records = self.records
        found = []
        for evaluation in model.final_evaluations(records):
            data, owner = evaluation["data"], str(evaluation["owner"])
            predikat = str(data.get("predikat"))
            label = " · ".join(
                (
                    records.name_of(owner),
                    records.period_name(data.get("period_id")),
                    PREDIKAT_LABELS.get(predikat, predikat),  # type: ignore[call-overload]
                )
            )
            found.append((label[:56], evaluation["id"], owner, predikat))
        return found

    def action_new(self) -> None:
        def done(chosen: tuple[str, dict[str, Any]] | None) -> None:
            if chosen is not None:
                owner, data = chosen
                self.write([Write("follow_up", model.new_id(), owner, data)])

        today = model.today(self.records)
        self.app.push_screen(FollowUpForm(self._sources(), today), done)

    def action_step(self) -> None:
        found = self.current
        if found is None or found.next is None:
            return
        step = FOLLOW_UP_STEP_LABELS[found.next.step]
        day = model.today(self.records)

        def noted(note: str | None) -> None:
            data = model.with_step(found, day, note or "") if note is not None else None
            if data is not None:
                self.write([Write("follow_up", found.record["id"], found.owner, data)])

        title = _("{step} for {who}, on {day}").format(
            step=step, who=self.records.name_of(found.owner), day=day.isoformat()
        )
        context = _("A note on this step (optional): the result, who was involved.")
        self.app.push_screen(NoteDialog(title, context, lang=self.services.lang), noted)

    def action_close(self) -> None:
        found = self.current
        if found is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                data = model.closed(found)
                self.write([Write("follow_up", found.record["id"], found.owner, data)])

        self.app.push_screen(ConfirmDialog(_("Mark this follow-up as done?")), answered)

    def action_discard(self) -> None:
        found = self.current
        if found is None:
            return
        self.discard_refused("follow_up", found.record["id"])
