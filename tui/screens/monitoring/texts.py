"""Pemantauan's words (gettext domain ``tui_monitoring``) and how its times read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.deadlines import OFFICE_TZ
from domain.i18n import translator

DOMAIN = "tui_monitoring"


@dataclass(frozen=True)
class Words:
    """Pemantauan's ``_`` in one language, which also names the language (for
    sentences the domain renders itself, such as the curve's)."""

    lang: str | None

    def __call__(self, msgid: str) -> str:
        return translator(DOMAIN, self.lang)(msgid)


def words(lang: str | None) -> Words:
    return Words(lang)


def when_made(made_at: str) -> str:
    """A report's ``made_at`` (ISO UTC) in the office's time (WIT): DD-MM-YYYY HH:MM."""
    try:
        made = datetime.fromisoformat(made_at.replace("Z", "+00:00"))
    except ValueError:
        return made_at
    if made.tzinfo is not None:
        made = made.astimezone(OFFICE_TZ)
    return made.strftime("%d-%m-%Y %H:%M")
