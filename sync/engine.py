"""One sync round: hello, push the outbox, pull until nothing more.

Headless on purpose: the command line, cron and the app's thread worker all
call ``SyncEngine.run_round`` and learn how it goes through a ``progress``
callback. Every step is its own store transaction, so a round killed at any
point resumes where it stopped: an acknowledged mutation has left the
outbox, and a saved page has moved the cursor and its mark with it.

The round trusts the server only so far: a feed whose cursor stops moving,
or that never ends, stops the round with an error instead of looping, and a
409 ``epoch`` or ``history`` starts the recovery once (sync/local.py,
``start_over``), never twice in one round.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any, Literal

import orjson

from domain.deadlines import office_date
from store import StoreBusy, StoreError, outbox
from store.bulk import collector_paused
from sync.blobs import upload_named_blobs
from sync.link import EpochChanged, HistoryChanged, Link, LinkError, MalformedAnswer, Patience
from sync.local import (
    JSON,
    RECORDS,
    get_meta,
    lifetime,
    new_id,
    now_utc,
    put_meta,
    record_key,
    start_over,
)
from sync.pull import apply_incoming, is_record
from sync.results import STATUSES, Tally, apply_result
from sync.resync import requeue_for_new_lifetime
from sync.scope import ORG_COLLECTIONS, let_go
from sync.session import link_for_profile

BATCH_MUTATIONS = 500  # the protocol's cap
BATCH_BYTES = 4_000_000  # below the server's 5 MB body limit, with room for the envelope
# a record whose merge keeps meeting newer server edits waits for the next round,
# so that a round always ends
MERGES_PER_ROUND = 3
PAGE_LIMIT = 1000  # the protocol's cap; KINERJA_SYNC_PAGE_LIMIT lowers it (tests, tiny links)
# far beyond what any user's scope needs (10 million records at 1,000 a page);
# a server that keeps sending pages past it is looping, and the next round
# goes on from the last page saved
MAX_PAGES = 10_000

Phase = Literal["hello", "push", "pull", "done"]


@dataclass(frozen=True)
class Progress:
    """Where a round is, for a progress bar or a log line."""

    phase: Phase
    sent: int = 0  # mutations pushed so far
    to_send: int = 0  # mutations in the outbox when the push began
    received: int = 0  # records pulled so far


@dataclass
class RoundReport:
    """What one round did. ``error`` is None when the round completed."""

    sent: int = 0
    applied: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: int = 0
    received: int = 0
    merged: int = 0
    requeued: int = 0  # put back after the server's data was restored
    blobs_sent: int = 0  # evidence files uploaded (whole or the part the server lacked)
    let_go: int = 0  # records dropped: their owner left the user's scope (sync/scope.py)
    requests: int = 0
    epoch_changed: bool = False  # the server's data was restored: a new epoch or lost history
    # a LinkError code (unreachable, auth, epoch, history, protocol, malformed, ...),
    # or "store" / "store_busy" when the local store could not be written or locked
    error: str | None = None
    detail: str | None = None
    upgrade: str | None = None  # with error "protocol": the side to update, "server" or "client"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


ProgressCallback = Callable[[Progress], None]


def page_limit_from_env() -> int:
    try:
        return max(1, min(PAGE_LIMIT, int(os.environ.get("KINERJA_SYNC_PAGE_LIMIT", PAGE_LIMIT))))
    except ValueError:
        return PAGE_LIMIT


class SyncEngine:
    """Syncs one local store with one server through one ``Link``."""

    def __init__(
        self,
        store: Any,
        link: Link,
        *,
        page_limit: int | None = None,
        batch_mutations: int = BATCH_MUTATIONS,
        batch_bytes: int = BATCH_BYTES,
        max_pages: int = MAX_PAGES,
    ) -> None:
        self.store = store
        self.link = link
        self.page_limit = page_limit or page_limit_from_env()
        self.batch_mutations = batch_mutations
        self.batch_bytes = batch_bytes
        self.max_pages = max_pages

    def run_round(self, progress: ProgressCallback | None = None) -> RoundReport:
        """One round; never raises for a server or store problem (see ``RoundReport.error``)."""
        report = RoundReport()
        notify = progress or (lambda _progress: None)
        requests_before = self.link.requests_made
        try:
            self._round(report, notify)
        except LinkError as error:
            report.error, report.detail = error.code, str(error)
            report.upgrade = getattr(error, "upgrade", None)
        except StoreBusy as busy:
            report.error, report.detail = "store_busy", str(busy)
        except StoreError as failed:
            report.error, report.detail = "store", str(failed)
        self._note_outcome(report)
        report.requests = self.link.requests_made - requests_before
        notify(Progress("done", report.sent, report.sent, report.received))
        return report

    def _note_outcome(self, report: RoundReport) -> None:
        """Keep the round's outcome for ``kinerja status``; a store that can't take it says so."""
        try:
            with self.store.transaction() as tx:
                if report.error is None:
                    put_meta(tx, "last_sync_at", now_utc())
                    put_meta(tx, "last_error", None)
                else:
                    problem = {"code": report.error, "detail": report.detail, "at": now_utc()}
                    put_meta(tx, "last_error", problem)
        except StoreError as failed:
            if report.error is None:
                report.error, report.detail = "store", str(failed)

    # -- the round -----------------------------------------------------------

    def _round(self, report: RoundReport, notify: ProgressCallback) -> None:
        epoch = self._hello(report, notify)
        try:
            self._push_and_pull(epoch, report, notify)
        except EpochChanged:
            # 409 epoch or history: the server lost what we hold; recover once
            with self.store.transaction() as tx:
                start_over(tx)
            report.epoch_changed = True
            epoch = self._hello(report, notify)
            self._push_and_pull(epoch, report, notify)

    def _hello(self, report: RoundReport, notify: ProgressCallback) -> str:
        notify(Progress("hello"))
        epoch = str(self.link.hello()["epoch"])
        with self.store.transaction() as tx:
            known = get_meta(tx, "epoch")
            if known != epoch:
                put_meta(tx, "epoch", epoch)
                if known is None:
                    outbox.set_base_version(tx, 0, None)
                else:
                    start_over(tx)
                    report.epoch_changed = True
            if get_meta(tx, "client_id") is None:
                put_meta(tx, "client_id", new_id())
        return epoch

    def _push_and_pull(self, epoch: str, report: RoundReport, notify: ProgressCallback) -> None:
        with self.store.transaction() as tx:
            resyncing = bool(get_meta(tx, "resync", False))
        if resyncing:
            self._pull(epoch, report, notify, resyncing=True)
            with self.store.transaction() as tx:
                report.requeued += requeue_for_new_lifetime(tx, lifetime(tx))
                put_meta(tx, "resync", False)
        self._push(epoch, report, notify)
        self._pull(epoch, report, notify, resyncing=False)

    # -- push ----------------------------------------------------------------

    def _push(self, epoch: str, report: RoundReport, notify: ProgressCallback) -> None:
        tally = Tally()
        to_send: int | None = None
        while True:
            with self.store.transaction() as tx:
                waiting = outbox.unsynced(tx)
                if to_send is None:
                    to_send = len(waiting)
                batch = self._next_batch(waiting, tally.merged_keys)
                if not batch:
                    break
                outbox.mark_sent(tx, batch)  # frozen: a resend is byte-identical
                client_id = get_meta(tx, "client_id")
            mutations = [outbox.wire(e) for e in batch]
            notify(Progress("push", report.sent, max(to_send, report.sent), report.received))
            # the server refuses a mutation naming a file it lacks: send those first
            report.blobs_sent += upload_named_blobs(self.store.blobs, self.link, mutations)
            body = orjson.dumps({"client_id": client_id, "epoch": epoch, "mutations": mutations})
            results = _results_of(self.link.push(body), batch)
            with self.store.transaction() as tx:
                tag = lifetime(tx)
                for entry, result in zip(batch, results, strict=True):
                    apply_result(tx, entry, result, tag, tally)
            report.sent += len(batch)
        report.applied += tally.applied
        report.duplicates += tally.duplicates
        report.conflicts += tally.conflicts
        report.merged += tally.merged
        report.rejected += tally.rejected

    def _next_batch(self, waiting: list[JSON], merged: Counter[str]) -> list[JSON]:
        """The first entries in queue order that may go now, within both caps."""
        waiting_ids = {entry["mutation_id"] for entry in waiting}
        batch: list[JSON] = []
        size = 0
        for entry in waiting:
            if entry.get("after") in waiting_ids:
                continue  # sent once the mutation it follows is acknowledged
            if merged[record_key(entry["collection"], entry["id"])] >= MERGES_PER_ROUND:
                continue  # the record keeps changing under us: try again next round
            size += len(orjson.dumps(outbox.wire(entry))) + 1
            if batch and (len(batch) >= self.batch_mutations or size > self.batch_bytes):
                break
            batch.append(entry)
        return batch

    # -- pull ----------------------------------------------------------------

    def _pull(
        self, epoch: str, report: RoundReport, notify: ProgressCallback, *, resyncing: bool
    ) -> None:
        with self.store.transaction() as tx:
            at = outbox.base_version(tx)
            # A new profile holds only what this pull brings, all of it in scope.
            fresh = at.cursor == 0 and next(tx.peek(RECORDS), None) is None
        org_changed = False
        for _page in range(self.max_pages):
            notify(Progress("pull", report.sent, report.sent, report.received))
            page = self.link.changes(at.cursor, self.page_limit, at.mark)
            if page.get("epoch") not in (None, epoch):
                raise EpochChanged("the server's epoch changed during the pull")
            _check_progress(at.cursor, page)
            changes = page["changes"]
            if not all(is_record(change) for change in changes):
                raise MalformedAnswer("/changes: a change is not a record")
            with collector_paused(), self.store.transaction(durable=False) as tx:
                tag = lifetime(tx)
                for change in changes:
                    apply_incoming(tx, change, tag, resyncing)
                outbox.set_base_version(tx, page["next"], page.get("mark"))
                at = outbox.base_version(tx)
            report.received += len(changes)
            org_changed = org_changed or any(c["collection"] in ORG_COLLECTIONS for c in changes)
            if not page["more"]:
                self._let_go(report, org_changed, fresh)
                return
        raise MalformedAnswer(
            f"/changes: still more after {self.max_pages} pages in one round; "
            "the round stopped, and what came is kept"
        )

    def _let_go(self, report: RoundReport, org_changed: bool, fresh: bool) -> None:
        """Drop what left the user's scope: when the organisation or the date changed.

        Both are rare, so an idle round does not walk every record held; nor
        does the first round of a new profile, which holds only what the
        server just judged in scope (the organisation built for the walk was
        a sixth of an HR admin's first sync).
        """
        today = office_date(datetime.now(UTC))
        with self.store.transaction() as tx:
            stale = org_changed or get_meta(tx, "scope_day") != today.isoformat()
            if stale and not fresh:
                report.let_go += let_go(tx, today)
            if stale:
                put_meta(tx, "scope_day", today.isoformat())


def _check_progress(since: int, page: JSON) -> None:
    """A page must move the cursor on when it promises more, and never move it back.

    A feed that ends below our cursor holds less than we pulled from it: the
    server was put back from a backup (a store from protocol 1 has no mark
    to tell it earlier), and the recovery is the one of a 409 ``history``.
    """
    following = page["next"]
    if following < since:
        raise HistoryChanged(
            f"/changes: the server's feed ends at {following}, below our cursor {since}"
        )
    if page["more"] and following == since:
        raise MalformedAnswer(
            f"/changes: the server promised more but its cursor stayed at {since}; "
            "the round stopped rather than loop"
        )


def _results_of(answer: JSON, batch: list[JSON]) -> list[JSON]:
    """The push answer's results, checked against the batch before anything is written."""
    results = answer["results"]
    if len(results) != len(batch):
        raise MalformedAnswer(f"/push: {len(results)} results for {len(batch)} mutations")
    for entry, result in zip(batch, results, strict=True):
        if not isinstance(result, dict) or result.get("status") not in STATUSES:
            raise MalformedAnswer("/push: a result without a known status")
        if result.get("mutation_id") not in (None, entry["mutation_id"]):
            raise MalformedAnswer("/push: results out of order")
    return list(results)


def engine_for_profile(store: Any, *, patience: Patience | None = None) -> SyncEngine | None:
    """The engine of this profile's server and token, or None when not logged in."""
    link = link_for_profile(store, patience=patience)
    return None if link is None else SyncEngine(store, link)
