"""How the action registry's rows are written: ``Action`` and the helpers that
build a screen's rows, plus the gettext domains of their labels.

Kept apart from tui/actions.py so that the per-area tables (tui/keymaps/)
can use them without importing the registry they are part of.
"""

from __future__ import annotations

import dataclasses
from typing import Any

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


def tab_rows(area: str, *tabs: tuple[str, str, str]) -> list[tuple[Any, ...]]:
    """Rows for the keys of an area's tabs: (name, tab id, label msgid) each."""
    return [
        (f"{area}.tab_{name}", TAB_KEYS[n], f"show_tab('{tab_id}')", label, None, "", False)
        for n, (name, tab_id, label) in enumerate(tabs)
    ]


def scope_rows(
    scope: str, domain: str, *rows: tuple[Any, ...], palette: bool = False
) -> list[Action]:
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
