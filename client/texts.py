"""The client's words (gettext domain ``client``): sync status, sign-in, form rules.

``_`` follows the language of the moment it is called (domain.i18n);
``translator_for(lang)`` gives the words of one person's language.
"""

from __future__ import annotations

from collections.abc import Callable

from domain.i18n import translator

DOMAIN = "client"


def _(msgid: str) -> str:
    return translator(DOMAIN)(msgid)


def translator_for(lang: str | None) -> Callable[[str], str]:
    return translator(DOMAIN, lang)
