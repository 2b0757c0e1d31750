"""The shell's words, in the person's language (gettext domain ``tui``).

``_`` looks the language up on every call (domain/i18n.py caches the
catalogues), so a text follows KINERJA_LANG/LANG as they are when it is
shown; binding descriptions, made when their class is defined, follow the
language at start-up.
"""

from __future__ import annotations

from collections.abc import Callable

from domain.i18n import translator

DOMAIN = "tui"
# The words of the Rencana and Realisasi screens, and of the review screens
# (Umpan balik, Evaluasi, Konflik), each in a catalogue of its own.
PLAN_DOMAIN, REVIEW_DOMAIN = "tui_plan", "tui_review"
ADMIN_DOMAIN = "tui_admin"  # Kepegawaian, the HR office's area
# The words of the rest of the year: Keberatan, Tindak lanjut, Pelatihan.
YEAR_DOMAIN = "tui_year"


def _(msgid: str) -> str:
    return translator(DOMAIN)(msgid)


def N_(msgid: str) -> str:
    """Marks a msgid for the catalogue; it is translated where it is shown."""
    return msgid


def plan_texts(lang: str | None) -> Callable[[str], str]:
    """The ``_`` of the Rencana and Realisasi screens, in ``lang``."""
    return translator(PLAN_DOMAIN, lang)


def review_(msgid: str) -> str:
    """A word of the review screens, in the language of the moment."""
    return translator(REVIEW_DOMAIN)(msgid)


def admin_(msgid: str) -> str:
    """A word of the Kepegawaian area, in the language of the moment."""
    return translator(ADMIN_DOMAIN)(msgid)


def year_(msgid: str) -> str:
    """A word of the Keberatan, Tindak lanjut and Pelatihan screens, in the language of the moment."""
    return translator(YEAR_DOMAIN)(msgid)


TERMINAL_DOMAIN = "tui_terminal"


def terminal_(msgid: str) -> str:
    """A word of the shell's terminal-wide mechanisms (Textual's own words,
    the unsaved-changes dialog, drafts), in the language of the moment."""
    return translator(TERMINAL_DOMAIN)(msgid)
