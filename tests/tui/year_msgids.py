"""The texts of the Keberatan, Tindak lanjut and Pelatihan areas (gettext domain
``tui_year``): every ``_("...")`` of their screens and the labels of their
actions, for the test that each has its Indonesian translation."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCREENS = ("objection", "follow_up", "training")


def _strings(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    return []


def msgids() -> list[str]:
    from tui.actions import ACTIONS, YEAR

    found: list[str] = []
    for area in SCREENS:
        for source in sorted((ROOT / "tui" / "screens" / area).glob("*.py")):
            for node in ast.walk(ast.parse(source.read_text())):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id == "_"
                    and node.args
                ):
                    found += _strings(node.args[0])
    for action in ACTIONS:
        if action.domain == YEAR:
            found += [t for t in (action.label, action.palette, action.help) if t]
    return sorted(set(found))
