"""The command palette Provider of the review screens (umpan balik, evaluasi, konflik).

Each screen lists its palette entries in ``PALETTE`` as (label msgid, action,
help msgid); the provider offers those that the screen's ``check_action``
allows right now, so the palette never offers what the keys don't.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from domain.i18n import translator

_ = translator("tui_review")

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
