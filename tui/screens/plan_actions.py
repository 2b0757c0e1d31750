"""The Rencana screen's actions on RHK rows and the PPK's decisions.

Mixins of tui.screens.plan.PlanScreen, kept apart so that each module stays
small; they use the screen's ``plan``, ``services``, ``_`` and helpers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.screens.plan_common import ConfirmDialog, NoteDialog
from tui.screens.plan_data import RETURNED, Record, person_label
from tui.screens.plan_item_editor import ItemEditor

if TYPE_CHECKING:
    from tui.screens.plan import PlanScreen

    _Base = PlanScreen
else:
    _Base = object


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
