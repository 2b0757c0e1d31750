"""The keys of Pemantauan (tui/screens/monitoring)."""

from __future__ import annotations

from tui.action_rows import MONITORING, Action, scope_rows

ACTIONS: tuple[Action, ...] = (
    *scope_rows(
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
    *scope_rows(
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
    *scope_rows(
        "monitoring.person", MONITORING, ("monitoring.person_back", "escape", "back", "Back")
    ),
    *scope_rows(
        "monitoring.choose",
        MONITORING,
        ("monitoring.choose_cancel", "escape", "dismiss(None)", "Cancel"),
    ),
)
