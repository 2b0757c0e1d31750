"""The last copy of each report fetched, kept in the profile to show offline.

A report is figures over many people that the server computed at
``made_at`` (protocol.md, "What a client holds"); the client shows the last
one it fetched, with that date, when the server does not answer. Copies are
files beside the store (``reports/<key hash>.json``), not records in its
journal: they are read only when a dashboard asks for one, so holding them
costs the start and every save nothing, and a new copy replaces the old
whole (temp file, fsync, rename) like the store's own files.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import orjson

from store.files import replace_durably

FOLDER = "reports"


class KeptReports:
    """Report answers by key (name, period and unit): the newest kept, whole."""

    def __init__(self, home: Path) -> None:
        self.folder = home / FOLDER

    def _path(self, key: str) -> Path:
        return self.folder / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.json"

    def keep(self, key: str, answer: dict[str, Any]) -> None:
        self.folder.mkdir(mode=0o700, exist_ok=True)
        replace_durably(self._path(key), orjson.dumps({"key": key, "answer": answer}))

    def read(self, key: str) -> dict[str, Any] | None:
        """The answer last kept under ``key``; None when there is none or it is unreadable."""
        try:
            kept = orjson.loads(self._path(key).read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return None
        if not isinstance(kept, dict) or kept.get("key") != key:
            return None
        answer = kept.get("answer")
        return answer if isinstance(answer, dict) else None
