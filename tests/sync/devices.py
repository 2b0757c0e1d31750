"""A client device for sync tests: a profile folder with its store, token and engine."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from store import Store, open_store
from sync.engine import RoundReport, SyncEngine
from sync.link import Link, Patience
from sync.local import put_meta
from sync.session import Session, save_session
from tests.support.live_server import LiveServer

# fast retries: the tests inject faults, they don't wait for real links
FAST = Patience(connect=5, read=10, attempts=4, total=20, backoff_initial=0.01, backoff_max=0.05)


def training(title: str = "Diklat Kepemimpinan", jp: float = 20, **extra: Any) -> dict[str, Any]:
    return {
        "title": title,
        "path": "classical",
        "jp": jp,
        "start": "2026-03-02",
        "end": "2026-03-04",
        **extra,
    }


class Device:
    """One person's computer: signed in to ``server`` as ``nip`` in its own folder."""

    def __init__(self, home: Path, server: LiveServer, nip: str, token: str) -> None:
        self.home = home
        self.server = server
        self.nip = nip
        self.token = token
        self.store: Store = open_store(home)
        save_session(home, Session(token, None, nip, None, ()))
        with self.store.transaction() as tx:
            put_meta(tx, "server_url", server.root_url)
            put_meta(tx, "nip", nip)

    def sign_in_again(self) -> None:
        self.token = self.server.login(self.nip)
        save_session(self.home, Session(self.token, None, self.nip, None, ()))

    def engine(self, **options: Any) -> SyncEngine:
        transport = options.pop("transport", None)
        link = Link(
            self.server.root_url,
            self.token,
            patience=FAST,
            transport=transport,
            sleep=lambda _s: None,
        )
        return SyncEngine(self.store, link, **options)

    def sync(self, **options: Any) -> RoundReport:
        engine = self.engine(**options)
        with engine.link:
            report = engine.run_round()
        assert report.error is None, report
        return report

    def edit(
        self,
        record_id: str,
        data: dict[str, Any],
        collection: str = "training",
        owner: str | None = None,
    ) -> None:
        existing = self.store.records.get(collection, record_id)
        if existing is None:
            self.store.records.edit(
                collection, record_id, data, owner=owner or self.nip, by=self.nip
            )
        else:
            self.store.records.edit(collection, record_id, data, by=self.nip)

    def create(
        self, data: dict[str, Any], collection: str = "training", owner: str | None = None
    ) -> str:
        record_id = str(uuid.uuid4())
        self.edit(record_id, data, collection, owner)
        return record_id

    def record(self, record_id: str, collection: str = "training") -> dict[str, Any]:
        found = self.store.records.get(collection, record_id)
        assert found is not None, record_id
        return found

    def outbox(self) -> list[dict[str, Any]]:
        return self.store.records.outbox()

    def shape(self) -> set[tuple[str, str, int | None, bool]]:
        """(key, id, rev, deleted) of every local record."""
        return {
            (key.split("/")[0], record["id"], record.get("rev"), bool(record.get("deleted")))
            for key, record in self.store.all("records").items()
        }


def server_shape(server: LiveServer, token: str) -> set[tuple[str, str, int | None, bool]]:
    changes, _cursor = server.pull_all(token)
    latest: dict[tuple[str, str], dict[str, Any]] = {}
    for record in changes:
        latest[(record["collection"], record["id"])] = record
    return {(c, i, r["rev"], bool(r["deleted"])) for (c, i), r in latest.items()}
