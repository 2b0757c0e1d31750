"""A scripted server behind respx, for faults and lies a real server won't tell on cue.

``Scripted`` routes ``/hello``, ``/changes``, ``/push`` and ``/blobs`` of
``BASE`` through a respx router; tests replace the answers they need and
read back what the client sent. ``engine(store)`` gives a SyncEngine on it.
"""

from __future__ import annotations

import hashlib
from typing import Any

import httpx
import orjson
import respx

from sync.engine import SyncEngine
from sync.link import Link, Patience

BASE = "http://kinerja.test"
API = BASE + "/api/v1"
EPOCH = "e1"
QUICK = Patience(connect=1, read=1, attempts=2, total=5, backoff_initial=0, backoff_max=0)


def hello(protocol: int = 2, epoch: str = EPOCH) -> httpx.Response:
    return httpx.Response(200, json={"protocol": protocol, "epoch": epoch, "server_time": "x"})


def page(changes: list[dict[str, Any]], next_seq: int, more: bool, mark: str = "") -> Any:
    return httpx.Response(
        200,
        json={"epoch": EPOCH, "changes": changes, "next": next_seq, "mark": mark, "more": more},
    )


def applied_all(request: httpx.Request) -> httpx.Response:
    """Every mutation of the push applied, at rev 1 and made-up seqs."""
    body = orjson.loads(request.content)
    results = [
        {"mutation_id": m["mutation_id"], "status": "applied", "rev": 1, "seq": 100 + n}
        for n, m in enumerate(body["mutations"])
    ]
    return httpx.Response(200, json={"epoch": EPOCH, "results": results})


class BlobShelf:
    """The server's side of resumable uploads (docs/protocol2.md), held in memory."""

    def __init__(self) -> None:
        self.held: dict[str, bytearray] = {}
        self.whole: set[str] = set()
        self.bytes_received = 0

    def head(self, request: httpx.Request, sha: str) -> httpx.Response:
        if sha in self.whole:
            return httpx.Response(200)
        return httpx.Response(404, headers={"Upload-Offset": str(len(self.held.get(sha, b"")))})

    def put(self, request: httpx.Request, sha: str) -> httpx.Response:
        body = request.content
        self.bytes_received += len(body)
        span = request.headers.get("Content-Range")
        if span is None:
            first, total = 0, len(body)
        else:
            first_last, total_text = span.removeprefix("bytes ").split("/")
            first, total = int(first_last.split("-")[0]), int(total_text)
        held = self.held.setdefault(sha, bytearray())
        if first != len(held):
            return httpx.Response(409, json={"error": {"code": "offset", "message": "offset"}})
        held.extend(body)
        if len(held) < total:
            return httpx.Response(202, headers={"Upload-Offset": str(len(held))})
        if hashlib.sha256(held).hexdigest() != sha:
            del self.held[sha]
            return httpx.Response(400, json={"error": {"code": "hash", "message": "hash"}})
        self.whole.add(sha)
        return httpx.Response(201)


class Scripted:
    def __init__(self) -> None:
        self.router = respx.MockRouter(assert_all_called=False, assert_all_mocked=True)
        self.shelf = BlobShelf()
        self.hello = self.router.get(API + "/hello").mock(return_value=hello())
        self.changes = self.router.get(API + "/changes").mock(return_value=page([], 0, False))
        self.push = self.router.post(API + "/push").mock(side_effect=applied_all)
        blob = r"/api/v1/blobs/(?P<sha>[0-9a-f]{64})$"
        self.blob_head = self.router.head(path__regex=blob).mock(side_effect=self.shelf.head)
        self.blob_put = self.router.put(path__regex=blob).mock(side_effect=self.shelf.put)
        self.blob_get = self.router.get(path__regex=blob).mock(return_value=httpx.Response(404))

    def link(self) -> Link:
        transport = httpx.MockTransport(self.router.handler)
        return Link(BASE, "tok", patience=QUICK, transport=transport, sleep=lambda _s: None)

    def engine(self, store: Any, **options: Any) -> SyncEngine:
        return SyncEngine(store, self.link(), **options)

    def paths(self) -> list[str]:
        """Method and path of every call, in order."""
        return [f"{c.request.method} {c.request.url.path}" for c in self.router.calls]
