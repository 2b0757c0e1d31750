"""English words that must not show in the Indonesian interface.

The English vocabulary is every word of our msgids (the interface's source
language) and of Textual's own sentences; a word is left out when Bahasa
Indonesia uses it too (it appears in a translation) or is an official term.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import textual
from babel.messages.pofile import read_po

from domain.i18n import LOCALE_DIR

WORD = re.compile(r"[A-Za-z][a-z]+|[A-Z]{2,}")
# Not words: a folder path, a binding id of settings.toml ("app.quit").
NOT_WORDS = re.compile(r"\S*/\S*|\b[a-z_]+(\.[a-z_]+)+\b")
# Official terms and names that stay as they are in both languages.
ALLOWED = {
    "SKP", "RHK", "IKI", "JP", "PPK", "Plt", "Plh", "NIP", "PNS", "PPPK", "BKD",
    "Kinerja", "realisasi", "umpan", "balik", "predikat", "keberatan", "tindak",
    "lanjut", "pelatihan", "ANSI", "Esc", "Tab", "Enter", "ctrl", "shift", "Ctrl", "Shift",
}  # fmt: skip


def words(text: str) -> set[str]:
    return set(WORD.findall(text))


@cache
def catalogue_words() -> tuple[frozenset[str], frozenset[str]]:
    """(words of the msgids, words of the Indonesian translations)."""
    english: set[str] = set()
    indonesian: set[str] = set()
    for po_path in LOCALE_DIR.glob("id/LC_MESSAGES/*.po"):
        with po_path.open("rb") as source:
            for message in read_po(source):
                if not message.id:
                    continue
                ids = message.id if isinstance(message.id, tuple) else (message.id,)
                strs = message.string if isinstance(message.string, tuple) else (message.string,)
                english.update(*(words(i) for i in ids))
                indonesian.update(*(words(s) for s in strs if s))
    return frozenset(english), frozenset(indonesian)


@cache
def textual_words() -> frozenset[str]:
    """Words of the sentences in Textual's source (labels, notices, bindings)."""
    found: set[str] = set()
    for path in Path(textual.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
                # A short phrase a person reads, not CSS, code or a docstring.
                if 0 < len(text) <= 60 and re.fullmatch(r"[A-Z][a-z]+( [a-z]+)*[.?!]?", text):
                    found |= words(text)
    return frozenset(found)


def english_in(text: str) -> set[str]:
    """The English words in ``text`` that Bahasa Indonesia does not use."""
    english, indonesian = catalogue_words()
    vocabulary = (english | textual_words()) - indonesian - ALLOWED
    found = words(NOT_WORDS.sub(" ", text))
    return {w for w in found - ALLOWED if w in vocabulary or w.lower() in vocabulary}
