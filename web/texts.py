"""The browser service's words (gettext domain ``web``), Indonesian by default."""

from __future__ import annotations

from domain.i18n import language, translator

DOMAIN = "web"


def _(msgid: str) -> str:
    return translator(DOMAIN)(msgid)


def lang() -> str:
    return language()
