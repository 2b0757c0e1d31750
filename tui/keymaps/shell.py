"""The keys of the shell: the app's own, Beranda, the first run and the shared dialogs."""

from __future__ import annotations

from tui.action_rows import LISTS, REVIEW, SHELL, TERMINAL, Action, scope_rows
from tui.areas import AREAS

ACTIONS: tuple[Action, ...] = (
    *scope_rows(
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
    *scope_rows(
        "app",
        SHELL,
        *(
            (f"nav.{area.id}", area.key, f"open_area('{area.id}')", area.label, None, "", False)
            for area in AREAS
        ),
    ),
    # Beranda shows the app's sync and switch keys in its footer: the same ids,
    # so that one remap moves both.
    *scope_rows(
        "home",
        SHELL,
        ("app.sync", "f9", "app.sync_now", "Sync now"),
        ("app.switch_person", "f8", "app.switch_person", "Switch person"),
    ),
    *scope_rows("help", SHELL, ("help.close", "escape", "dismiss", "Close")),
    *scope_rows(
        "first_run",
        SHELL,
        ("first_run.connect", "s", "connect", "Connect to a server"),
        ("first_run.demo", "d", "demo", "Open the demo"),
    ),
    *scope_rows(
        "connect",
        SHELL,
        ("first_run.sign_in", "ctrl+s", "sign_in", "Sign in"),
        ("first_run.back", "escape", "back", "Back"),
    ),
    *scope_rows(
        "confirm",
        SHELL,
        ("confirm.yes", "y,ctrl+y", "answer(True)", "Yes"),
        ("confirm.no", "n,escape", "answer(False)", "No"),
    ),
    *scope_rows(
        "filter_list",
        LISTS,
        ("filter_list.sort", "ctrl+o", "sort", "Sort"),
        ("filter_list.down", "down", "move(1)", "Next", None, "", False),
        ("filter_list.up", "up", "move(-1)", "Previous", None, "", False),
        ("filter_list.page_down", "pagedown", "move(10)", "Page down", None, "", False),
        ("filter_list.page_up", "pageup", "move(-10)", "Page up", None, "", False),
    ),
    *scope_rows(
        "unsaved",
        TERMINAL,
        ("unsaved.save", "s,ctrl+s", "answer('save')", "Save"),
        ("unsaved.discard", "d", "answer('discard')", "Discard"),
        ("unsaved.stay", "escape", "answer('stay')", "Stay"),
    ),
    *scope_rows(
        "person_picker",
        SHELL,
        ("person_picker.choose", "enter", "choose", "Choose", None, "", True, True),
        ("person_picker.cancel", "escape", "dismiss(None)", "Cancel"),
    ),
    *scope_rows(
        "note",
        SHELL,
        ("note.save", "ctrl+s", "save", "Save"),
        ("note.cancel", "escape", "leave", "Cancel"),
    ),
    *scope_rows(
        "field_edit",
        REVIEW,
        ("conflicts.edit_save", "enter", "save", "Save", None, "", True, True),
        ("conflicts.edit_cancel", "escape", "leave", "Cancel"),
    ),
)
