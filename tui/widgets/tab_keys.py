"""A key for every tab: alt+1, alt+2… open a screen's tabs in order.

Reaching the tab strip took up to 8 shift+Tab presses (issue 11). Each
tab's key is in the action registry (``<area>.tab_<name>``, so F1 lists it
and settings.toml can move it) and in the tab's own title, as the footers
have no room left at 80 columns.
"""

from __future__ import annotations

from textual.widgets import TabbedContent

from tui.actions import TAB_KEYS


def tab_title(label: str, number: int) -> str:
    """The tab's words with its key: "Utama alt+1"."""
    return f"{label} {TAB_KEYS[number - 1]}"


class TabKeys:
    """For a screen with one TabbedContent: the action its tab keys run."""

    def action_show_tab(self, tab_id: str) -> None:
        tabs = self.query_one(TabbedContent)  # type: ignore[attr-defined]
        tabs.active = tab_id
        pane = tabs.get_pane(tab_id)
        focusable = [w for w in pane.query("*") if w.focusable]
        if focusable:  # the tab's first field or table, ready for its keys
            focusable[0].focus()
