"""The keys of SKP and Realisasi, with their files, print and export."""

from __future__ import annotations

from tui.action_rows import DOCUMENTS, PLAN, Action, scope_rows, tab_rows

ACTIONS: tuple[Action, ...] = (
    *scope_rows(
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
        *tab_rows(
            "plan",
            ("main", "tab-main", "Utama"),
            ("additional", "tab-additional", "Tambahan"),
            ("attachments", "tab-attachments", "Lampiran"),
            ("behaviour", "tab-behaviour", "Perilaku"),
        ),
        palette=True,
    ),
    *scope_rows(
        "plan.create",
        PLAN,
        ("plan.create_ok", "ctrl+s", "create", "Create"),
        ("plan.create_cancel", "escape", "dismiss(None)", "Cancel"),
    ),
    *scope_rows("plan.picker", PLAN, ("plan.pick_cancel", "escape", "dismiss(None)", "Cancel")),
    *scope_rows(
        "plan.team",
        PLAN,
        # A priority key: the filter line would take Enter first.
        ("plan.team_open", "enter", "open_plan", "Open SKP", "Open SKP", "", True, True),
        ("plan.team_back", "escape", "back", "Back"),
        palette=True,
    ),
    *scope_rows(
        "plan.item",
        PLAN,
        ("plan.item_save", "ctrl+s", "save", "Save RHK"),
        ("plan.item_add_indicator", "ctrl+n", "add_indicator", "Add IKI"),
        ("plan.item_remove_indicator", "ctrl+l", "remove_indicator", "Remove IKI"),
        ("plan.item_cancel", "escape", "leave", "Close"),
    ),
    *scope_rows(
        "progress",
        PLAN,
        ("progress.edit", "ctrl+e", "edit", "Record realisasi"),
        ("progress.period", "ctrl+g", "choose_period", "Period"),
        ("progress.plan", "ctrl+o", "choose_plan", "Other SKP"),
        ("progress.back", "escape", "back", "Back"),
        palette=True,
    ),
    *scope_rows(
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
    *scope_rows(
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
    *scope_rows(
        "service_log",
        DOCUMENTS,
        ("service_log.accept", "ctrl+s", "accept", "Accept"),
        ("service_log.file", "ctrl+o", "choose_file", "Other file"),
        ("service_log.close", "escape", "dismiss(False)", "Close"),
    ),
    *scope_rows(
        "progress.editor",
        PLAN,
        ("progress.save", "ctrl+s", "save", "Save realisasi"),
        ("progress.add_evidence", "ctrl+n", "add_evidence", "Add evidence"),
        ("progress.remove_evidence", "ctrl+l", "remove_evidence", "Remove evidence"),
        ("progress.cancel", "escape", "leave", "Close"),
    ),
    *scope_rows(
        "progress.editor",
        DOCUMENTS,
        ("progress.attach_file", "ctrl+o", "attach_file", "Attach file"),
    ),
    # One export key for every list (tui/widgets/export_list.py).
    *scope_rows(
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
    *scope_rows(
        "file_picker",
        DOCUMENTS,
        ("file_picker.choose", "enter", "choose", "Choose", None, "", True, True),
        ("file_picker.complete", "tab", "complete", "Complete", None, "", True, True),
        ("file_picker.down", "down", "move(1)", "Next", None, "", False, True),
        ("file_picker.up", "up", "move(-1)", "Previous", None, "", False, True),
        ("file_picker.cancel", "escape", "dismiss(None)", "Cancel"),
    ),
    *scope_rows(
        "evidence",
        DOCUMENTS,
        ("evidence.open", "enter", "open", "Save a copy", None, "", True, True),
        ("evidence.down", "down", "move(1)", "Next", None, "", False, True),
        ("evidence.up", "up", "move(-1)", "Previous", None, "", False, True),
        ("evidence.close", "escape", "dismiss(None)", "Close"),
    ),
)
