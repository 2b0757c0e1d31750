"""Every text of the browser service and of `kinerja-server web` has its Indonesian translation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from domain.i18n import translator

ROOT = Path(__file__).resolve().parents[2]
MSGID = re.compile(r'_\(\s*((?:"[^"]*"\s*)+)\)')


def msgids(*sources: Path) -> list[str]:
    found = []
    for source in sources:
        for match in MSGID.finditer(source.read_text()):
            found.append("".join(re.findall(r'"([^"]*)"', match.group(1))))
    return found


@pytest.mark.parametrize(
    ("domain", "sources"),
    [
        ("web", sorted((ROOT / "web").glob("*.py"))),
        ("server_ops", [ROOT / "server" / "web_command.py"]),
    ],
)
def test_every_text_is_translated(domain: str, sources: list[Path]) -> None:
    found = msgids(*sources)
    assert len(found) >= 7
    missing = [m for m in found if translator(domain, "id")(m) == m and m != "NIP"]
    assert missing == []
