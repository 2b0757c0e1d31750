"""The Rencana screen's actions: the owner's, on RHK rows, and the PPK's.

Mixins of tui.screens.plan.PlanScreen, kept apart so that each module stays
small; they use the screen's ``plan``, ``services``, ``_`` and helpers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.screens.plan_common import ConfirmDialog, NoteDialog
from tui.screens.plan_create import CreatePlanDialog, PlanPicker
from tui.screens.plan_data import (
    RETURNED,
    Record,
    employee,
    items_of,
    new_id,
    new_plan_data,
    person_label,
    plan_for_period,
)
from tui.screens.plan_item_editor import ItemEditor

if TYPE_CHECKING:
    from tui.screens.plan import PlanScreen

    _Base = PlanScreen
else:
    _Base = object


class PlanOwnerActions(_Base):
    """What the owner does with their SKP: draft one, choose one, save, submit."""

    def action_create_plan(self) -> None:
        _ = self._
        me = employee(self.services, self.services.me)
        atasan = me["data"].get("atasan_nip") if me else None
        if not atasan:
            self.notify(self._ppk_line(self.services.me), severity="error", timeout=10)
            return

        def created(period_id: str | None) -> None:
            if period_id is None:
                return
            existing = plan_for_period(self.services, self.services.me, period_id)
            if existing is not None:
                self.plan_id = existing["id"]
                self.notify(_("You already have an SKP for this period: here it is."))
                self.refresh_view()
                return
            data = new_plan_data(period_id, atasan)
            if self._refused("plan", data, before=None, owner=self.services.me):
                return
            plan_id = new_id()
            self.services.store.records.edit(
                "plan", plan_id, data, owner=self.services.me, by=self.services.me
            )
            self.services.request_sync()
            self.plan_id = plan_id
            self.notify(_("SKP drafted. Add your RHK utama with ctrl+n."))
            self.refresh_view()

        self.app.push_screen(CreatePlanDialog(self.services, atasan), created)

    def action_pick_plan(self) -> None:
        def picked(plan_id: str | None) -> None:
            if plan_id == PlanPicker.NEW:
                self.action_create_plan()
            elif plan_id:
                self.plan_id = plan_id
                self.refresh_view()

        self.app.push_screen(PlanPicker(self.services), picked)

    def action_save(self) -> None:
        plan = self.plan
        if plan is not None and self._write_plan(self._typed_data(plan)):
            self.notify(self._("Saved."))

    def action_toggle_approach(self) -> None:
        plan = self.plan
        if plan is None:
            return
        data = self._typed_data(plan)
        data["approach"] = (
            "qualitative" if data.get("approach") != "qualitative" else "quantitative"
        )
        self._write_plan(data)

    def action_submit(self) -> None:
        _ = self._
        plan = self.plan
        if plan is None:
            return
        if not items_of(self.services, plan, "main"):
            self.notify(_("Add at least one RHK utama before submitting."), severity="error")
            return
        data = {**self._typed_data(plan), "status": "submitted"}

        def confirmed(yes: bool | None) -> None:
            if yes and self._write_plan(data):
                self.notify(_("SKP submitted to your PPK."))

        question = _("Submit this SKP to {ppk}? You cannot change it while the PPK reviews it.")
        ppk = person_label(self.services, plan["data"].get("ppk_nip"))
        self.app.push_screen(ConfirmDialog(question.format(ppk=ppk), self.services.lang), confirmed)


class PlanItemActions(_Base):
    """Adding, opening and deleting the RHK of the SKP on screen."""

    def _open_editor(self, kind: str, item: Record | None) -> None:
        plan = self.plan
        if plan is None:
            return

        def closed(saved: bool | None) -> None:
            if saved:
                self.refresh_view()

        self.app.push_screen(ItemEditor(self.services, plan, kind, item), closed)

    def action_add_item(self) -> None:
        self._open_editor(self._item_tab() or "main", None)

    def action_edit_item(self) -> None:
        item = self._selected_item()
        if item is not None:
            self._open_editor(str(item["data"].get("kind", "main")), item)

    def action_delete_item(self) -> None:
        item = self._selected_item()
        plan = self.plan
        if item is None or plan is None:
            return

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            denial = self._gate().denial(
                "plan_item", plan["owner"], item["data"], None, plan["data"].get("status")
            )
            if denial is not None:
                self.notify(denial.message(self.services.lang), severity="error")
                return
            self.services.store.records.delete("plan_item", item["id"], by=self.services.me)
            self.services.request_sync()
            self.refresh_view()

        question = self._("Delete the RHK {text!r}?").format(text=item["data"].get("text", ""))
        self.app.push_screen(ConfirmDialog(question, self.services.lang), confirmed)


class PlanReviewActions(_Base):
    """What the PPK does with a subordinate's SKP, and the way to the team list."""

    def action_team(self) -> None:
        from tui.screens.plan_team import TeamPlansScreen

        self.app.push_screen(TeamPlansScreen(self.services))

    def action_back(self) -> None:
        self.dismiss(None)

    def action_approve(self) -> None:
        _ = self._
        plan = self.plan
        if plan is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes and self._write_plan({**plan["data"], "status": "approved"}):
                self.notify(_("SKP approved."))

        question = _("Approve the SKP of {owner}?").format(
            owner=person_label(self.services, plan["owner"])
        )
        self.app.push_screen(ConfirmDialog(question, self.services.lang), confirmed)

    def action_return_plan(self) -> None:
        _ = self._
        plan = self.plan
        if plan is None:
            return

        def noted(note: str | None) -> None:
            if note and self._write_plan({**plan["data"], "status": RETURNED, "return_note": note}):
                self.notify(_("SKP returned with your note."))

        title = _("Return the SKP of {owner}: what must be corrected?").format(
            owner=person_label(self.services, plan["owner"])
        )
        self.app.push_screen(NoteDialog(title, self.services.lang), noted)
