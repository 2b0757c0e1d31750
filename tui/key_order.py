"""Keys are applied in order, each to the field focused when it arrives.

A paste or a laggy SSH link delivers keys in one burst. Textual forwards a
key to the focused widget and goes on to the next at once, while the
widget's answer (and the app's bindings, checked when the key bubbles back)
come later: ``14 Tab 2`` typed into a form gave "142", the Tab's move of
focus landing after the "2". Here the app waits, key by key, until the
widget and its parents up to the screen have handled the key; a key that
bubbles back to the app (its bindings, as Tab's) is handled right then,
not queued behind the keys that arrived meanwhile.
"""

from __future__ import annotations

import asyncio
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from textual import events
from textual.message import Message
from textual.message_pump import MessagePump

if TYPE_CHECKING:
    from textual.app import App

    _Base = App[Any]
else:
    _Base = object

# Longest wait for one widget (one that was removed never answers).
BARRIER_SECONDS = 0.5


async def handled_by(node: MessagePump) -> None:
    """Until ``node`` has handled every message posted to it so far."""
    done = asyncio.Event()
    if not node.call_later(done.set):
        return
    with suppress(TimeoutError):
        await asyncio.wait_for(done.wait(), BARRIER_SECONDS)


class KeysInOrder(_Base):
    """Mixed into the App: one key is handled to its end before the next."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._key_in_flight: events.Key | None = None
        self._key_came_back = False

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, events.Key) or event.is_forwarded:
            await super().on_event(event)
            return
        target = self.focused or self.screen
        self._key_in_flight, self._key_came_back = event, False
        try:
            await super().on_event(event)  # a priority binding, or forwarded to the target
            if event.is_forwarded:
                for node in target.ancestors_with_self:
                    if node is not self:
                        await handled_by(node)
        finally:
            self._key_in_flight = None
        if self._key_came_back:
            # What the app does with a key that bubbled back to it, done now
            # rather than behind the keys that arrived meanwhile.
            await self._on_message(event)

    def post_message(self, message: Message) -> bool:
        if message is self._key_in_flight:
            self._key_came_back = True  # handled in on_event, in its turn
            return True
        return super().post_message(message)
