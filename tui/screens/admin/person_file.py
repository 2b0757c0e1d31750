"""A person's whole file (Kepegawaian, ctrl+g): fetched from the server when opened.

SKP, realisasi, evaluations, objections, follow-ups and training, as the
server lets the admin read them (GET /records), shown read-only: a record
is changed in its own area. Nothing of it joins the synced store.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static
from textual.worker import Worker, WorkerState

from client import person_file
from client.person_file import PersonFile
from client.records import Record, Snapshot
from client.services import Services
from domain.deadlines import office_day
from domain.vocab import (
    EVALUATION_STATUS_LABELS,
    FOLLOW_UP_KIND_LABELS,
    PLAN_STATUS_LABELS,
    PREDIKAT_LABELS,
)
from tui.actions import bindings, localise
from tui.texts import N_
from tui.texts import admin_ as _

HEADINGS = {
    "plan": N_("SKP"),
    "plan_item": N_("RHK"),
    "progress": N_("Realisasi"),
    "evaluation": N_("Evaluations"),
    "objection": N_("Objections (keberatan)"),
    "follow_up": N_("Follow-ups (tindak lanjut)"),
    "training": N_("Training (pelatihan)"),
}


def _label(labels: Mapping[Any, str], key: Any) -> str:
    return labels.get(key, str(key or "-"))


def line_of(view: Snapshot, record: Record) -> str:
    """One record of the file as one line."""
    data, collection = record["data"], record["collection"]
    period = view.period_name(data.get("period_id")) if data.get("period_id") else ""
    if collection == "plan":
        return f"{period} · {_label(PLAN_STATUS_LABELS, data.get('status'))}"
    if collection == "plan_item":
        return str(data.get("text", ""))
    if collection == "progress":
        return f"{period} · {len(data.get('values') or [])} IKI"
    if collection == "evaluation":
        predikat = _label(PREDIKAT_LABELS, data.get("predikat"))
        return f"{period} · {predikat} · {_label(EVALUATION_STATUS_LABELS, data.get('status'))}"
    if collection == "objection":
        state = _("decided") if data.get("decision") else _("awaiting the atasan PPK")
        filed = office_day(data.get("filed_at"))
        return f"{filed.isoformat() if filed else '-'} · {state}"
    if collection == "follow_up":
        kind = _label(FOLLOW_UP_KIND_LABELS, data.get("kind"))
        return (
            f"{kind} · {data.get('start', '')}..{data.get('due') or ''} · {data.get('status', '')}"
        )
    return f"{data.get('title', '')} · {data.get('jp', 0)} JP · {data.get('start', '')}"


class PersonFileScreen(Screen[None]):
    BINDINGS = bindings("admin.file")

    def __init__(self, services: Services, view: Snapshot, nip: str) -> None:
        super().__init__()
        localise(self, services.lang)
        self.services = services
        self.view = view
        self.nip = nip
        self.title = _("File of {person}").format(person=view.person_label(nip))

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="file-body"):
            yield Static(escape(self.title or ""), classes="admin-heading")
            yield Static(_("Fetching from the server…"), id="file-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        services, nip = self.services, self.nip
        self.run_worker(lambda: person_file.fetch(services, nip), thread=True, group="file")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "file" or event.state != WorkerState.SUCCESS:
            return
        found = event.worker.result
        if isinstance(found, PersonFile):
            self.query_one("#file-text", Static).update(self.file_text(found))

    def file_text(self, found: PersonFile) -> str:
        if found.error is not None:
            return _("The file could not be fetched: {reason}").format(reason=found.error)
        parts = []
        for collection in person_file.COLLECTIONS:
            records = found.records.get(collection, [])
            parts.append(f"[b]{_(HEADINGS[collection])}[/b] ({len(records)})")
            parts += [f"  {escape(line_of(self.view, record))}" for record in records]
        return "\n".join(parts)

    def action_back(self) -> None:
        self.dismiss(None)
