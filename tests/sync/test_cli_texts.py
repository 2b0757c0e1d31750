"""Every text of the sync commands has its Indonesian translation."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from domain.i18n import translator

COMMANDS = ("login", "logout", "sync_now", "status", "export")
SOURCES = [
    Path(__file__).resolve().parents[2] / "sync" / "commands" / f"{name}.py"
    for name in (*COMMANDS, "common")
]
MSGID = re.compile(r'_\(\s*((?:"[^"]*"\s*)+)\)')


def msgids() -> list[str]:
    found = []
    for source in SOURCES:
        for match in MSGID.finditer(source.read_text()):
            found.append("".join(re.findall(r'"([^"]*)"', match.group(1))))
    for name in COMMANDS:
        found.append(importlib.import_module(f"sync.commands.{name}").HELP)
    # the dispatcher translates every subcommand's HELP through this domain: the demo's, print's
    found.append(importlib.import_module("demo.command").HELP)
    found.append(importlib.import_module("client.documents.print_command").HELP)
    return found


@pytest.mark.parametrize("msgid", msgids())
def test_indonesian_translation_exists(msgid: str) -> None:
    translated = translator("cli", "id")(msgid)
    assert translated != msgid or msgid.startswith("Server: ") or msgid.startswith("NIP: ")
    assert set(re.findall(r"\{\w+\}", translated)) == set(re.findall(r"\{\w+\}", msgid))
