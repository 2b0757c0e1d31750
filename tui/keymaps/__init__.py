"""The rows of the action registry (tui/actions.py), one module per area.

Each module is data only; tui/actions.py joins them in order (F1, the footer
and the README's key tables follow that order)."""
