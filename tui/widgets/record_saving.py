"""How a screen of records saves: write, or drop a refused change, then redraw.

A screen that holds one client.records.Snapshot of ``COLLECTIONS`` as
``records`` and draws it in ``refresh_table`` (ListDetailScreen, Umpan
balik) saves the same way: through the one write path, off the UI thread,
with ``COLLECTIONS`` read again in the same worker so that the redraw after
it does not touch the store.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from client.conflicts import discard
from client.writes import Saved, Write, save_all
from tui.widgets.saving import Saving

if TYPE_CHECKING:
    from client.records import Snapshot


class RecordSaving(Saving):
    """Mixed into a screen with ``services``, ``records`` and ``refresh_table``."""

    COLLECTIONS: ClassVar[tuple[str, ...]]
    services: Any
    records: Snapshot

    def refresh_table(self, *, reread: bool = True) -> None:
        raise NotImplementedError

    def write(self, writes: Sequence[Write], then: Callable[[], None] | None = None) -> None:
        """Save the writes through the one write path, all or none (an objection's
        decision and the evaluation it changes are stored together)."""
        services, collections = self.services, self.COLLECTIONS
        self.save(
            lambda: save_all(services, writes, reread=collections),
            lambda result: self._redraw_saved(result, then),
        )

    def discard_refused(
        self, collection: str, record_id: str, then: Callable[[], None] | None = None
    ) -> None:
        """Drop a change the server refused: the record goes back to the server's version."""
        services = self.services
        self.save(
            lambda: discard(services, collection, record_id),
            lambda result: self._redraw_saved(result, then),
        )

    def _redraw_saved(self, result: Saved, then: Callable[[], None] | None) -> None:
        """Show the records as the save left them (read again by it, or now), then ``then``."""
        if result.snapshot is not None:
            self.records = result.snapshot
        self.refresh_table(reread=result.snapshot is None)
        if then is not None:
            then()
