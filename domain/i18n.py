"""Which language people read, and the gettext catalogues that speak it.

Bahasa Indonesia is the default. English is chosen with ``KINERJA_LANG=en``,
or with ``LANG=en*`` (``LC_ALL`` first, as the C library does) when
``KINERJA_LANG`` is unset. Source strings (msgids) are English, so the English
"catalogue" is the identity and only ``id`` needs translating.

Each package that speaks to people has its own gettext domain (``cli``,
``server``, ``tui``), so that their catalogues never collide. The compiled
``.mo`` files live beside their ``.po`` sources under ``domain/locale``; run
``python scripts/compile_catalogues.py`` after editing a ``.po`` file.
Reading a packaged catalogue is the one file access this package makes.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"


def language(environ: Mapping[str, str] | None = None) -> str:
    """The interface language, ``"id"`` or ``"en"``, from the environment."""
    env = os.environ if environ is None else environ
    chosen = env.get("KINERJA_LANG", "").strip().lower()
    if chosen:
        return "en" if chosen.startswith("en") else DEFAULT_LANGUAGE
    for var in ("LC_ALL", "LANG"):
        value = env.get(var, "").strip().lower()
        if value:
            return "en" if value.startswith("en") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


@cache
def _catalogue(domain: str, lang: str) -> gettext.NullTranslations:
    return gettext.translation(domain, localedir=LOCALE_DIR, languages=[lang], fallback=True)


def translator(domain: str, lang: str | None = None) -> Callable[[str], str]:
    """The ``_`` function of one gettext domain in one language."""
    return _catalogue(domain, lang or language()).gettext
