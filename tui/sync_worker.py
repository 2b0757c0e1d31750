"""Background sync: a round at start, every few minutes, and on request.

Editing never waits on the network: a round runs in a thread worker while
the person keeps typing into the local store. The sync engine, httpx and the
server code are imported inside the worker when the first round starts, so
none of them is loaded before the first screen is on show (the round itself
is client.sync_status.run_round).

While the server answers, rounds come every ``sync_minutes``; while it
does not, retries back off from 30 seconds up to that same interval. After
each round the app posts ``SyncDone`` to every open screen so that it can
re-read the store (``changed`` false after an idle round: nothing to
re-read), and updates the status line (``app.sub_title``), counted in the
worker's thread so that the event loop only shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from textual import work
from textual.message import Message
from textual.worker import Worker, WorkerState

from client.sync_status import (
    RoundOutcome,
    SyncState,
    describe,
    next_delay,
    read_state,
    round_summary,
)
from tui.texts import _

if TYPE_CHECKING:
    from textual.timer import Timer

    from client.services import Services


class SyncDone(Message):
    """A sync round ended; ``changed``: the store may hold new records (re-read it)."""

    def __init__(self, outcome: RoundOutcome, changed: bool = True) -> None:
        super().__init__()
        self.outcome = outcome
        self.changed = changed


SyncRunner = Callable[["Services", Callable[[str], None]], RoundOutcome]


class SyncWorkerMixin:
    """The app's side of background sync (mixed into KinerjaApp)."""

    _sync_services: Services | None = None
    _sync_interval: float = 300.0
    _sync_timer: Timer | None = None
    _sync_failures: int = 0
    _sync_again: bool = False
    # How a round is run (run_round); the app's tests give one that needs no server.
    sync_runner: SyncRunner
    sync_state: SyncState | None = None

    def start_sync(self: Any, services: Services, minutes: float) -> None:
        self._sync_services = services
        self._sync_interval = minutes * 60
        self._sync_failures = 0
        self.request_sync()

    def stop_sync(self: Any) -> None:
        self._sync_services = None
        if self._sync_timer is not None:
            self._sync_timer.stop()
            self._sync_timer = None
        self.workers.cancel_group(self, "sync")

    def request_sync(self: Any) -> None:
        """Start a round now, or right after the one that is running."""
        services = self._sync_services
        if services is None:
            return
        if any(w.group == "sync" and not w.is_finished for w in self.workers):
            self._sync_again = True
            return
        if self._sync_timer is not None:
            self._sync_timer.stop()
        self._sync_again = False
        self.sub_title = _("Syncing…")
        self._sync_round(services)

    @work(thread=True, exclusive=True, exit_on_error=False, group="sync")
    def _sync_round(self: Any, services: Services) -> tuple[Services, RoundOutcome, SyncState]:
        def progress(text: str) -> None:
            self.call_from_thread(setattr, self, "sub_title", text)

        outcome = self.sync_runner(services, progress)
        # Read here, in the worker's thread: the event loop only shows it.
        state = read_state(services, online=outcome.online, error=outcome.error)
        return services, outcome, state

    def on_worker_state_changed(self: Any, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != "sync" or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
        ):
            return
        state: SyncState | None = None
        if event.state == WorkerState.ERROR:
            services = self._sync_services
            outcome = RoundOutcome(online=False, report=None, error=str(worker.error))
        else:
            result = cast(tuple["Services", RoundOutcome, SyncState], worker.result)
            services, outcome, state = result
        if services is None or services is not self._sync_services:
            return  # a round of a profile that was left meanwhile
        if state is None:
            state = read_state(services, online=outcome.online, error=outcome.error)
        self._after_round(services, outcome, state)

    def _after_round(
        self: Any, services: Services, outcome: RoundOutcome, state: SyncState
    ) -> None:
        self._sync_failures = 0 if outcome.online else self._sync_failures + 1
        self.sync_state = state
        self.sub_title = describe(self.sync_state, services.now())
        report = outcome.report
        summary = round_summary(report) if report is not None else None
        if report is not None and summary:
            needs_person = report.conflicts or report.rejected
            self.notify(
                summary, title=_("Sync"), severity="warning" if needs_person else "information"
            )
        changed = _store_changed(report)
        for screen in _open_screens(self):
            screen.post_message(SyncDone(outcome, changed))
        if self._sync_again:
            self.request_sync()
            return
        delay = next_delay(outcome.online, self._sync_failures, self._sync_interval)
        self._sync_timer = self.set_timer(delay, self.request_sync)


def _store_changed(report: Any | None) -> bool:
    """Whether a round may have changed the records: an idle one leaves screens as they are."""
    if report is None:
        return False
    moved = report.sent or report.received or report.let_go or report.requeued
    return bool(moved or report.epoch_changed)


def _open_screens(app: Any) -> list[Any]:
    seen: list[Any] = []
    for stack in app._screen_stacks.values():
        seen.extend(s for s in stack if s not in seen)
    return seen
