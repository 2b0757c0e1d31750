"""``kinerja-server serve --workers 3`` on PostgreSQL: the protocol's promises across processes."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path
from typing import Any

import httpx

from tests.server import samples
from tests.server.serving import Served
from tests.server.test_cli import run
from tests.support import pg
from tests.support.live_server import make_nip, mutation

BOSS = make_nip(81)
STAFF = [make_nip(82 + n) for n in range(4)]
BATCHES, PER_BATCH = 12, 2
PASSWORD = "rahasia-workers-81"


def _children(pid: int) -> int:
    """How many processes ``pid`` has started (uvicorn's workers)."""
    count = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        count += int(fields[1]) == pid
    return count


def _fresh_connections(served: Served, token: str | None = None) -> httpx.Client:
    """A new TCP connection a request: each may land on another worker."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.Client(
        base_url=served.base_url,
        headers=headers,
        timeout=60,
        limits=httpx.Limits(max_keepalive_connections=0),
    )


def _pusher(served: Served, nip: str, token: str, pushed: list[str]) -> None:
    with _fresh_connections(served, token) as client:
        epoch = client.get("/hello").json()["epoch"]
        for _n in range(BATCHES):
            batch = [
                mutation("training", samples.training(jp=8), owner=nip) for _m in range(PER_BATCH)
            ]
            body = {"client_id": f"laptop-{nip}", "epoch": epoch, "mutations": batch}
            for _attempt in range(2):  # a retried push (a lost answer) is applied once
                answer = client.post("/push", json=body)
                assert answer.status_code == 200, answer.text
            pushed.extend(m["id"] for m in batch)


def _pager(served: Served, token: str, done: threading.Event, seen: list[dict[str, Any]]) -> None:
    since = 0
    with _fresh_connections(served, token) as client:
        while True:
            finished = done.is_set()  # read before the pull: that pull then sees every push
            page = client.get("/changes", params={"since": since, "limit": 3})
            assert page.status_code == 200, page.text
            body = page.json()
            seen.extend(body["changes"])
            since = body["next"]
            if finished and not body["more"]:
                return


def test_three_workers_miss_nothing_and_repeat_nothing(
    tmp_path: Path, pg_server: pg.Server
) -> None:
    served = Served.start(tmp_path, "--workers", "3", db_url=pg_server.new_database())
    try:
        assert _children(served.process.pid) >= 3
        boss = served.account(BOSS, "Kepala Bidang")
        tokens = {nip: served.account(nip, f"Staf {nip[-3:]}", atasan_nip=BOSS) for nip in STAFF}
        pushed: dict[str, list[str]] = {nip: [] for nip in STAFF}
        done = threading.Event()
        pages: list[list[dict[str, Any]]] = [[], []]
        pushers = [
            threading.Thread(target=_pusher, args=(served, nip, tokens[nip], pushed[nip]))
            for nip in STAFF
        ]
        pagers = [threading.Thread(target=_pager, args=(served, boss, done, p)) for p in pages]
        for thread in pagers + pushers:
            thread.start()
        for thread in pushers:
            thread.join(timeout=120)
        done.set()
        for thread in pagers:
            thread.join(timeout=120)
        assert not any(thread.is_alive() for thread in pagers + pushers)

        every = {record_id for ids in pushed.values() for record_id in ids}
        assert len(every) == len(STAFF) * BATCHES * PER_BATCH
        for seen in pages:
            trainings = [c["id"] for c in seen if c["collection"] == "training"]
            assert sorted(trainings) == sorted(every)  # each once, none missing
            seqs = [c["seq"] for c in seen]
            assert seqs == sorted(seqs) and len(seqs) == len(set(seqs))
    finally:
        served.stop()


def test_the_sign_in_brake_counts_across_workers(tmp_path: Path, pg_server: pg.Server) -> None:
    served = Served.start(tmp_path, "--workers", "3", db_url=pg_server.new_database())
    try:
        served.account(BOSS, "Kepala Bidang", PASSWORD)
        with _fresh_connections(served) as client:
            wrong = {"nip": BOSS, "password": f"bukan-{uuid.uuid4()}"}
            statuses = [client.post("/session", json=wrong).status_code for _n in range(6)]
        assert statuses == [401] * 5 + [429]
    finally:
        served.stop()


def test_several_workers_are_refused_on_sqlite(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kinerja.sqlite3'}"
    assert run("init", "--db", url).returncode == 0
    refused = run("serve", "--db", url, "--workers", "2", env={"KINERJA_LANG": "en"})
    assert refused.returncode == 1
    assert "needs PostgreSQL" in refused.stderr and refused.stderr.count("\n") == 1
