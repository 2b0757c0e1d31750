"""Rencana: the SKP of one employee for one period, from draft to approval.

Opened from the shell it shows the signed-in employee's own SKP; opened from
the team list (team.py) it shows a subordinate's SKP to their PPK. What
domain.permissions forbids the viewer is shown read-only: inputs disabled,
keys hidden from the footer and the command palette.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import (
    DataTable,
    Footer,
    Header,
    Input,
    Label,
    Static,
    TabbedContent,
    TabPane,
    TextArea,
)

from client.plan import (
    ATTACHMENT_KEYS,
    COLLECTIONS,
    RETURNED,
    Gate,
    Record,
    indicator_summary,
    label_of,
    lines_of,
    reopened,
)
from client.records import Snapshot
from client.services import Services
from client.writes import Issues, Saved, Write, save
from domain.vocab import (
    APPROACH_LABELS,
    ATTACHMENT_LABELS,
    BERAKHLAK,
    BERAKHLAK_LABELS,
    PLAN_STATUS_LABELS,
)
from tui.actions import bindings, localise
from tui.screens.plan.actions import PlanItemActions, PlanOwnerActions, PlanReviewActions
from tui.sync_worker import SyncDone
from tui.texts import plan_texts
from tui.widgets.commands import ScreenCommands
from tui.widgets.export_list import ExportsList
from tui.widgets.forms import ErrorLabel, FieldScroll, show_beside_fields
from tui.widgets.saving import Saving
from tui.widgets.tab_keys import TabKeys, tab_title

ITEM_TABS = {"tab-main": "main", "tab-additional": "additional"}


class PlanScreen(
    ExportsList,
    PlanOwnerActions,
    PlanItemActions,
    PlanReviewActions,
    TabKeys,
    Saving,
    Screen[None],
):
    """One SKP: header, RHK utama/tambahan, lampiran, ekspektasi perilaku."""

    CSS_PATH = "plan.tcss"
    COMMANDS = {ScreenCommands}
    ACTION_SCOPES = ("plan",)
    BINDINGS = [*bindings("plan"), *bindings("export")]

    def __init__(self, services: Services, plan_id: str | None = None) -> None:
        super().__init__()
        self.services = services
        self._ = plan_texts(services.lang)
        self.view = Snapshot.read(services, COLLECTIONS)
        self.editing = False  # the RHK editor is open over the screen
        # Opened on someone's SKP (from the team list) rather than as an area.
        self.pushed = plan_id is not None
        self.plan_id = plan_id or self._default_plan_id()
        # The plan whose lampiran and expectations the fields were last filled
        # from, and those values: typing that differs from them is unsaved.
        self._loaded: tuple[str, tuple[dict[str, list[str]], dict[str, str]]] | None = None
        self.title = self._("Rencana (SKP)")
        localise(self, services.lang)

    # --- reading -------------------------------------------------------------

    def _default_plan_id(self) -> str | None:
        mine = self.view.plans_of(self.services.me)
        if not mine:
            return None
        return str(max(mine, key=self.view.period_start)["id"])

    @property
    def plan(self) -> Record | None:
        if self.plan_id is None:
            return None
        found = self.view.get("plan", self.plan_id)
        return None if found is None or found.get("deleted") else found

    def _gate(self) -> Gate:
        return Gate(self.view)

    def _may_edit(self) -> bool:
        plan = self.plan
        return plan is not None and self._gate().may_edit_plan_content(plan)

    def _may_write_expectations(self) -> bool:
        plan = self.plan
        return plan is not None and self._gate().may_write_expectations(plan)

    def _may_write_items(self) -> bool:
        plan = self.plan
        return plan is not None and self._gate().may_write_items(plan)

    def _item_tab(self) -> str | None:
        return ITEM_TABS.get(self.query_one("#plan-tabs", TabbedContent).active)

    def _selected_item(self) -> Record | None:
        kind = self._item_tab()
        if kind is None or self.plan is None:
            return None
        table = self.query_one(f"#items-{kind}", DataTable)
        if table.row_count == 0:
            return None
        row_key, _column = table.coordinate_to_cell_key(table.cursor_coordinate)
        return self.view.get("plan_item", str(row_key.value))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only what this person may do here now, so that the footer fits 80 columns.

        Item keys show on the Utama and Tambahan tabs, the keys of the plan's
        own fields (save, approach) on the Lampiran and Perilaku tabs.
        """
        plan = self.plan
        own = plan is None or plan["owner"] == self.services.me
        if action == "create_plan":
            return not self.pushed and plan is None
        if action == "pick_plan":
            return not self.pushed and bool(self.view.plans_of(self.services.me))
        if action == "team":
            return not self.pushed and bool(self.view.org.team_of(self.services.me))
        if action == "back":
            return self.pushed
        if action == "show_tab":
            return True
        if plan is None:
            return False
        if action == "print_skp":
            return True
        on_items = self.is_mounted and self._item_tab() is not None
        if action == "edit_item":
            return on_items
        if action in ("add_item", "delete_item"):
            return on_items and self._may_write_items()
        if action == "save":
            return not on_items and (self._may_edit() or self._may_write_expectations())
        if action == "toggle_approach":
            return not on_items and self._may_edit()
        gate = self._gate()
        if action == "submit":
            return own and gate.may_set_status(plan, "submitted")
        if action == "approve":
            return not own and gate.may_set_status(plan, "approved")
        if action == "return_plan":
            return not own and gate.may_set_status(plan, RETURNED)
        return True

    # --- layout --------------------------------------------------------------

    def compose(self) -> ComposeResult:
        _ = self._
        yield Header()
        yield Static("", id="plan-title", classes="screen-title")
        yield Static("", id="plan-people", classes="screen-line")
        yield Static("", id="plan-note")
        yield Static("", id="plan-empty", classes="empty-state")
        with TabbedContent(id="plan-tabs"):
            with TabPane(tab_title(_("Utama"), 1), id="tab-main"):
                yield self._item_table("main")
            with TabPane(tab_title(_("Tambahan"), 2), id="tab-additional"):
                yield self._item_table("additional")
            with TabPane(tab_title(_("Lampiran"), 3), id="tab-attachments"), FieldScroll():
                for key in ATTACHMENT_KEYS:
                    yield Label(label_of(ATTACHMENT_LABELS, key) + _(" (one per line)"))
                    area = TextArea(id=f"att-{key}", classes="attachment", compact=True)
                    area.cursor_blink = False
                    yield area
                    yield ErrorLabel(id=f"attachments-{key}-error")
            with TabPane(tab_title(_("Perilaku"), 4), id="tab-behaviour"), FieldScroll():
                yield Static(_("Ekspektasi khusus pimpinan (the PPK's words)"), classes="hint")
                for value in BERAKHLAK:
                    with Horizontal(classes="expectation"):
                        yield Label(BERAKHLAK_LABELS[value], classes="value-label")
                        field = Input(id=f"exp-{value}", compact=True)
                        field.cursor_blink = False
                        yield field
                    yield ErrorLabel(id=f"expectations-{value}-error")
        yield Footer(compact=True)

    def _item_table(self, kind: str) -> DataTable[str]:
        table: DataTable[str] = DataTable(id=f"items-{kind}", cursor_type="row", zebra_stripes=True)
        _ = self._
        table.add_column("#", width=2)
        table.add_column(_("RHK"), width=33)
        table.add_column(_("IKI and target"), width=28)
        table.add_column(_("Atasan"), width=7)
        return table

    def on_mount(self) -> None:
        self.refresh_view(reread=False)
        self.query_one("#items-main", DataTable).focus()

    def on_screen_resume(self) -> None:
        # Another screen (or a sync) may have changed the store meanwhile;
        # back from the RHK editor, its outcome redraws instead.
        if self.editing:
            self.editing = False
        elif self.is_mounted:
            self.refresh_view()

    # --- showing ---------------------------------------------------------------

    def refresh_view(self, *, reread: bool = True) -> None:
        """Draw the SKP; ``reread`` the store first (one read) unless just read."""
        _ = self._
        if reread:
            self.view = Snapshot.read(self.services, COLLECTIONS)
        plan = self.plan
        tabs = self.query_one("#plan-tabs", TabbedContent)
        empty = self.query_one("#plan-empty", Static)
        tabs.display = plan is not None
        empty.display = plan is None
        if plan is None:
            self.query_one("#plan-title", Static).update(_("Rencana: no SKP yet"))
            self.query_one("#plan-people", Static).update(self._ppk_line(self.services.me))
            self.query_one("#plan-note", Static).display = False
            empty.update(_("You have no SKP yet. Press ctrl+b to draft one for a period."))
            self.refresh_bindings()
            return
        data = plan["data"]
        status = str(data.get("status", "draft"))
        title = _("SKP {period} · {owner} · {status}").format(
            period=self.view.period_name(data.get("period_id")),
            owner=self.view.person_label(plan["owner"]),
            status=label_of(PLAN_STATUS_LABELS, status),
        )
        self.query_one("#plan-title", Static).update(title)
        self.query_one("#plan-title", Static).set_class(status == RETURNED, "returned")
        approach = label_of(APPROACH_LABELS, data.get("approach"))
        atasan = self.view.org.atasan_of(plan["owner"])
        people = self.query_one("#plan-people", Static)
        people.set_class(bool(atasan) and atasan != data.get("ppk_nip"), "mismatch")
        if atasan and atasan != data.get("ppk_nip"):
            # The server goes by the employee data (protocol.md), not by the
            # SKP's ppk_nip: say so, and let the owner's next save correct it.
            people.update(
                _("The SKP names {ppk} as PPK, but the atasan is now {atasan}.").format(
                    ppk=self.view.person_label(data.get("ppk_nip")),
                    atasan=self.view.person_label(atasan),
                )
            )
        else:
            people.update(
                _("PPK: {ppk} · Approach: {approach}").format(
                    ppk=self.view.person_label(data.get("ppk_nip")), approach=approach
                )
            )
        note = self.query_one("#plan-note", Static)
        # The note stays shown while the owner works on it (a returned SKP
        # becomes a draft again at the first change).
        note.display = status in (RETURNED, "draft") and bool(data.get("return_note"))
        note.update(_("Returned by the PPK: {note}").format(note=data.get("return_note", "")))
        for kind in ("main", "additional"):
            self._fill_items(plan, kind)
        self._fill_texts(plan)
        self.refresh_bindings()

    def _ppk_line(self, owner: str) -> str:
        _ = self._
        me = self.view.employee(owner)
        atasan = me["data"].get("atasan_nip") if me else None
        if not atasan:
            return _(
                "Your atasan is missing from your employee data: an SKP needs a PPK. "
                "Ask the admin kinerja (BKD) to correct it."
            )
        if self.view.employee(atasan) is None:
            return _(
                "Your atasan is recorded as NIP {nip}, who is not in the employee data."
            ).format(nip=atasan)
        return _("PPK (your atasan): {ppk}").format(ppk=self.view.person_label(atasan))

    def _fill_items(self, plan: Record, kind: str) -> None:
        _ = self._
        table = self.query_one(f"#items-{kind}", DataTable)
        cursor = table.cursor_row
        table.clear()
        for number, item in enumerate(self.view.items_of(plan, kind), start=1):
            summary = indicator_summary(item["data"].get("indicators") or [], self.services.lang)
            linked = _("linked") if item["data"].get("parent_item_id") else _("not yet")
            table.add_row(
                str(number), item["data"].get("text", ""), summary, linked, key=item["id"]
            )
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1))

    def _fill_texts(self, plan: Record) -> None:
        """Show the plan's lampiran and expectations, unless unsaved typing would be lost.

        A sync or a return from another area refreshes the screen; what the
        person typed and has not saved yet stays in the fields.
        """
        editable = self._may_edit()
        data = plan["data"]
        stored = (
            {key: list((data.get("attachments") or {}).get(key) or []) for key in ATTACHMENT_KEYS},
            {k: v for k, v in (data.get("expectations") or {}).items() if v},
        )
        unsaved = (
            self._loaded is not None
            and self._loaded[0] == plan["id"]
            and (self._typed_texts() != self._loaded[1])
        )
        if not unsaved:
            for key in ATTACHMENT_KEYS:
                self.query_one(f"#att-{key}", TextArea).load_text("\n".join(stored[0][key]))
            for value in BERAKHLAK:
                self.query_one(f"#exp-{value}", Input).value = str(stored[1].get(value) or "")
            self._loaded = (plan["id"], stored)
        for key in ATTACHMENT_KEYS:
            area = self.query_one(f"#att-{key}", TextArea)
            area.read_only = not editable
            area.disabled = not editable
        by_ppk = self._may_write_expectations()  # the PPK's words: never the owner's
        for value in BERAKHLAK:
            self.query_one(f"#exp-{value}", Input).disabled = not by_ppk

    def _typed_texts(self) -> tuple[dict[str, list[str]], dict[str, str]]:
        """The lampiran lists and expectations as typed in the fields now."""
        attachments = {
            key: lines_of(self.query_one(f"#att-{key}", TextArea).text) for key in ATTACHMENT_KEYS
        }
        expectations = {
            value: self.query_one(f"#exp-{value}", Input).value.strip() for value in BERAKHLAK
        }
        return attachments, {k: v for k, v in expectations.items() if v}

    def on_sync_done(self, message: SyncDone) -> None:
        if not getattr(message, "changed", True):
            return  # an idle round: nothing new to read
        if self.is_mounted:
            self.refresh_view()

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self.refresh_bindings()

    @on(DataTable.RowSelected)
    def _row_chosen(self) -> None:
        self.action_edit_item()

    def _typed_data(self, plan: Record) -> dict[str, Any]:
        """The plan's data with what is typed in the lampiran and Perilaku tabs."""
        data = dict(plan["data"])
        data["status"] = reopened(data.get("status"))
        data["attachments"], data["expectations"] = self._typed_texts()
        # The PPK is whoever the employee data names as atasan when the owner
        # saves or submits (a Plt may have taken over since the draft began).
        data["ppk_nip"] = self.view.org.atasan_of(plan["owner"]) or data.get("ppk_nip")
        return data

    def write(self, write: Write, then: Callable[[Saved], None] | None = None) -> None:
        """Save ``write`` through the one write path, off the UI thread; redraw once saved."""
        services = self.services

        def saved(result: Saved) -> None:
            if result.snapshot is not None:
                self.view = result.snapshot
            self.refresh_view(reread=False)
            if then is not None:
                then(result)

        self.save(lambda: save(services, write, reread=COLLECTIONS), saved)

    def show_issues(self, issues: Issues) -> None:
        """Each message beside its field on the Lampiran and Perilaku tabs, the first as a toast."""
        show_beside_fields(self, issues.fields)
        if issues.messages:
            self.notify(issues.messages[0], severity="error")

    def _write_plan(
        self, data: dict[str, Any], then: Callable[[Saved], None] | None = None
    ) -> None:
        plan = self.plan
        if plan is not None:
            self.write(Write("plan", plan["id"], plan["owner"], data), then)
