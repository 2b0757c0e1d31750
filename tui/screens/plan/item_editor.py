"""The RHK editor: the RHK text, the atasan's RHK it serves, its indicators.

Saving validates the whole plan_item with domain.validation and writes
nothing while anything is wrong; each message appears beside its field.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Select, Static
from textual.widgets.select import InvalidSelectValueError

from client.numbers import format_number, parse_number
from client.on_demand import approved_items, can_fetch, fetch_owned
from client.plan import (
    COLLECTIONS,
    Gate,
    Record,
    atasan_items,
    new_id,
    without_none,
)
from client.records import Snapshot
from client.services import Services
from client.writes import Issues, Write, save
from domain.vocab import ASPECT_LABELS, ASPECTS
from tui.actions import bindings, localise
from tui.texts import plan_texts
from tui.widgets.forms import ErrorLabel, FieldScroll, quiet, show_in_rows
from tui.widgets.saving import Saving
from tui.widgets.unsaved import GuardedForm


class IndicatorRow(Vertical):
    """One indicator: aspek, IKI, and a target (number and satuan, or narrative)."""

    def __init__(
        self,
        indicator: dict[str, Any],
        qualitative: bool,
        editable: bool,
        _: Callable[[str], str],
        lang: str,
    ) -> None:
        super().__init__(classes="indicator-row")
        self._ = _
        self.lang = lang
        self.indicator = indicator
        self.qualitative = qualitative
        self.editable = editable

    def compose(self) -> ComposeResult:
        _ = self._
        aspect = self.indicator.get("aspect") or ASPECTS[0]
        with Horizontal(classes="indicator-line"):
            yield Select(
                [(ASPECT_LABELS[a], a) for a in ASPECTS],
                value=aspect,
                allow_blank=False,
                compact=True,
                classes="aspect",
                disabled=not self.editable,
            )
            yield quiet(
                Input(
                    str(self.indicator.get("indicator") or ""),
                    placeholder=_("IKI (indicator)"),
                    compact=True,
                    classes="iki",
                    disabled=not self.editable,
                )
            )
        with Horizontal(classes="indicator-line"):
            if self.qualitative:
                yield quiet(
                    Input(
                        str(self.indicator.get("target_text") or ""),
                        placeholder=_("Target (narrative)"),
                        compact=True,
                        classes="target-text",
                        disabled=not self.editable,
                    )
                )
            else:
                yield quiet(
                    Input(
                        format_number(self.indicator.get("target"), self.lang),
                        placeholder=_("Target"),
                        compact=True,
                        classes="target",
                        disabled=not self.editable,
                    )
                )
                yield quiet(
                    Input(
                        str(self.indicator.get("unit") or ""),
                        placeholder=_("Satuan, e.g. berkas"),
                        compact=True,
                        classes="unit",
                        disabled=not self.editable,
                    )
                )
        yield ErrorLabel()

    def value(self) -> dict[str, Any]:
        aspect = self.query_one(".aspect", Select).value
        found: dict[str, Any] = {
            "aspect": aspect if isinstance(aspect, str) else None,
            "indicator": self.query_one(".iki", Input).value.strip(),
        }
        if self.qualitative:
            found["target_text"] = self.query_one(".target-text", Input).value.strip() or None
        else:
            found["target"] = parse_number(self.query_one(".target", Input).value)
            found["unit"] = self.query_one(".unit", Input).value.strip() or None
        return without_none(found)

    def typed(self) -> dict[str, object]:
        """What the row holds as typed, a target not yet a number too (for a draft)."""
        aspect = self.query_one(".aspect", Select).value
        names = ("target-text",) if self.qualitative else ("target", "unit")
        found: dict[str, object] = {
            "aspect": aspect if isinstance(aspect, str) else None,
            "indicator": self.query_one(".iki", Input).value,
        }
        for name in names:
            found[name.replace("-", "_")] = self.query_one(f".{name}", Input).value
        return found


def _draft_indicator(found: object) -> dict[str, Any] | None:
    """One indicator of a draft as a row takes it, or None when it is not one."""
    if not isinstance(found, dict):
        return None
    typed = {k: str(v) for k, v in found.items() if isinstance(v, str)}
    if typed.get("aspect") not in ASPECTS:
        typed.pop("aspect", None)
    return typed


class ItemEditor(GuardedForm, Saving, ModalScreen[Snapshot | bool]):
    """Edits one plan_item; dismissed with the records read again once saved, else False."""

    BINDINGS = bindings("plan.item")
    LEFT_WITH = False

    def __init__(
        self,
        services: Services,
        view: Snapshot,
        plan: Record,
        kind: str,
        item: Record | None = None,
    ) -> None:
        super().__init__(classes="plan-dialog item-editor")
        self.services = services
        self.view = view
        self.plan = plan
        self.kind = kind
        self.item = item
        self._ = plan_texts(services.lang)
        self.editable = Gate(view).may_write_items(plan)
        self.qualitative = plan["data"].get("approach") == "qualitative"
        self.atasan = view.org.atasan_of(plan["owner"])
        # Fetch the atasan's RHK when none is here to link to and a server is at hand.
        self.fetches = (
            self.editable
            and self.atasan is not None
            and not atasan_items(view, plan["owner"], plan["data"]["period_id"])
            and can_fetch(services)
        )
        self._draft_parent: str | None = None  # a draft's link, for a picker still coming
        localise(self, services.lang)

    def compose(self) -> ComposeResult:
        _ = self._
        data = self.item["data"] if self.item else {}
        heading = _("RHK utama") if self.kind == "main" else _("RHK tambahan")
        choices = atasan_items(self.view, self.plan["owner"], self.plan["data"]["period_id"])
        parent = data.get("parent_item_id")
        with Vertical(classes="dialog-body"):
            yield Static(
                heading + ("" if self.editable else _(" (read-only)")), classes="dialog-title"
            )
            yield quiet(
                Input(
                    str(data.get("text") or ""),
                    placeholder=_("Rencana Hasil Kerja (RHK)"),
                    compact=True,
                    id="text",
                    disabled=not self.editable,
                )
            )
            yield ErrorLabel(id="text-error")
            options = [(str(c["data"].get("text", c["id"]))[:70], c["id"]) for c in choices]
            if parent and parent not in {value for _label, value in options}:
                options.append((_("(linked RHK not in your data)"), parent))
            if options:
                yield Select(
                    options,
                    value=parent or Select.NULL,
                    prompt=_("Atasan's RHK: not linked yet"),
                    compact=True,
                    id="parent",
                    disabled=not self.editable,
                )
            else:
                # Not synced to a subordinate (protocol 2): fetched on mount when it may
                # be linked now.
                words = (
                    _("Fetching the atasan's approved RHK…")
                    if self.fetches
                    else _(
                        "The atasan's RHK for this period are not in your data yet: link it later."
                    )
                )
                yield Static(words, id="parent-missing", classes="hint")
            yield ErrorLabel(id="parent_item_id-error")
            yield Static(_("Indicators (IKI)"), classes="section")
            with FieldScroll(id="indicators"):
                for indicator in data.get("indicators") or [{}]:
                    yield self._row(indicator)
            yield ErrorLabel(id="indicators-error")
        yield Footer(compact=True)

    def _row(self, indicator: dict[str, Any]) -> IndicatorRow:
        return IndicatorRow(indicator, self.qualitative, self.editable, self._, self.services.lang)

    def on_mount(self) -> None:
        if self.editable:
            self.query_one("#text", Input).focus()
        if self.fetches and self.atasan:
            self.fetch_atasan_items(self.atasan)

    @work(thread=True, exclusive=True, group="on_demand")
    def fetch_atasan_items(self, atasan: str) -> None:
        """The atasan's SKP from the server (GET /records), off the UI thread."""
        fetched = fetch_owned(self.services, atasan, ("plan", "plan_item"))
        period_id = self.plan["data"]["period_id"]
        items = approved_items(fetched.records, atasan, period_id)
        self.app.call_from_thread(self.offer_atasan_items, items, fetched.problem)

    def offer_atasan_items(self, items: list[Record], problem: str | None) -> None:
        _ = self._
        missing = self.query_one("#parent-missing", Static)
        if not items:
            missing.update(
                _("The atasan's RHK could not be fetched ({problem}): link it later.").format(
                    problem=problem
                )
                if problem
                else _("The atasan has no approved SKP for this period yet: link it later.")
            )
            return
        offered = [(str(c["data"].get("text", c["id"]))[:70], c["id"]) for c in items]
        linked = self._draft_parent if self._draft_parent in {c["id"] for c in items} else None
        picker = Select(
            offered,
            value=linked or Select.NULL,
            prompt=_("Atasan's RHK: not linked yet"),
            compact=True,
            id="parent",
        )
        unchanged = not self.has_changes
        self.query_one(".dialog-body", Vertical).mount(picker, before=missing)
        missing.remove()
        if unchanged:  # the picker came from the server, not from the user
            self.call_after_refresh(self.remember_as_opened)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("save", "add_indicator", "remove_indicator"):
            return self.editable
        return True

    # -- draft (tui/widgets/unsaved.py): the rows come and go as the user works,
    # so the draft is the RHK itself, as typed, and the rows are rebuilt from it.

    def draft_key(self) -> str | None:
        if not self.editable:
            return None
        which = self.item["id"] if self.item else f"new-{self.kind}-{self.plan['id']}"
        return f"plan-item-{which}"

    def draft_title(self) -> str:
        heading = self._("RHK utama") if self.kind == "main" else self._("RHK tambahan")
        text = self.query_one("#text", Input).value.strip()
        return f"{heading}: {text}" if text else heading

    def draft_fields(self) -> list[object]:
        parent = self.query_one("#parent", Select).value if self.query("#parent") else None
        return [
            {
                "text": self.query_one("#text", Input).value,
                "parent_item_id": parent if isinstance(parent, str) else None,
                "indicators": [row.typed() for row in self.rows()],
            }
        ]

    def put_draft(self, fields: list[object]) -> bool:
        found = fields[0] if len(fields) == 1 else None
        if not isinstance(found, dict) or not isinstance(found.get("indicators"), list):
            return False  # not an RHK draft: better nothing than wrong fields
        indicators = [_draft_indicator(i) for i in found["indicators"]]
        if not indicators or None in indicators:
            return False
        self.query_one("#text", Input).value = str(found.get("text") or "")
        parent = found.get("parent_item_id")
        # The atasan's RHK may still be on its way from the server: linked when it comes.
        self._draft_parent = parent if isinstance(parent, str) else None
        for picker in self.query("#parent").results(Select):
            # A link to an RHK no longer offered is left as the form has it.
            with suppress(InvalidSelectValueError):
                picker.value = parent if isinstance(parent, str) else Select.NULL
        self.call_later(self._rebuild_rows, indicators)
        return True

    async def _rebuild_rows(self, indicators: list[dict[str, Any]]) -> None:
        scroll = self.query_one("#indicators", FieldScroll)
        await scroll.remove_children()
        await scroll.mount_all([self._row(indicator) for indicator in indicators])

    def rows(self) -> list[IndicatorRow]:
        return list(self.query(IndicatorRow))

    async def action_add_indicator(self) -> None:
        row = self._row({})
        await self.query_one("#indicators", FieldScroll).mount(row)
        row.query_one(".iki", Input).focus()
        row.scroll_visible()

    async def action_remove_indicator(self) -> None:
        rows = self.rows()
        if len(rows) <= 1:
            self.notify(self._("An RHK needs at least one IKI."), severity="warning")
            return
        focused = self.focused
        target = next(
            (r for r in rows if focused is not None and focused in r.walk_children()), rows[-1]
        )
        await target.remove()
        self.rows()[-1].query_one(".iki", Input).focus()

    def item_data(self) -> dict[str, Any]:
        parent_value: object = None
        if self.query("#parent"):
            parent_value = self.query_one("#parent", Select).value
        return without_none(
            {
                "plan_id": self.plan["id"],
                "kind": self.kind,
                "parent_item_id": parent_value if isinstance(parent_value, str) else None,
                "text": self.query_one("#text", Input).value.strip(),
                "indicators": [row.value() for row in self.rows()],
            }
        )

    def show_issues(self, issues: Issues) -> None:
        """Each message beside its field: an IKI's in its row."""
        for message in show_in_rows(self, issues.fields, "indicators", self.rows()):
            self.query_one("#text-error", ErrorLabel).show(message)

    def action_save(self) -> None:
        if not self.editable:
            return
        owner = self.plan["owner"]
        write = Write(
            "plan_item", self.item["id"] if self.item else new_id(), owner, self.item_data()
        )
        services = self.services
        self.save(
            lambda: save(services, write, reread=COLLECTIONS),
            lambda saved: self.dismiss(saved.snapshot or True),
        )
