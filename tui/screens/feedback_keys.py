"""Texts, keys and the command palette of the review screens (umpan balik,
evaluasi, konflik).

``_`` looks the language up at each call (domain.i18n.language: KINERJA_LANG,
LANG), so a screen speaks the language of the moment it is drawn, not of the
moment its module was imported. Bindings are declared with English msgids;
``localise_bindings`` gives each screen instance its translated copies (ids
and keys unchanged, so the user's keymap still applies).

Each screen lists its palette entries in ``PALETTE`` as (label msgid, action,
help msgid); ``ScreenActions`` offers those that the screen's
``check_action`` allows right now, so the palette never offers what the keys
don't.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Coroutine
from typing import Any

from textual.binding import BindingsMap
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

from domain.i18n import translator

GETTEXT_DOMAIN = "tui_review"


def _(msgid: str) -> str:
    """The translation of ``msgid`` in the current language."""
    return translator(GETTEXT_DOMAIN)(msgid)


def N_(msgid: str) -> str:
    """Marks a msgid for the catalogue; translated where it is shown."""
    return msgid


def localise_bindings(node: DOMNode) -> None:
    """Give ``node`` its own bindings with descriptions in the current language."""
    translated = BindingsMap()
    for bindings in node._bindings.key_to_bindings.values():
        for bound in bindings:
            translated._add_binding(dataclasses.replace(bound, description=_(bound.description)))
    node._bindings = translated


PaletteEntry = tuple[str, str, str]


class ScreenActions(Provider):
    def _entries(self) -> list[PaletteEntry]:
        screen = self.screen
        entries: list[PaletteEntry] = getattr(screen, "PALETTE", [])
        return [
            (_(label), action, _(help_text))
            for label, action, help_text in entries
            if screen.check_action(action.partition("(")[0], ()) is True
        ]

    def _runner(self, action: str) -> Callable[[], Coroutine[Any, Any, None]]:
        async def run() -> None:
            await self.screen.run_action(action)

        return run

    async def discover(self) -> Hits:
        for label, action, help_text in self._entries():
            yield DiscoveryHit(label, self._runner(action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, action, help_text in self._entries():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), self._runner(action), help=help_text)
