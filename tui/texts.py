"""The shell's words, in the person's language (gettext domain ``tui``).

``_`` looks the language up on every call (domain/i18n.py caches the
catalogues), so a text follows KINERJA_LANG/LANG as they are when it is
shown; binding descriptions, made when their class is defined, follow the
language at start-up.
"""

from __future__ import annotations

from domain.i18n import translator

DOMAIN = "tui"


def _(msgid: str) -> str:
    return translator(DOMAIN)(msgid)


def N_(msgid: str) -> str:
    """Marks a msgid for the catalogue; it is translated where it is shown."""
    return msgid
