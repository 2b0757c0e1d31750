"""The sample year pushed over the protocol, each write as its author.

Every author gets a short session opened in the server's database with the
server's own ``accounts.open_session`` (signing each in by password would
cost one slow argon2 check each, and the passwords are the same anyway);
then each author's writes of one step of the year go in one ``POST /push``
over one kept connection, so the server judges every write as that person's.
The sessions end when the year is in.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

import orjson

from demo.ids import Write
from demo.office import HR_ADMIN
from demo.server import database_url

SEED_SESSION = timedelta(minutes=30)
BATCH_MOST = 500  # mutations in one push (protocol.md)
Progress = Callable[[int, int], None]  # (writes done, writes in all)


class SeedRefused(RuntimeError):
    pass


def open_sessions(data: Path, nips: Iterable[str]) -> dict[str, str]:
    """A token for each NIP, from a session opened in the demo's database."""
    from server import accounts, db

    engine = db.make_engine(database_url(data))
    try:
        with db.writing(engine) as conn:
            moment = db.now()
            return {
                nip: accounts.open_session(conn, nip, SEED_SESSION, moment).token
                for nip in sorted(set(nips))
            }
    finally:
        engine.dispose()


def end_sessions(data: Path, tokens: Iterable[str]) -> None:
    from server import accounts, db

    engine = db.make_engine(database_url(data))
    try:
        with db.writing(engine) as conn:
            for token in tokens:
                accounts.revoke(conn, token, db.now())
    finally:
        engine.dispose()


def batches(phase: Iterable[Write]) -> list[list[Write]]:
    """One step's writes as pushes: each author's writes together, in their order,
    a record at most once a push (its second write needs the first's rev)."""
    by_author: dict[str, list[list[Write]]] = {}
    for write in phase:
        runs = by_author.setdefault(write.by, [[]])
        last = runs[-1]
        if len(last) >= BATCH_MOST or any(
            (w.collection, w.id) == (write.collection, write.id) for w in last
        ):
            runs.append(last := [])
        last.append(write)
    return [run for runs in by_author.values() for run in runs if run]


class Seeder:
    """The sample people's connections to the demo server, one each, kept open."""

    def __init__(self, url: str, tokens: Mapping[str, str]) -> None:
        self.url = url
        self.tokens = tokens
        self.revs: dict[tuple[str, str], int] = {}
        self._links: dict[str, Any] = {}
        self._epoch: str | None = None

    def __enter__(self) -> Seeder:
        return self

    def __exit__(self, *_exc: object) -> None:
        for link in self._links.values():
            link.close()

    def _link(self, nip: str) -> Any:
        from sync.link import Link

        if nip not in self._links:
            self._links[nip] = Link(self.url, self.tokens[nip])
        return self._links[nip]

    def office_units(self) -> dict[str, str]:
        """The ids of the imported units by name, as the admin's client pulls them;
        their revs become the base of the admin's first writes."""
        link = self._link(HR_ADMIN.nip)
        self._epoch = str(link.hello()["epoch"])
        ids: dict[str, str] = {}
        since, more = 0, True
        while more:
            page = link.changes(since, 1000)
            for record in page["changes"]:
                if record["collection"] == "unit":
                    ids[record["data"]["name"]] = record["id"]
                    self.revs[("unit", record["id"])] = int(record["rev"])
            since, more = page["next"], page["more"]
        return ids

    def push(self, phases: Iterable[Iterable[Write]], progress: Progress | None = None) -> int:
        """Push every step in order; returns how many writes were applied."""
        pushes = [batch for phase in phases for batch in batches(phase)]
        total, done = sum(len(batch) for batch in pushes), 0
        for batch in pushes:
            self._push(batch)
            done += len(batch)
            if progress is not None:
                progress(done, total)
        return done

    def _push(self, batch: list[Write]) -> None:
        link = self._link(batch[0].by)
        if self._epoch is None:
            self._epoch = str(link.hello()["epoch"])
        mutations: list[dict[str, Any]] = [
            {
                "mutation_id": str(uuid.uuid4()),
                "collection": w.collection,
                "id": w.id,
                "owner": w.owner,
                "op": "upsert",
                "base_rev": self.revs.get((w.collection, w.id)),
                "data": w.data,
                "resolves": [],
            }
            for w in batch
        ]
        body = {"client_id": "kinerja-demo-seed", "epoch": self._epoch, "mutations": mutations}
        results: list[dict[str, Any]] = link.push(orjson.dumps(body))["results"]
        for write, result in zip(batch, results, strict=True):
            if result["status"] != "applied":
                raise SeedRefused(f"{write.by} {write.collection}/{write.id}: {result}")
            self.revs[(write.collection, write.id)] = int(result["rev"])


def seed_year(data: Path, url: str, *, progress: Progress | None = None) -> int:
    """Push the whole sample year to the demo server in ``data``; returns how many writes."""
    from datetime import UTC, datetime

    from demo.sample import sample_phases, sample_writes
    from domain.deadlines import office_date

    today = office_date(datetime.now(UTC))
    authors = {HR_ADMIN.nip} | {write.by for write in sample_writes(today=today)}
    tokens = open_sessions(data, authors)
    try:
        with Seeder(url, tokens) as seeder:
            units = seeder.office_units()
            return seeder.push(sample_phases(today=today, units=units), progress)
    finally:
        end_sessions(data, tokens.values())
