"""The command palette's entries for what the current screen can do now.

Built from the action registry (tui/actions.py) and the screen's own
``check_action``, so the palette, the footer and F1 always agree, and an
action the person may not take is offered in none of them. A screen names
its registry scopes in ``ACTION_SCOPES``.
"""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.actions import palette_entries, runner


class ScreenCommands(Provider):
    def _entries(self) -> list[tuple[str, str, str]]:
        screen = self.screen
        return palette_entries(screen, getattr(screen, "ACTION_SCOPES", ()))

    async def discover(self) -> Hits:
        for name, action, help_text in self._entries():
            yield DiscoveryHit(name, runner(self.screen, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, help_text in self._entries():
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(name), runner(self.screen, action), help=help_text
                )
