"""Drafts of open forms, kept in the profile folder so a crash loses nothing.

While a form is open with changes, what its fields hold is written here
(``drafts/<key>.json``, replaced whole: a crash or a dropped SSH session
leaves the previous draft or the new one, never half of one). Saving or
discarding the form removes its draft; one still here at the next start is
offered back (tui/widgets/unsaved.py). A damaged draft file is skipped: a
draft is a convenience, never a reason not to start.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from store.files import replace_durably

FOLDER = "drafts"


@dataclass(frozen=True)
class Draft:
    key: str  # which form, on which record: "progress-<item>-<period>"
    title: str  # the form's title, to name the draft to its owner
    fields: list[object]  # each field's value, in the form's order
    written_at: str  # ISO time


def _path(home: Path, key: str) -> Path:
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in key)
    return home / FOLDER / f"{safe}.json"


def keep(home: Path, draft: Draft) -> None:
    """Write ``draft`` over the form's previous one."""
    path = _path(home, draft.key)
    path.parent.mkdir(parents=True, exist_ok=True)
    replace_durably(path, json.dumps(asdict(draft), ensure_ascii=False).encode("utf-8"))


def _read(path: Path) -> Draft | None:
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
        return Draft(
            str(found["key"]), str(found["title"]), list(found["fields"]), str(found["written_at"])
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def find(home: Path, key: str) -> Draft | None:
    path = _path(home, key)
    return _read(path) if path.exists() else None


def drop(home: Path, key: str) -> None:
    _path(home, key).unlink(missing_ok=True)


def waiting(home: Path) -> list[Draft]:
    """Every draft left by a form that was neither saved nor discarded."""
    found = (_read(path) for path in sorted((home / FOLDER).glob("*.json")))
    return [draft for draft in found if draft is not None]
