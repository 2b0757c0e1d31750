"""One sync round: hello, push the outbox, pull until nothing more.

Headless on purpose: the command line, cron and the app's thread worker all
call ``SyncEngine.run_round`` and learn how it goes through a ``progress``
callback. Every step is its own store transaction, so a round killed at any
point resumes where it stopped: an acknowledged mutation has left the
outbox, and a saved page has moved the cursor with it.
"""

from __future__ import annotations

import os
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any, Literal

import orjson

from sync.link import EpochChanged, Link, LinkError, MalformedAnswer, Patience
from sync.local import (
    JSON,
    OUTBOX,
    get_meta,
    now_iso,
    outbox_in_order,
    put_meta,
    record_key,
    wire,
)
from sync.pull import apply_incoming, is_record
from sync.results import STATUSES, Tally, apply_result
from sync.resync import requeue_for_new_epoch
from sync.session import load_session, profile_home

PROTOCOL = 1
BATCH_MUTATIONS = 500  # the protocol's cap
BATCH_BYTES = 4_000_000  # below the server's 5 MB body limit, with room for the envelope
# a record whose merge keeps meeting newer server edits waits for the next round,
# so that a round always ends
MERGES_PER_ROUND = 3
PAGE_LIMIT = 1000  # the protocol's cap; KINERJA_SYNC_PAGE_LIMIT lowers it (tests, tiny links)

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
    requeued: int = 0  # put back after the server's data was restored (new epoch)
    requests: int = 0
    epoch_changed: bool = False
    error: str | None = None  # a LinkError code: unreachable, auth, epoch, malformed, ...
    detail: str | None = None

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
    ) -> None:
        self.store = store
        self.link = link
        self.page_limit = page_limit or page_limit_from_env()
        self.batch_mutations = batch_mutations
        self.batch_bytes = batch_bytes

    def run_round(self, progress: ProgressCallback | None = None) -> RoundReport:
        report = RoundReport()
        notify = progress or (lambda _progress: None)
        requests_before = self.link.requests_made
        try:
            self._round(report, notify)
        except LinkError as error:
            report.error, report.detail = error.code, str(error)
            with self.store.transaction() as tx:
                put_meta(
                    tx, "last_error", {"code": error.code, "detail": str(error), "at": now_iso()}
                )
        else:
            with self.store.transaction() as tx:
                put_meta(tx, "last_sync_at", now_iso())
                put_meta(tx, "last_error", None)
        report.requests = self.link.requests_made - requests_before
        notify(Progress("done", report.sent, report.sent, report.received))
        return report

    # -- the round -----------------------------------------------------------

    def _round(self, report: RoundReport, notify: ProgressCallback) -> None:
        epoch = self._hello(report, notify)
        try:
            self._push_and_pull(epoch, report, notify)
        except EpochChanged:
            # restored while we were talking: start again against the new data, once
            epoch = self._hello(report, notify)
            self._push_and_pull(epoch, report, notify)

    def _hello(self, report: RoundReport, notify: ProgressCallback) -> str:
        notify(Progress("hello"))
        hello = self.link.hello()
        if hello.get("protocol") != PROTOCOL:
            raise MalformedAnswer(f"/hello: protocol {hello.get('protocol')!r}, want {PROTOCOL}")
        epoch = str(hello["epoch"])
        with self.store.transaction() as tx:
            known = get_meta(tx, "epoch")
            if known != epoch:
                put_meta(tx, "epoch", epoch)
                put_meta(tx, "cursor", 0)
                if known is not None:
                    put_meta(tx, "resync", True)
                    report.epoch_changed = True
            if get_meta(tx, "client_id") is None:
                put_meta(tx, "client_id", str(uuid.uuid4()))
        return epoch

    def _push_and_pull(self, epoch: str, report: RoundReport, notify: ProgressCallback) -> None:
        with self.store.transaction() as tx:
            resyncing = bool(get_meta(tx, "resync", False))
        if resyncing:
            self._pull(epoch, report, notify, resyncing=True)
            with self.store.transaction() as tx:
                report.requeued += requeue_for_new_epoch(tx, epoch)
                put_meta(tx, "resync", False)
        self._push(epoch, report, notify)
        self._pull(epoch, report, notify, resyncing=False)

    # -- push ----------------------------------------------------------------

    def _push(self, epoch: str, report: RoundReport, notify: ProgressCallback) -> None:
        tally = Tally()
        to_send: int | None = None
        while True:
            with self.store.transaction() as tx:
                outbox = outbox_in_order(tx)
                if to_send is None:
                    to_send = len(outbox)
                batch = self._next_batch(outbox, tally.merged_keys)
                if not batch:
                    break
                # frozen from here on: never folded into, so a resend is byte-identical
                for entry in batch:
                    if entry.get("sent_at") is None:
                        entry["sent_at"] = now_iso()
                        tx.put(OUTBOX, entry["mutation_id"], entry)
                client_id = get_meta(tx, "client_id")
            body = orjson.dumps(
                {"client_id": client_id, "epoch": epoch, "mutations": [wire(e) for e in batch]}
            )
            notify(Progress("push", report.sent, max(to_send, report.sent), report.received))
            results = _results_of(self.link.push(body), batch)
            with self.store.transaction() as tx:
                for entry, result in zip(batch, results, strict=True):
                    apply_result(tx, entry, result, epoch, tally)
            report.sent += len(batch)
        report.applied += tally.applied
        report.duplicates += tally.duplicates
        report.conflicts += tally.conflicts
        report.merged += tally.merged
        report.rejected += tally.rejected

    def _next_batch(self, outbox: list[JSON], merged: Counter[str]) -> list[JSON]:
        """The first entries in queue order that may go now, within both caps."""
        waiting_ids = {entry["mutation_id"] for entry in outbox}
        batch: list[JSON] = []
        size = 0
        for entry in outbox:
            if entry.get("after") in waiting_ids:
                continue  # sent once the mutation it follows is acknowledged
            if merged[record_key(entry["collection"], entry["id"])] >= MERGES_PER_ROUND:
                continue  # the record keeps changing under us: try again next round
            size += len(orjson.dumps(wire(entry))) + 1
            if batch and (len(batch) >= self.batch_mutations or size > self.batch_bytes):
                break
            batch.append(entry)
        return batch

    # -- pull ----------------------------------------------------------------

    def _pull(
        self, epoch: str, report: RoundReport, notify: ProgressCallback, *, resyncing: bool
    ) -> None:
        with self.store.transaction() as tx:
            cursor = int(get_meta(tx, "cursor", 0))
        while True:
            notify(Progress("pull", report.sent, report.sent, report.received))
            page = self.link.changes(cursor, self.page_limit)
            if page.get("epoch") not in (None, epoch):
                raise EpochChanged("the server's epoch changed during the pull")
            changes = page["changes"]
            if not all(is_record(change) for change in changes):
                raise MalformedAnswer("/changes: a change is not a record")
            with self.store.transaction() as tx:
                for change in changes:
                    apply_incoming(tx, change, epoch, resyncing)
                put_meta(tx, "cursor", page["next"])
            report.received += len(changes)
            cursor = page["next"]
            if not page["more"]:
                return


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
    session = load_session(profile_home(store))
    with store.transaction() as tx:
        server_url = get_meta(tx, "server_url")
    if session is None or not server_url:
        return None
    link = Link(str(server_url), session.token, patience=patience or Patience.from_env())
    return SyncEngine(store, link)
