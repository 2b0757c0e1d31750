"""Paging the change feed while others push: nothing missed, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from server import db, recordstore
from tests.support.live_server import LiveServer, make_nip, mutation

PUSHERS = 4
BATCHES = 8
PER_BATCH = 10


def _training(n: int) -> dict[str, object]:
    return {
        "title": f"Pelatihan {n}",
        "path": "classical",
        "jp": 2,
        "start": "2026-03-01",
        "end": "2026-03-02",
        "organiser": None,
        "certificate": None,
    }


@pytest.fixture(params=["sqlite", "postgresql"])
def server(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    url = request.getfixturevalue("pg_database") if request.param == "postgresql" else None
    live = LiveServer.start(tmp_path / "server", url)
    yield live
    live.close()


def test_a_reader_paging_during_concurrent_pushes_misses_nothing(server: LiveServer) -> None:
    # The reader is the PPK of every pusher: their trainings are in the reader's sync scope.
    reader = server.account(make_nip(900), "Kepala Bidang")
    tokens = [
        server.account(make_nip(n + 1), f"Pegawai {n}", atasan_nip=make_nip(900))
        for n in range(PUSHERS)
    ]
    epoch = server.epoch()
    errors: list[BaseException] = []

    def push_all(token: str, nip: str) -> None:
        try:
            for batch in range(BATCHES):
                first = [
                    mutation("training", _training(batch * PER_BATCH + i), owner=nip)
                    for i in range(PER_BATCH)
                ]
                results = server.push(token, first, client_id=nip, epoch=epoch)
                assert all(r["status"] == "applied" for r in results), results
                again = [
                    mutation("training", _training(-1), owner=nip, id=m["id"], base_rev=1)
                    for m in first[: PER_BATCH // 2]
                ]
                assert all(
                    r["status"] == "applied"
                    for r in server.push(token, again, client_id=nip, epoch=epoch)
                )
        except BaseException as error:  # surfaced below, in the test's thread
            errors.append(error)

    pushers = [
        threading.Thread(target=push_all, args=(token, make_nip(n + 1)))
        for n, token in enumerate(tokens)
    ]
    for thread in pushers:
        thread.start()
    seen: dict[tuple[str, str], dict[str, object]] = {}
    cursor = 0
    pages = 0
    with server.client(reader) as client:
        while True:
            done = not any(thread.is_alive() for thread in pushers)
            while True:
                body = client.get("/changes", params={"since": cursor, "limit": 7}).json()
                pages += 1
                assert all(cursor < change["seq"] <= body["next"] for change in body["changes"])
                for change in body["changes"]:
                    seen[(change["collection"], change["id"])] = change
                cursor = body["next"]
                if not body["more"]:
                    break
            if done:
                break
    for thread in pushers:
        thread.join()
    assert not errors, errors[0]
    with db.reading(server.engine) as conn:
        final = {
            (record["collection"], record["id"]): record
            for collection in ("training", "employee", "unit")
            for record in recordstore.of_collection(conn, collection)
        }
    assert len(final) == PUSHERS * BATCHES * PER_BATCH + PUSHERS + 1 + 1
    assert seen.keys() == final.keys()
    assert {key: (r["rev"], r["seq"]) for key, r in seen.items()} == {
        key: (r["rev"], r["seq"]) for key, r in final.items()
    }
    assert pages > PUSHERS * BATCHES  # the reader really paged while the pushers ran
