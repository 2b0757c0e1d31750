"""The Rencana screen's actions: the owner's, on RHK rows, and the PPK's.

Mixins of tui.screens.plan.PlanScreen, kept apart so that each module stays
small; they use the screen's ``plan``, ``services``, ``_`` and helpers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from client.plan import RETURNED, Record, new_id, new_plan_data, plan_for_period
from client.records import Snapshot
from client.writes import Write
from tui.screens.plan.create import CreatePlanDialog, PlanPicker
from tui.screens.plan.item_editor import ItemEditor
from tui.widgets.dialogs import ConfirmDialog, NoteDialog
from tui.widgets.print_pdf import print_pdf

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from textual.screen import Screen

    from client.services import Services
    from client.writes import Saved
    from tui.widgets.saving import Saving

    class _Base(Saving, Screen[None]):
        """What these mixins use of tui.screens.plan.screen.PlanScreen."""

        services: Services
        view: Snapshot
        plan_id: str | None
        pushed: bool
        editing: bool

        _: Callable[[str], str]

        @property
        def plan(self) -> Record | None: ...
        def refresh_view(self, *, reread: bool = True) -> None: ...
        def write(self, write: Write, then: Callable[[Saved], None] | None = None) -> None: ...
        def _write_plan(
            self, data: dict[str, Any], then: Callable[[Saved], None] | None = None
        ) -> None: ...
        def _typed_data(self, plan: Record) -> dict[str, Any]: ...
        def _typed_texts(self) -> tuple[dict[str, list[str]], dict[str, str]]: ...
        def _item_tab(self) -> str | None: ...
        def _selected_item(self) -> Record | None: ...
        def _ppk_line(self, owner: str) -> str: ...

else:
    _Base = object


class PlanOwnerActions(_Base):
    """What the owner does with their SKP: draft one, choose one, save, submit."""

    def action_create_plan(self) -> None:
        _ = self._
        me = self.view.employee(self.services.me)
        atasan = me["data"].get("atasan_nip") if me else None
        if not atasan:
            self.notify(self._ppk_line(self.services.me), severity="error", timeout=10)
            return

        def created(period_id: str | None) -> None:
            if period_id is None:
                return
            existing = plan_for_period(self.view, self.services.me, period_id)
            if existing is not None:
                self.plan_id = existing["id"]
                self.notify(_("You already have an SKP for this period: here it is."))
                self.refresh_view()
                return
            plan_id = new_id()

            def drafted(_saved: object) -> None:
                self.plan_id = plan_id
                self.notify(_("SKP drafted. Add your RHK utama with ctrl+n."))
                self.refresh_view(reread=False)

            data = new_plan_data(period_id, atasan)
            self.write(Write("plan", plan_id, self.services.me, data), drafted)

        self.app.push_screen(CreatePlanDialog(self.services, self.view, atasan), created)

    def action_pick_plan(self) -> None:
        def picked(plan_id: str | None) -> None:
            if plan_id == PlanPicker.NEW:
                self.action_create_plan()
            elif plan_id:
                self.plan_id = plan_id
                self.refresh_view()

        self.app.push_screen(PlanPicker(self.services, self.view), picked)

    def action_save(self) -> None:
        plan = self.plan
        if plan is None:
            return
        if plan["owner"] == self.services.me:
            data = self._typed_data(plan)
        else:  # the PPK: the Ekspektasi Khusus Pimpinan and nothing else
            data = {**plan["data"], "expectations": self._typed_texts()[1]}
        self._write_plan(data, lambda _saved: self.notify(self._("Saved.")))

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
        if not self.view.items_of(plan, "main"):
            self.notify(_("Add at least one RHK utama before submitting."), severity="error")
            return
        data = {**self._typed_data(plan), "status": "submitted"}

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._write_plan(data, lambda _saved: self.notify(_("SKP submitted to your PPK.")))

        question = _("Submit this SKP to {ppk}? You cannot change it while the PPK reviews it.")
        ppk = self.view.person_label(plan["data"].get("ppk_nip"))
        self.app.push_screen(ConfirmDialog(question.format(ppk=ppk), self.services.lang), confirmed)


class PlanItemActions(_Base):
    """Adding, opening and deleting the RHK of the SKP on screen."""

    def _open_editor(self, kind: str, item: Record | None) -> None:
        plan = self.plan
        if plan is None:
            return

        def closed(saved: Snapshot | bool | None) -> None:
            if isinstance(saved, Snapshot):
                self.view = saved  # read by the save's worker, after the write
                self.refresh_view(reread=False)

        self.editing = True
        self.app.push_screen(ItemEditor(self.services, self.view, plan, kind, item), closed)

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
            if yes:
                self.write(Write("plan_item", item["id"], plan["owner"], None))

        question = self._("Delete the RHK {text!r}?").format(text=item["data"].get("text", ""))
        self.app.push_screen(ConfirmDialog(question, self.services.lang), confirmed)


class PlanReviewActions(_Base):
    """What the PPK does with a subordinate's SKP, and the way to the team list."""

    def action_team(self) -> None:
        from tui.screens.plan.team import TeamPlansScreen

        self.app.push_screen(TeamPlansScreen(self.services))

    def action_back(self) -> None:
        self.dismiss(None)

    def action_print_skp(self) -> None:
        """The official SKP form of the plan shown (the owner's or a subordinate's)."""
        plan = self.plan
        if plan is not None:
            period = self.view.period_name(plan["data"].get("period_id"))
            print_pdf(self, self.services, "skp", period=period, nip=plan["owner"])

    def action_approve(self) -> None:
        _ = self._
        plan = self.plan
        if plan is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                approved = {**plan["data"], "status": "approved"}
                self._write_plan(approved, lambda _saved: self.notify(_("SKP approved.")))

        question = _("Approve the SKP of {owner}?").format(
            owner=self.view.person_label(plan["owner"])
        )
        self.app.push_screen(ConfirmDialog(question, self.services.lang), confirmed)

    def action_return_plan(self) -> None:
        _ = self._
        plan = self.plan
        if plan is None:
            return

        def noted(note: str | None) -> None:
            if note:
                returned = {**plan["data"], "status": RETURNED, "return_note": note}
                self._write_plan(
                    returned, lambda _saved: self.notify(_("SKP returned with your note."))
                )

        title = _("Return the SKP of {owner}: what must be corrected?").format(
            owner=self.view.person_label(plan["owner"])
        )
        required = _("A note is required: say what must be corrected.")
        self.app.push_screen(NoteDialog(title, required=required, lang=self.services.lang), noted)
