"""Evidence files: kept by content in the profile, uploaded (resumably) before the push
that names them, fetched only when opened. Faults by a scripted server (respx)."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest

from store import BlobsFull, BlobTooBig, Store, open_store
from store.blobs import LIMIT, BlobInfo
from sync import blobs as sync_blobs
from sync.blobs import NotSignedIn, fetch_blob, named_blobs
from sync.link import BlobNotFound, MalformedAnswer
from sync.local import put_meta
from sync.session import Session, save_session
from tests.sync.fake_server import BASE, Scripted

NIP = "198001012005011042"
PART = sync_blobs.PART_BYTES


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return open_store(tmp_path / "profile")


@pytest.fixture
def server() -> Scripted:
    return Scripted()


def scan(tmp_path: Path, size: int, name: str = "scan.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(os.urandom(size))
    return path


def progress_with(store: Store, *files: BlobInfo, record_id: str = "p1") -> None:
    evidence = [{"label": f.name, "blob": f.as_blob()} for f in files]
    data = {"plan_item_id": "i1", "period_id": "q1", "values": [1], "evidence": evidence}
    store.records.edit("progress", record_id, data, owner=NIP, by=NIP)


def test_a_file_is_kept_once_by_its_hash_and_read_back(store: Store, tmp_path: Path) -> None:
    source = scan(tmp_path, 3000, "Laporan Q1.pdf")
    info = store.blobs.put(source)
    again = store.blobs.put(source)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    assert info == again == BlobInfo(digest, "Laporan Q1.pdf", 3000, "application/pdf")
    held = store.blobs.path(digest)
    assert held is not None and held.read_bytes() == source.read_bytes()
    assert stat.S_IMODE(held.stat().st_mode) == 0o600
    assert store.blobs.read(digest, 1000, 10) == source.read_bytes()[1000:1010]
    assert [p.name for p in held.parent.parent.rglob("*") if p.is_file()] == [digest]


def test_a_file_over_the_limit_is_refused_in_both_languages(store: Store, tmp_path: Path) -> None:
    big = tmp_path / "video.mp4"
    with big.open("wb") as out:
        out.truncate(LIMIT + 1)
    with pytest.raises(BlobTooBig) as refused:
        store.blobs.put(big)
    assert "at most 10 MB" in refused.value.message("en")
    assert "paling besar 10 MB" in refused.value.message("id")
    assert not (store.home / "blobs").exists() or not any((store.home / "blobs").rglob("*"))


def test_a_file_past_the_profiles_budget_is_refused_and_one_held_costs_nothing(
    store: Store, tmp_path: Path
) -> None:
    store.blobs.budget = 5000
    first = scan(tmp_path, 3000, "foto.jpg")
    store.blobs.put(first)
    with pytest.raises(BlobsFull) as refused:
        store.blobs.put(scan(tmp_path, 2001, "scan.pdf"))
    assert "scan.pdf" in refused.value.message("en")
    assert "Nothing was attached" in refused.value.message("en")
    assert "Tidak ada yang dilampirkan" in refused.value.message("id")
    assert [p.name for p in (store.home / "blobs").rglob("*") if p.is_file()] == [
        store.blobs.put(first).sha256
    ]
    assert store.blobs.used() == 3000  # and putting the held file again is never refused


def test_a_name_that_is_not_a_hash_never_becomes_a_path(store: Store) -> None:
    with pytest.raises(ValueError):
        store.blobs.path("../../session.json")


def test_named_blobs_reads_progress_evidence_only() -> None:
    sha = "a" * 64
    mutations: list[dict[str, Any]] = [
        {
            "collection": "progress",
            "op": "upsert",
            "data": {"evidence": [{"blob": {"sha256": sha}}]},
        },
        {"collection": "progress", "op": "upsert", "data": {"evidence": [{"url": "https://x"}]}},
        {
            "collection": "training",
            "op": "upsert",
            "data": {"evidence": [{"blob": {"sha256": "b" * 64}}]},
        },
        {
            "collection": "progress",
            "op": "upsert",
            "data": {"evidence": [{"blob": {"sha256": "../x"}}]},
        },
        {
            "collection": "progress",
            "op": "upsert",
            "data": {"evidence": [{"blob": {"sha256": sha}}]},
        },
    ]
    assert named_blobs(mutations) == [sha]


def test_files_go_before_the_push_that_names_them(
    store: Store, server: Scripted, tmp_path: Path
) -> None:
    small = store.blobs.put(scan(tmp_path, 1000, "foto.jpg"))
    large = store.blobs.put(scan(tmp_path, 2 * PART + 500, "scan.pdf"))
    progress_with(store, small, large)

    report = server.engine(store).run_round()

    assert report.error is None and report.blobs_sent == 2 and report.applied == 1
    assert server.shelf.whole == {small.sha256, large.sha256}
    assert server.shelf.bytes_received == small.size + large.size  # each byte once
    paths = server.paths()
    assert paths.index("POST /api/v1/push") > max(
        i for i, p in enumerate(paths) if p.startswith("PUT ")
    )
    ranges = [c.request.headers.get("Content-Range") for c in server.blob_put.calls]
    total = large.size
    assert ranges == [
        None,  # the small one, whole
        f"bytes 0-{PART - 1}/{total}",
        f"bytes {PART}-{2 * PART - 1}/{total}",
        f"bytes {2 * PART}-{total - 1}/{total}",
    ]
    # the next push naming them sends nothing again
    progress_with(store, small, large, record_id="p2")
    again = server.engine(store).run_round()
    assert again.blobs_sent == 0 and server.shelf.bytes_received == small.size + large.size


def test_a_dropped_link_resumes_where_the_server_stopped(
    store: Store, server: Scripted, tmp_path: Path
) -> None:
    large = store.blobs.put(scan(tmp_path, 2 * PART + 500))
    progress_with(store, large)
    puts = 0

    def link_drops_at_the_second_part(request: httpx.Request, sha: str) -> httpx.Response:
        nonlocal puts
        puts += 1
        if puts >= 2:
            raise httpx.ConnectError("the link dropped", request=request)
        return server.shelf.put(request, sha)

    server.blob_put.mock(side_effect=link_drops_at_the_second_part)
    first = server.engine(store).run_round()
    assert first.error == "unreachable" and server.push.call_count == 0
    assert len(server.shelf.held[large.sha256]) == PART
    [entry] = store.records.outbox()
    assert entry["sent_at"] is not None  # frozen: it goes as it is once the file is there

    server.blob_put.mock(side_effect=lambda request, sha: server.shelf.put(request, sha))
    received_before = server.shelf.bytes_received
    second = server.engine(store).run_round()
    assert second.error is None and second.applied == 1
    assert server.shelf.bytes_received - received_before == large.size - PART  # only the rest
    assert store.records.outbox() == []


def test_a_part_whose_answer_was_lost_is_not_taken_twice(
    store: Store, server: Scripted, tmp_path: Path
) -> None:
    large = store.blobs.put(scan(tmp_path, 2 * PART + 500))
    progress_with(store, large)
    lost = []

    def answer_lost_once(request: httpx.Request, sha: str) -> httpx.Response:
        response = server.shelf.put(request, sha)
        if response.status_code == 202 and not lost:
            lost.append(1)
            raise httpx.ReadTimeout("the answer was lost", request=request)
        return response

    server.blob_put.mock(side_effect=answer_lost_once)
    report = server.engine(store).run_round()
    assert report.error is None and report.applied == 1
    assert server.shelf.whole == {large.sha256}
    statuses = [c.response.status_code for c in server.blob_put.calls if c.has_response]
    assert 409 in statuses  # the resent part was refused, then the upload went on from HEAD


def test_a_file_the_server_refuses_does_not_block_the_other_changes(
    store: Store, server: Scripted, tmp_path: Path
) -> None:
    info = store.blobs.put(scan(tmp_path, 500))
    progress_with(store, info)
    store.records.edit("training", "t1", {"jp": 1}, owner=NIP, by=NIP)
    server.blob_put.mock(
        return_value=httpx.Response(400, json={"error": {"code": "hash", "message": "x"}})
    )

    def rejects_the_progress(request: httpx.Request) -> httpx.Response:
        body = orjson.loads(request.content)
        results = [
            {"mutation_id": m["mutation_id"], "status": "applied", "rev": 1, "seq": 9}
            if m["collection"] == "training"
            else {
                "mutation_id": m["mutation_id"],
                "status": "rejected",
                "error": {"code": "invalid", "message": "blob tidak ada", "message_en": "no blob"},
            }
            for m in body["mutations"]
        ]
        return httpx.Response(200, json={"epoch": "e1", "results": results})

    server.push.mock(side_effect=rejects_the_progress)
    report = server.engine(store).run_round()
    assert report.error is None and (report.applied, report.rejected) == (1, 1)


def test_a_file_is_fetched_once_when_opened(
    store: Store, server: Scripted, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = os.urandom(5000)
    sha = hashlib.sha256(content).hexdigest()
    with pytest.raises(NotSignedIn):
        fetch_blob(store, sha)
    save_session(store.home, Session("tok", None, NIP, None, ()))
    with store.transaction() as tx:
        put_meta(tx, "server_url", BASE)
    transport = httpx.MockTransport(server.router.handler)
    real_client = httpx.Client
    monkeypatch.setattr(httpx, "Client", lambda **kw: real_client(**{**kw, "transport": transport}))
    with pytest.raises(BlobNotFound):
        fetch_blob(store, sha)
    server.blob_get.mock(return_value=httpx.Response(200, content=b"not the file"))
    with pytest.raises(MalformedAnswer):
        fetch_blob(store, sha)
    assert store.blobs.path(sha) is None
    server.blob_get.mock(return_value=httpx.Response(200, content=content))
    path = fetch_blob(store, sha)
    assert path.read_bytes() == content
    calls = server.blob_get.call_count
    assert fetch_blob(store, sha) == path and server.blob_get.call_count == calls  # kept
