"""Give every gettext domain the msgids its modules use, translations taken from the others.

When code moves between packages (and so between gettext domains), its
msgids must follow. This script extracts the msgids each domain's modules
use (``_``, ``N_`` and the labels of tui/actions.py's registry) and adds
those missing from ``domain/locale/id/LC_MESSAGES/<domain>.po``, with the
Indonesian text another catalogue already gives them, or the one in
``NEW`` below. It reports a msgid found nowhere. Then run
``python scripts/compile_catalogues.py``.

    python scripts/sync_catalogues.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "domain" / "locale" / "id" / "LC_MESSAGES"

# domain -> the modules whose words are in it
DOMAINS: dict[str, list[str]] = {
    "client": ["client/*.py"],
    "demo": ["demo/*.py"],
    "tui": [
        "tui/*.py",
        "tui/widgets/dialogs.py",
        "tui/widgets/saving.py",
        "tui/widgets/person_picker.py",
        "tui/screens/home/*.py",
        "tui/screens/first_run/*.py",
    ],
}
# Words no catalogue had yet.
NEW = {
    "Saving…": "Menyimpan…",
    "Not saved: {reason}": "Tidak disimpan: {reason}",
    "Id in settings.toml": "Id di settings.toml",
}
KEYWORDS = {"_": None, "N_": None}


def used(patterns: list[str]) -> list[str]:
    found: dict[str, None] = {}
    for pattern in patterns:
        for path in sorted(ROOT.glob(pattern)):
            for _line, msgid, _comments, _context in extract_from_file(
                "python", str(path), keywords=KEYWORDS
            ):
                if isinstance(msgid, str) and msgid:
                    found.setdefault(msgid, None)
    return list(found)


def registry_words() -> dict[str, list[str]]:
    """The labels, palette names and help lines of the action registry, by domain."""
    sys.path.insert(0, str(ROOT))
    from tui.actions import ACTIONS

    found: dict[str, list[str]] = {}
    for action in ACTIONS:
        words = found.setdefault(action.domain, [])
        words.extend(w for w in (action.label, action.palette, action.help) if w)
    return found


def main() -> int:
    known: dict[str, str] = dict(NEW)
    for po in sorted(LOCALE.glob("*.po")):
        with po.open("rb") as source:
            for message in read_po(source):
                if message.id and isinstance(message.id, str) and message.string:
                    known.setdefault(message.id, str(message.string))
    missing_anywhere = []
    registry = registry_words()
    for domain in sorted({*DOMAINS, *registry}):
        patterns = DOMAINS.get(domain, [])
        path = LOCALE / f"{domain}.po"
        if path.exists():
            with path.open("rb") as source:
                catalog = read_po(source)
        else:
            catalog = Catalog(locale="id", project="kinerja", version="0.1.0")
        added = 0
        for msgid in [*used(patterns), *registry.get(domain, [])]:
            if msgid in catalog:
                continue
            if msgid not in known:
                missing_anywhere.append(f"{domain}: {msgid!r}")
                continue
            catalog.add(msgid, known[msgid])
            added += 1
        with path.open("wb") as out:
            write_po(out, catalog, width=100)
        print(f"{domain}: {added} added")
    for line in missing_anywhere:
        print("untranslated", line)
    return 1 if missing_anywhere else 0


if __name__ == "__main__":
    sys.exit(main())
