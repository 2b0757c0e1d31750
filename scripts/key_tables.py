"""Write the README's key tables from the action registry (tui/actions.py).

F1 lists the keys of a screen from the same registry, so the README and F1
can't disagree: tests/tui/test_readme_keys.py fails when the README's tables
are stale (run this script) or when F1 shows a key the README lacks.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.actions import ACTIONS  # noqa: E402

README = ROOT / "README.md"
START = "<!-- key tables: scripts/key_tables.py writes them; do not edit by hand -->"
END = "<!-- end of key tables -->"


def key_tables() -> str:
    """One table per screen or dialog: key, what it does, id for ``[keys]``."""
    lines: list[str] = []
    scopes = list(dict.fromkeys(action.scope for action in ACTIONS))
    for scope in scopes:
        lines += ["", f"`{scope}`", "", "| key | does | id |", "|---|---|---|"]
        seen: set[str] = set()
        for action in ACTIONS:
            if action.scope != scope or action.id in seen:
                continue
            seen.add(action.id)
            key = re.sub(r"\bf(\d+)\b", r"F\1", action.key).replace(",", ", ")
            lines.append(f"| {key} | {action.label} | `{action.id}` |")
    return "\n".join([START, *lines, "", END])


def with_tables(readme: str) -> str:
    before, _start, rest = readme.partition(START)
    _old, _end, after = rest.partition(END)
    return before + key_tables() + after


def main() -> int:
    README.write_text(with_tables(README.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote the key tables in {README}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
