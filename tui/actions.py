"""Every action of the app in one registry: bindings, footer, F1 and the palette come from it.

As in Harlequin's actions and keymap: each ``Action`` has an id
"<area>.<action>" (``plan.submit``), a default key, the Textual action it
runs, its footer label, and, when it belongs in the command palette (ctrl+p),
the palette's name and help. A screen declares ``BINDINGS = bindings("plan")``
and calls ``localise(self, lang)`` once made; the palette's ``ScreenCommands``
offers what the screen allows now (its ``check_action``), F1 lists the same
bindings with their ids, and a user's ``[keys]`` in settings.toml rebinds any
id (``App.set_keymap``). Labels are English msgids of the action's gettext
domain, translated per screen instance in the person's language.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from domain.i18n import translator
from tui.areas import AREAS
from tui.texts import _

if TYPE_CHECKING:
    from textual.binding import Binding, BindingType
    from textual.dom import DOMNode
    from textual.screen import Screen

Keymap = dict[str, str]

BINDING_ID = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")
# One key: modifiers joined by "+" and a key name ("f5", "ctrl+s", "shift+tab").
KEY = re.compile(r"^([a-z]+\+)*[a-z0-9_]+$")

# gettext domains of the labels
SHELL, PLAN, REVIEW, YEAR = "tui", "tui_plan", "tui_review", "tui_year"
MONITORING, DOCUMENTS = "tui_monitoring", "tui_documents"
ADMIN = "tui_admin"  # Kepegawaian (tui/screens/admin)
TERMINAL = "tui_terminal"
LISTS = "tui_lists"  # the filter-as-you-type list (tui/widgets/filter_list.py)
TAB_KEYS = ("alt+1", "alt+2", "alt+3", "alt+4")  # the tabs of a screen, in order


@dataclasses.dataclass(frozen=True)
class Action:
    scope: str  # the screen or dialog whose bindings these are
    id: str
    key: str
    action: str
    label: str  # msgid: the footer's and F1's words
    palette: str | None = None  # msgid: the palette's name; None keeps it out
    help: str = ""  # msgid: the palette's line under the name
    show: bool = True
    priority: bool = False
    domain: str = SHELL


def _tabs(area: str, *tabs: tuple[str, str, str]) -> list[tuple[Any, ...]]:
    """Rows for the keys of an area's tabs: (name, tab id, label msgid) each."""
    return [
        (f"{area}.tab_{name}", TAB_KEYS[n], f"show_tab('{tab_id}')", label, None, "", False)
        for n, (name, tab_id, label) in enumerate(tabs)
    ]


def _scope(scope: str, domain: str, *rows: tuple[Any, ...], palette: bool = False) -> list[Action]:
    """Rows (id, key, action, label[, palette, help[, show[, priority]]])."""
    found = []
    for row in rows:
        action_id, key, action, label, *rest = row
        shown_in_palette = rest[0] if rest else (label if palette else None)
        found.append(
            Action(
                scope,
                action_id,
                key,
                action,
                label,
                shown_in_palette,
                rest[1] if len(rest) > 1 else "",
                rest[2] if len(rest) > 2 else True,
                rest[3] if len(rest) > 3 else False,
                domain,
            )
        )
    return found


ACTIONS: tuple[Action, ...] = (
    *_scope(
        "app",
        SHELL,
        (
            "app.quit",
            "ctrl+q",
            "quit",
            "Quit",
            "Quit",
            "Close Kinerja; your changes are kept",
            False,
            True,
        ),
        ("app.help", "f1", "help", "Help", "Help", "The keys of this screen", True, True),
        ("app.palette", "ctrl+p", "command_palette", "Commands", None, "", False, True),
        (
            "app.sync",
            "f9",
            "sync_now",
            "Sync now",
            "Sync now",
            "Send my changes and fetch new records from the server",
            False,
        ),
        (
            "app.switch_person",
            "f8",
            "switch_person",
            "Switch person",
            "Switch person (demo)",
            "Show the app as another sample person",
            False,
        ),
        # Last in line: a dialog, a form or a pushed screen takes Escape first.
        ("app.home", "escape", "go_home", "Back to Home", None, "", False),
    ),
    # The areas: their palette entries are the shell's (tui/palette.py).
    *_scope(
        "app",
        SHELL,
        *(
            (f"nav.{area.id}", area.key, f"open_area('{area.id}')", area.label, None, "", False)
            for area in AREAS
        ),
    ),
    # Beranda shows the app's sync and switch keys in its footer: the same ids,
    # so that one remap moves both.
    *_scope(
        "home",
        SHELL,
        ("app.sync", "f9", "app.sync_now", "Sync now"),
        ("app.switch_person", "f8", "app.switch_person", "Switch person"),
    ),
    *_scope("help", SHELL, ("help.close", "escape", "dismiss", "Close")),
    *_scope(
        "first_run",
        SHELL,
        ("first_run.connect", "s", "connect", "Connect to a server"),
        ("first_run.demo", "d", "demo", "Open the demo"),
    ),
    *_scope(
        "connect",
        SHELL,
        ("first_run.sign_in", "ctrl+s", "sign_in", "Sign in"),
        ("first_run.back", "escape", "back", "Back"),
    ),
    *_scope(
        "confirm",
        SHELL,
        ("confirm.yes", "y,ctrl+y", "answer(True)", "Yes"),
        ("confirm.no", "n,escape", "answer(False)", "No"),
    ),
    *_scope(
        "filter_list",
        LISTS,
        ("filter_list.sort", "ctrl+o", "sort", "Sort"),
        ("filter_list.down", "down", "move(1)", "Next", None, "", False),
        ("filter_list.up", "up", "move(-1)", "Previous", None, "", False),
        ("filter_list.page_down", "pagedown", "move(10)", "Page down", None, "", False),
        ("filter_list.page_up", "pageup", "move(-10)", "Page up", None, "", False),
    ),
    *_scope(
        "unsaved",
        TERMINAL,
        ("unsaved.save", "s,ctrl+s", "answer('save')", "Save"),
        ("unsaved.discard", "d", "answer('discard')", "Discard"),
        ("unsaved.stay", "escape", "answer('stay')", "Stay"),
    ),
    *_scope(
        "person_picker",
        SHELL,
        ("person_picker.choose", "enter", "choose", "Choose", None, "", True, True),
        ("person_picker.cancel", "escape", "dismiss(None)", "Cancel"),
    ),
    *_scope(
        "note",
        SHELL,
        ("note.save", "ctrl+s", "save", "Save"),
        ("note.cancel", "escape", "leave", "Cancel"),
    ),
    *_scope(
        "field_edit",
        REVIEW,
        ("conflicts.edit_save", "enter", "save", "Save", None, "", True, True),
        ("conflicts.edit_cancel", "escape", "leave", "Cancel"),
    ),
    *_scope(
        "plan",
        PLAN,
        ("plan.create", "ctrl+b", "create_plan", "New SKP"),
        ("plan.add_item", "ctrl+n", "add_item", "Add"),
        ("plan.edit_item", "ctrl+e", "edit_item", "Open"),
        ("plan.delete_item", "delete", "delete_item", "Delete"),
        ("plan.save", "ctrl+s", "save", "Save"),
        ("plan.approach", "ctrl+g", "toggle_approach", "Approach"),
        ("plan.submit", "f8", "submit", "Submit"),
        ("plan.pick", "ctrl+o", "pick_plan", "Choose"),
        ("plan.team", "ctrl+t", "team", "Team"),
        # The PPK's keys share keys with the owner's: the two are never both
        # available on one SKP (check_action), so they never clash.
        ("plan.approve", "f8", "approve", "Approve"),
        ("plan.return", "ctrl+b", "return_plan", "Return"),
        ("plan.back", "escape", "back", "Back"),
        *_tabs(
            "plan",
            ("main", "tab-main", "Utama"),
            ("additional", "tab-additional", "Tambahan"),
            ("attachments", "tab-attachments", "Lampiran"),
            ("behaviour", "tab-behaviour", "Perilaku"),
        ),
        palette=True,
    ),
    *_scope(
        "plan.create",
        PLAN,
        ("plan.create_ok", "ctrl+s", "create", "Create"),
        ("plan.create_cancel", "escape", "dismiss(None)", "Cancel"),
    ),
    *_scope("plan.picker", PLAN, ("plan.pick_cancel", "escape", "dismiss(None)", "Cancel")),
    *_scope(
        "plan.team",
        PLAN,
        # A priority key: the filter line would take Enter first.
        ("plan.team_open", "enter", "open_plan", "Open SKP", "Open SKP", "", True, True),
        ("plan.team_back", "escape", "back", "Back"),
        palette=True,
    ),
    *_scope(
        "plan.item",
        PLAN,
        ("plan.item_save", "ctrl+s", "save", "Save RHK"),
        ("plan.item_add_indicator", "ctrl+n", "add_indicator", "Add IKI"),
        ("plan.item_remove_indicator", "ctrl+l", "remove_indicator", "Remove IKI"),
        ("plan.item_cancel", "escape", "leave", "Close"),
    ),
    *_scope(
        "progress",
        PLAN,
        ("progress.edit", "ctrl+e", "edit", "Record realisasi"),
        ("progress.period", "ctrl+g", "choose_period", "Period"),
        ("progress.plan", "ctrl+o", "choose_plan", "Other SKP"),
        ("progress.back", "escape", "back", "Back"),
        palette=True,
    ),
    *_scope(
        "plan",
        DOCUMENTS,
        (
            "plan.print",
            "ctrl+l",
            "print_skp",
            "Print",
            "SKP: print as PDF",
            "The official SKP form, written to a folder you choose",
            False,  # F1 and the palette show it: the SKP's footer is full at 80 columns
        ),
    ),
    *_scope(
        "progress",
        DOCUMENTS,
        (
            "progress.evidence",
            "ctrl+b",
            "evidence",
            "Evidence files",
            "Realisasi: evidence files",
            "List the files of the highlighted realisasi and save a copy",
        ),
        (
            "progress.service_log",
            "ctrl+l",
            "service_log",
            "Service log",
            "Realisasi: from a service log (CSV)",
            "Count, median and percentile in working days, proposed as realisasi",
        ),
    ),
    *_scope(
        "service_log",
        DOCUMENTS,
        ("service_log.accept", "ctrl+s", "accept", "Accept"),
        ("service_log.file", "ctrl+o", "choose_file", "Other file"),
        ("service_log.close", "escape", "dismiss(False)", "Close"),
    ),
    *_scope(
        "progress.editor",
        PLAN,
        ("progress.save", "ctrl+s", "save", "Save realisasi"),
        ("progress.add_evidence", "ctrl+n", "add_evidence", "Add evidence"),
        ("progress.remove_evidence", "ctrl+l", "remove_evidence", "Remove evidence"),
        ("progress.cancel", "escape", "leave", "Close"),
    ),
    *_scope(
        "progress.editor",
        DOCUMENTS,
        ("progress.attach_file", "ctrl+o", "attach_file", "Attach file"),
    ),
    # One export key for every list (tui/widgets/export_list.py).
    *_scope(
        "export",
        DOCUMENTS,
        (
            "lists.export",
            "ctrl+x",
            "export_list",
            "Export",
            "Export this list (xlsx)",
            "The lists of this screen as a spreadsheet, in a folder you choose",
            False,  # F1 and the palette show it: at 80 columns the footer has no room
            True,  # over a filter line, whose ctrl+x would cut the typed words
        ),
    ),
    *_scope(
        "file_picker",
        DOCUMENTS,
        ("file_picker.choose", "enter", "choose", "Choose", None, "", True, True),
        ("file_picker.complete", "tab", "complete", "Complete", None, "", True, True),
        ("file_picker.down", "down", "move(1)", "Next", None, "", False, True),
        ("file_picker.up", "up", "move(-1)", "Previous", None, "", False, True),
        ("file_picker.cancel", "escape", "dismiss(None)", "Cancel"),
    ),
    *_scope(
        "evidence",
        DOCUMENTS,
        ("evidence.open", "enter", "open", "Save a copy", None, "", True, True),
        ("evidence.down", "down", "move(1)", "Next", None, "", False, True),
        ("evidence.up", "up", "move(-1)", "Previous", None, "", False, True),
        ("evidence.close", "escape", "dismiss(None)", "Close"),
    ),
    *_scope(
        "feedback",
        REVIEW,
        ("feedback.person", "p", "pick('#feedback-person')", "Employee", None, "", False),
        ("feedback.period", "o", "pick('#feedback-period')", "Period", None, "", False),
        (
            "feedback.new",
            "n",
            "new",
            "New",
            "Umpan balik: write new",
            "Write umpan balik for this person",
        ),
        (
            "feedback.dialog",
            "d",
            "dialog",
            "Dialog",
            "Umpan balik: dialog kinerja note",
            "Note a dialog kinerja held with this person",
        ),
        (
            "feedback.edit",
            "e",
            "edit",
            "Edit",
            "Umpan balik: edit",
            "Change the highlighted umpan balik",
        ),
        (
            "feedback.acknowledge",
            "a",
            "acknowledge",
            "Read",
            "Umpan balik: acknowledge",
            "Mark the highlighted umpan balik as read",
        ),
        (
            "feedback.discard",
            "x",
            "discard",
            "Discard",
            "Umpan balik: discard rejected change",
            "Back to the server's version",
        ),
    ),
    *_scope(
        "feedback.form",
        REVIEW,
        ("feedback.save", "ctrl+s", "save", "Save"),
        ("feedback.cancel", "escape", "leave", "Cancel"),
    ),
    *_scope(
        "evaluation",
        REVIEW,
        ("evaluation.person", "p", "pick('#eval-person')", "Employee", None, "", False),
        ("evaluation.period", "o", "pick('#eval-period')", "Period", None, "", False),
        (
            "evaluation.result",
            "h",
            "cycle('result')",
            "Hasil kerja",
            "Evaluasi: next rating hasil kerja",
            "Di Atas, Sesuai, Di Bawah Ekspektasi",
            False,
        ),
        (
            "evaluation.behaviour",
            "b",
            "cycle('behaviour')",
            "Perilaku",
            "Evaluasi: next rating perilaku",
            "Di Atas, Sesuai, Di Bawah Ekspektasi",
            False,
        ),
        (
            "evaluation.note",
            "c",
            "note",
            "Note",
            "Evaluasi: write a note",
            "A note on the highlighted RHK or BerAKHLAK value",
        ),
        (
            "evaluation.save",
            "s",
            "save",
            "Save",
            "Evaluasi: save draft",
            "Save the evaluation as a draft",
        ),
        (
            "evaluation.finalise",
            "f",
            "finalise",
            "Finalise",
            "Evaluasi: finalise",
            "Make the evaluation final; it can't be undone",
        ),
        (
            "evaluation.progress",
            "r",
            "open_progress",
            "Realisasi",
            "Evaluasi: the employee's realisasi",
            "Read the employee's realisasi and evidence (read-only)",
        ),
        (
            "evaluation.discard",
            "x",
            "discard",
            "Discard",
            "Evaluasi: discard rejected change",
            "Back to the server's version",
        ),
        *_tabs(
            "evaluation",
            ("items", "tab-items", "RHK"),
            ("behaviour", "tab-behaviour", "Perilaku"),
            ("feedback", "tab-feedback", "Umpan balik"),
            ("curve", "tab-curve", "Curve"),
        ),
    ),
    *_scope(
        "monitoring",
        MONITORING,
        # Enter is the table's own key too: ahead of it, so that one key opens
        # whatever is highlighted, a row or (SKP by status) a cell.
        (
            "monitoring.open",
            "enter",
            "open",
            "Open",
            "Pemantauan: open",
            "The people behind the highlighted figure",
            True,
            True,
        ),
        (
            "monitoring.view",
            "v",
            "next_view",
            "Next view",
            "Pemantauan: next view",
            "SKP, predikat, on track, JP, tindak lanjut, keberatan",
        ),
        (
            "monitoring.unit",
            "u",
            "choose_unit",
            "Unit",
            "Pemantauan: choose the unit",
            "Any unit, or the whole instansi",
        ),
        (
            "monitoring.period",
            "o",
            "choose_period",
            "Period",
            "Pemantauan: choose the period",
            "The year whose figures are shown",
        ),
        (
            "monitoring.refresh",
            "r",
            "refresh",
            "Refresh",
            "Pemantauan: fetch again",
            "Read the figures again",
        ),
        (
            "monitoring.export",
            "x",
            "export",
            "Export xlsx",
            "Pemantauan: export xlsx",
            "Write this view to a spreadsheet",
        ),
    ),
    *_scope(
        "monitoring.people",
        MONITORING,
        (
            "monitoring.people_open",
            "enter",
            "open",
            "Open",
            "Pemantauan: open the person",
            "Their records",
            True,
            True,
        ),
        ("monitoring.people_back", "escape", "back", "Back"),
    ),
    *_scope("monitoring.person", MONITORING, ("monitoring.person_back", "escape", "back", "Back")),
    *_scope(
        "monitoring.choose",
        MONITORING,
        ("monitoring.choose_cancel", "escape", "dismiss(None)", "Cancel"),
    ),
    *_scope(
        "evaluation",
        DOCUMENTS,
        (
            "evaluation.evidence",
            "v",
            "evidence",
            "Evidence",
            "Evaluasi: evidence files",
            "The bukti dukung of the highlighted RHK; save a copy of a file",
        ),
        (
            "evaluation.print",
            "d",
            "print_evaluation",
            "Print",
            "Evaluasi: print as PDF",
            "The official evaluation document, written to a folder you choose",
        ),
        (
            "evaluation.print_recap",
            "k",
            "print_recap",
            "Recap",
            "Evaluasi: print the unit's recap",
            "The predikat of everyone in the unit you lead, as PDF",
        ),
    ),
    *_scope(
        "conflicts",
        REVIEW,
        (
            "conflicts.mine",
            "m",
            "take('mine')",
            "Mine",
            "Konflik: take mine",
            "Keep my value of the highlighted field",
        ),
        (
            "conflicts.theirs",
            "t",
            "take('theirs')",
            "Theirs",
            "Konflik: take theirs",
            "Take their value of the highlighted field",
        ),
        (
            "conflicts.edit",
            "e",
            "edit",
            "Edit",
            "Konflik: edit the field",
            "Write the value by hand",
        ),
        (
            "conflicts.resolve",
            "r",
            "resolve",
            "Resolve",
            "Konflik: send the resolution",
            "Push the chosen version to the server",
        ),
        (
            "conflicts.resend",
            "s",
            "resend",
            "Send again",
            "Ditolak: send again",
            "Send the fixed change again",
        ),
        (
            "conflicts.discard",
            "x",
            "discard",
            "Discard",
            "Ditolak: discard the change",
            "Back to the server's version",
        ),
        *_tabs(
            "conflicts",
            ("conflicts", "tab-conflicts", "Conflicts"),
            ("rejected", "tab-rejected", "Rejected"),
        ),
    ),
    *_scope(
        "admin",
        ADMIN,
        (
            "admin.add",
            "ctrl+n",
            "add_employee",
            "New",
            "Kepegawaian: new employee",
            "Add an employee",
        ),
        # A priority key: the filter line would take Enter first.
        (
            "admin.edit",
            "enter",
            "edit_employee",
            "Edit",
            "Kepegawaian: edit",
            "Change the employee",
            True,
            True,
        ),
        (
            "admin.move",
            "ctrl+t",
            "move_employee",
            "Atasan",
            "Kepegawaian: move under another atasan",
            "Choose the employee's new atasan",
        ),
        (
            "admin.deactivate",
            "ctrl+l",
            "toggle_active",
            "(De)activate",
            "Kepegawaian: deactivate or reactivate",
            "An inactive employee keeps their records but holds no role",
        ),
        (
            "admin.preview",
            "ctrl+o",
            "preview_import",
            "Check file",
            "Kepegawaian: check a CSV file",
            "List every problem of the file; nothing is written",
        ),
        (
            "admin.import",
            "ctrl+s",
            "run_import",
            "Import",
            "Kepegawaian: import the checked file",
            "Write every row of a file without problems",
        ),
        (
            "admin.assign",
            "a",
            "assign_acting",
            "Assign Plt/Plh",
            "Kepegawaian: assign Plt/Plh",
            "Someone stands in for a position holder, with dates and SK",
        ),
        (
            "admin.file",
            "ctrl+g",
            "open_file",
            "File",
            "Kepegawaian: a person's whole file",
            "SKP, realisasi, evaluations, objections, follow-ups, training",
        ),
        ("admin.add_unit", "u", "add_unit", "New unit", "Kepegawaian: new unit", "Add a unit"),
        ("admin.unit_head", "h", "unit_head", "Head", "Kepegawaian: unit head", "Choose its head"),
        (
            "admin.unit_ratings",
            "r",
            "unit_ratings",
            "Rating",
            "Kepegawaian: organisation rating",
            "The unit's rating for each period",
        ),
        ("admin.add_period", "p", "add_period", "New period", "Kepegawaian: new period", ""),
        (
            "admin.edit_period",
            "t",
            "edit_period",
            "Edit period",
            "Kepegawaian: edit period",
            "Its dates and SKP fill deadline",
        ),
    ),
    *_scope("admin.file", ADMIN, ("admin.file_back", "escape", "back", "Back")),
    *_scope(
        "admin.form",
        ADMIN,
        ("admin.form_save", "ctrl+s", "save", "Save"),
        ("admin.form_cancel", "escape", "dismiss(False)", "Cancel"),
    ),
)

# The year's areas list with tui/widgets/filter_list.py, whose filter keeps the
# focus: their keys are ctrl keys that the filter's Input leaves alone (not
# ctrl+a/d/e/k/u/w/x/c/v), so that typing a letter always filters.
YEAR_ACTIONS: tuple[Action, ...] = (
    *_scope(
        "objection",
        YEAR,
        (
            "objection.file",
            "ctrl+n",
            "file",
            "Object",
            "Keberatan: file an objection",
            "Object to this final evaluation, with reasons, within 14 days",
        ),
        (
            "objection.decide",
            "ctrl+g",
            "decide",
            "Decide",
            "Keberatan: decide",
            "Uphold the evaluation or change its ratings; final",
        ),
        (
            "objection.note",
            "ctrl+b",
            "note",
            "My side",
            "Keberatan: note the PPK's side",
            "Add a note of your side, as umpan balik on the period",
        ),
        (
            "objection.discard",
            "ctrl+l",
            "discard",
            "Discard",
            "Keberatan: discard the refused objection",
            "Remove an objection the server refused",
        ),
    ),
    *_scope(
        "objection.decision",
        YEAR,
        ("objection.decision_save", "ctrl+s", "save", "Decide"),
        ("objection.decision_cancel", "escape", "cancel", "Cancel"),
    ),
    *_scope(
        "training",
        YEAR,
        ("training.person", "ctrl+t", "pick", "Employee"),
        (
            "training.new",
            "ctrl+n",
            "new",
            "Record",
            "Pelatihan: record training",
            "Title, path, JP, dates, organiser and certificate",
        ),
        (
            "training.edit",
            "ctrl+g",
            "edit",
            "Edit",
            "Pelatihan: edit",
            "Change the highlighted training",
        ),
        (
            "training.remove",
            "ctrl+l",
            "remove",
            "Remove",
            "Pelatihan: remove",
            "Remove the highlighted training",
        ),
        (
            "training.discard",
            "ctrl+b",
            "discard",
            "Discard",
            "Pelatihan: discard rejected change",
            "Back to the server's version",
        ),
    ),
    *_scope(
        "training.form",
        YEAR,
        ("training.save", "ctrl+s", "save", "Save"),
        ("training.cancel", "escape", "cancel", "Cancel"),
    ),
    *_scope(
        "follow_up",
        YEAR,
        (
            "follow_up.new",
            "ctrl+n",
            "new",
            "New",
            "Tindak lanjut: record from an evaluation",
            "The app proposes the kind the predikat calls for",
        ),
        (
            "follow_up.step",
            "ctrl+g",
            "step",
            "Next step",
            "Tindak lanjut: take the next step",
            "Record today's step of the coaching path",
        ),
        (
            "follow_up.close",
            "ctrl+t",
            "close",
            "Done",
            "Tindak lanjut: mark as done",
            "The follow-up has ended",
        ),
        (
            "follow_up.discard",
            "ctrl+l",
            "discard",
            "Discard",
            "Tindak lanjut: discard rejected change",
            "Back to the server's version",
        ),
    ),
    *_scope(
        "follow_up.form",
        YEAR,
        ("follow_up.save", "ctrl+s", "save", "Save"),
        ("follow_up.cancel", "escape", "cancel", "Cancel"),
    ),
)
ACTIONS = (*ACTIONS, *YEAR_ACTIONS)

BY_SCOPE: Mapping[str, tuple[Action, ...]] = {
    scope: tuple(a for a in ACTIONS if a.scope == scope) for scope in {a.scope for a in ACTIONS}
}
DOMAIN_OF: Mapping[str, str] = {a.id: a.domain for a in ACTIONS}
for _action in ACTIONS:
    if not BINDING_ID.match(_action.id):
        raise ValueError(f"binding id {_action.id!r} is not '<area>.<action>'")


def bindings(scope: str) -> list[BindingType]:
    """The Textual bindings of one screen or dialog, from the registry."""
    from textual.binding import Binding

    found: list[BindingType] = [
        Binding(a.key, a.action, a.label, show=a.show, priority=a.priority, id=a.id)
        for a in BY_SCOPE[scope]
    ]
    return found


def localise(node: DOMNode, lang: str | None = None) -> None:
    """Give ``node`` its own bindings with labels in ``lang`` (ids and keys unchanged,
    so the user's keymap still applies)."""
    from textual.binding import BindingsMap

    translated = BindingsMap()
    for found in node._bindings.key_to_bindings.values():
        for bound in found:
            domain = DOMAIN_OF.get(bound.id or "", SHELL)
            words = translator(domain, lang)(bound.description) if bound.description else ""
            translated._add_binding(dataclasses.replace(bound, description=words))
    node._bindings = translated


def palette_entries(screen: Screen[Any], scopes: Iterable[str]) -> list[tuple[str, str, str]]:
    """(name, action, help) of what ``screen`` allows now, for the command palette."""
    lang = getattr(getattr(screen, "services", None), "lang", None)
    found = []
    for scope in scopes:
        for a in BY_SCOPE[scope]:
            if a.palette is None or screen.check_action(a.action.partition("(")[0], ()) is not True:
                continue
            words = translator(a.domain, lang)
            found.append((words(a.palette), a.action, words(a.help) if a.help else ""))
    return found


# --- the user's keymap -------------------------------------------------------------


def parse_keymap(table: Mapping[str, object]) -> tuple[Keymap, list[str]]:
    """The [keys] table of settings.toml as a keymap, and what was wrong in it.

    A bad entry is left out (its default key stays) and reported.
    """
    keymap: Keymap = {}
    problems: list[str] = []
    for binding_id, value in table.items():
        if not BINDING_ID.match(binding_id):
            problems.append(
                _("[keys] {id}: not a binding id like plan.submit").format(id=binding_id)
            )
            continue
        keys = [k.strip().lower() for k in value.split(",")] if isinstance(value, str) else []
        if not keys or not all(KEY.match(k) for k in keys):
            problems.append(
                _("[keys] {id}: {value!r} is not a key like ctrl+s or f5").format(
                    id=binding_id, value=value
                )
            )
            continue
        keymap[binding_id] = ",".join(keys)
    return keymap, problems


# --- F1 ---------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class KeyHelp:
    key: str
    description: str
    binding_id: str | None


def key_help(screen: Screen[Any], bound: Iterable[Binding] | None = None) -> list[KeyHelp]:
    """The keys that work on ``screen`` now, as the user has mapped them.

    Screen and focused-widget keys first, the app's own after, each once.
    """
    app = screen.app
    if bound is None:
        bound = [active.binding for active in screen.active_bindings.values()]
    rows: list[KeyHelp] = []
    seen: set[tuple[str, str]] = set()
    for binding in bound:
        # Only Kinerja's own keys: Textual's widget keys (scrolling, focus)
        # carry no id and work the same everywhere.
        if not binding.description or binding.id is None:
            continue
        shown = (app.get_key_display(binding), binding.description)
        if shown in seen:
            continue
        seen.add(shown)
        rows.append(KeyHelp(shown[0], shown[1], binding.id))
    return rows


def keys_not_now(screen: Screen[Any]) -> list[KeyHelp]:
    """The screen's own keys that don't work at this moment (another tab, another
    state of the record), marked so: F1 lists every key of a screen, the footer
    only what works now (it must fit 80 columns)."""
    from textual.binding import Binding

    active_ids = {active.binding.id for active in screen.active_bindings.values()}
    rows: list[KeyHelp] = []
    seen: set[str] = set()
    for found in screen._bindings.key_to_bindings.values():
        for binding in found:
            if not binding.description or binding.id is None or binding.id in active_ids:
                continue
            if binding.id in seen:
                continue
            seen.add(binding.id)
            shown = screen.app.get_key_display(Binding(binding.key, binding.action))
            words = _("{what} (not now)").format(what=binding.description)
            rows.append(KeyHelp(shown, words, binding.id))
    return rows


def key_for(screen: Screen[Any], binding_id: str) -> str | None:
    """How the key of ``binding_id`` is shown now on ``screen`` (after remapping)."""
    for active in screen.active_bindings.values():
        if active.binding.id == binding_id:
            return screen.app.get_key_display(active.binding)
    return None


def runner(screen: Screen[Any], action: str) -> Callable[[], Any]:
    async def run() -> None:
        await screen.run_action(action)

    return run
