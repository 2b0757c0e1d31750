"""The keys of Kepegawaian (tui/screens/admin)."""

from __future__ import annotations

from tui.action_rows import ADMIN, Action, scope_rows

ACTIONS: tuple[Action, ...] = (
    *scope_rows(
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
    *scope_rows("admin.file", ADMIN, ("admin.file_back", "escape", "back", "Back")),
    *scope_rows(
        "admin.form",
        ADMIN,
        ("admin.form_save", "ctrl+s", "save", "Save"),
        ("admin.form_cancel", "escape", "dismiss(False)", "Cancel"),
    ),
)
