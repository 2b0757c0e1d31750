"""The sync state of a profile, the line that says it, and one sync round.

Shown as the app's sub-title on every screen and in full on Beranda:
online or offline, changes waiting to be sent, conflicts and rejections
waiting for a person, and when the last round succeeded. ``run_round`` is
what the app's background worker (tui/sync_worker.py) runs in its thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from client.texts import _

if TYPE_CHECKING:
    from client.services import Services

FIRST_RETRY_SECONDS = 30.0


@dataclass(frozen=True)
class SyncState:
    online: bool | None  # None: no round has ended yet in this session
    pending: int
    conflicts: int
    rejected: int
    last_sync_at: datetime | None
    error: str | None


def _instant(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def read_state(services: Services, *, online: bool | None, error: str | None = None) -> SyncState:
    """Counts from the store's index of records waiting for a person: nothing is scanned."""
    from sync.choices import waiting

    store = services.store
    left = waiting(store)
    return SyncState(
        online=online,
        pending=left.pending,
        conflicts=left.conflicts,
        rejected=left.rejected,
        last_sync_at=_instant(store.get("meta", "last_sync_at")),
        error=error,
    )


def error_text(code: str | None) -> str | None:
    """What a sync error code (sync.link.LinkError.code) means for the person."""
    if code is None:
        return None
    texts = {
        "unreachable": _("the server does not answer; your changes wait here"),
        "auth": _("your session has ended: sign in again (kinerja login)"),
        "credentials": _("the NIP or password was not accepted"),
        "epoch": _("the server's data was restored; syncing again"),
        "malformed": _("the server's answer could not be used"),
        "refused": _("the server refused the request"),
        "history": _("the server's data was restored; syncing again"),
        "protocol": _(
            "the server speaks another version of the protocol: update Kinerja or the server"
        ),
        "store": _("this computer could not save the synced records (is the disk full?)"),
        "store_busy": _("another Kinerja window is saving; syncing again shortly"),
        "busy": _("the server is busy; trying again shortly"),
    }
    return texts.get(code, code)


def when_text(when: datetime | None, now: datetime) -> str:
    """A sync time as people read it: the time today, else the date too."""
    if when is None:
        return _("never")
    local = when.astimezone(now.tzinfo) if now.tzinfo else when
    if local.date() == now.date():
        return local.strftime("%H:%M")
    return local.strftime("%d-%m-%Y %H:%M")


def describe(state: SyncState, now: datetime) -> str:
    """One line: 'Daring · 2 tertunda · 1 konflik · sinkron terakhir 09:12'."""
    if state.online is None:
        parts = [_("Not synced yet")]
    elif state.online:
        parts = [_("Online")]
    else:
        parts = [_("Offline")]
    if state.pending:
        parts.append(_("{n} pending").format(n=state.pending))
    if state.conflicts:
        parts.append(_("{n} conflicts").format(n=state.conflicts))
    if state.rejected:
        parts.append(_("{n} rejected").format(n=state.rejected))
    if state.error and state.error != "unreachable":  # "Luring" says that one
        parts.append(error_text(state.error) or state.error)
    parts.append(_("last sync {when}").format(when=when_text(state.last_sync_at, now)))
    return " · ".join(parts)


def round_summary(report: Any) -> str | None:
    """What a round changed (sync.engine.RoundReport), or None if nothing."""
    parts = []
    if report.sent:
        parts.append(_("{n} sent").format(n=report.sent))
    if report.received:
        parts.append(_("{n} received").format(n=report.received))
    if report.conflicts:
        parts.append(_("{n} conflicts").format(n=report.conflicts))
    if report.rejected:
        parts.append(_("{n} rejected").format(n=report.rejected))
    return ", ".join(parts) if parts else None


def next_delay(online: bool, failures: int, interval_seconds: float) -> float:
    """Seconds until the next automatic round."""
    if online:
        return interval_seconds
    return float(min(interval_seconds, FIRST_RETRY_SECONDS * 2 ** max(failures - 1, 0)))


@dataclass(frozen=True)
class RoundOutcome:
    """What one round did, in the terms the status line needs."""

    online: bool
    report: Any | None  # sync.engine.RoundReport, when the server answered
    error: str | None


def run_round(services: Services, progress: Callable[[str], None]) -> RoundOutcome:
    """One sync round on ``services``' profile; runs in a worker thread.

    The sync engine (and with it httpx) is imported here, on the first round.
    """
    from sync.engine import engine_for_profile
    from sync.link import Patience

    # Few quick retries: the worker has its own, longer back-off between rounds.
    patience = Patience(connect=10.0, attempts=3, total=60.0, backoff_initial=0.5, backoff_max=4.0)
    engine = engine_for_profile(services.store, patience=patience)
    if engine is None:
        return RoundOutcome(online=False, report=None, error="auth")
    with engine.link:
        report = engine.run_round(progress=lambda step: progress(progress_text(step)))
    return RoundOutcome(online=report.error != "unreachable", report=report, error=report.error)


def progress_text(step: Any) -> str:
    """The status line while a round runs (step: sync.engine.Progress)."""
    if step.phase == "hello":
        return _("Syncing: contacting the server…")
    if step.phase == "push":
        return _("Syncing: sending {sent} of {total} changes…").format(
            sent=step.sent, total=step.to_send
        )
    if step.phase == "pull":
        return _("Syncing: {n} records received…").format(n=step.received)
    return _("Syncing: done")
