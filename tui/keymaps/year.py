"""The keys of Keberatan, Pelatihan and Tindak lanjut."""

from __future__ import annotations

from tui.action_rows import YEAR, Action, scope_rows

# The year's areas list with tui/widgets/filter_list.py, whose filter keeps the
# focus: their keys are ctrl keys that the filter's Input leaves alone (not
# ctrl+a/d/e/k/u/w/x/c/v), so that typing a letter always filters.
ACTIONS: tuple[Action, ...] = (
    *scope_rows(
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
    *scope_rows(
        "objection.decision",
        YEAR,
        ("objection.decision_save", "ctrl+s", "save", "Decide"),
        ("objection.decision_cancel", "escape", "cancel", "Cancel"),
    ),
    *scope_rows(
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
    *scope_rows(
        "training.form",
        YEAR,
        ("training.save", "ctrl+s", "save", "Save"),
        ("training.cancel", "escape", "cancel", "Cancel"),
    ),
    *scope_rows(
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
    *scope_rows(
        "follow_up.form",
        YEAR,
        ("follow_up.save", "ctrl+s", "save", "Save"),
        ("follow_up.cancel", "escape", "cancel", "Cancel"),
    ),
)
