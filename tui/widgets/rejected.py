"""A change the server refused, shown where its record is.

protocol.md: a rejected push is kept on the client with the server's code
and message ("Nothing is stored; the client keeps the change and shows the
reason"). The record carries ``rejected`` = {mutation_id, code, message}.
``RejectedNotice`` says what happened in the person's language
(client.conflicts.reason_text) and what they can do: fix it (any new edit
resends it) or discard it (back to the server's version).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.widgets import Static

from client.conflicts import reason_text


class RejectedNotice(Static):
    """One line under a record: the refusal and the keys that settle it."""

    DEFAULT_CSS = """
    RejectedNotice {
        color: $error;
        height: auto;
        display: none;
    }
    RejectedNotice.-shown { display: block; }
    """

    def show_for(self, record: Mapping[str, Any] | None, lang: str, hint: str = "") -> None:
        rejected = record.get("rejected") if record else None
        if not rejected:
            self.remove_class("-shown")
            self.update("")
            return
        self.update(f"{reason_text(rejected, lang)} {hint}".strip())
        self.add_class("-shown")
