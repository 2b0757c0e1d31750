"""The texts people read from client/documents, client/servicelog and domain/workdays.

Found in the source by their calls: ``_("...")`` and the message ids given
to ``DocumentError``, ``Malformed`` and the calendar's ``_error``. Used by the
test that every one of them has its Indonesian translation.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOMAINS = {
    "documents": sorted((ROOT / "client" / "documents").rglob("*.py")),
    "servicelog": sorted((ROOT / "client" / "servicelog").rglob("*.py")),
    "workdays": [ROOT / "domain" / "workdays.py"],
}
CARRIERS = {"_": 0, "DocumentError": 0, "_error": 0, "Malformed": 1}


def _strings(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    return []


def msgids(domain: str) -> list[str]:
    found: list[str] = []
    for source in DOMAINS[domain]:
        tree = ast.parse(source.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                where = CARRIERS.get(node.func.id)
                if where is not None and len(node.args) > where:
                    found += _strings(node.args[where])
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "reason" for t in node.targets
            ):
                found += _strings(node.value)
    if domain == "documents":
        from client.documents import print_command

        found.append(print_command.HELP)
    return sorted(set(found))
