"""Every text the store shows people has its Indonesian translation."""

from __future__ import annotations

import ast
from pathlib import Path

from domain.i18n import translator

ERRORS = Path(__file__).resolve().parents[2] / "store" / "errors.py"


def _msgids() -> list[str]:
    found = []
    for node in ast.walk(ast.parse(ERRORS.read_text())):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("_", "_noop")
            and isinstance(node.args[0], ast.Constant)
        ):
            found.append(node.args[0].value)
    return found


def test_every_store_message_is_translated() -> None:
    msgids = _msgids()
    assert len(msgids) > 10
    indonesian = translator("store", "id")
    untranslated = [msgid for msgid in msgids if indonesian(msgid) == msgid]
    assert untranslated == []
