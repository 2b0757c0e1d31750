"""The demo's words (gettext domain ``demo``), in the language of the moment."""

from __future__ import annotations

from domain.i18n import translator

DOMAIN = "demo"


def _(msgid: str) -> str:
    return translator(DOMAIN)(msgid)


def N_(msgid: str) -> str:
    """Marks a msgid kept as data, translated where it is shown."""
    return msgid
