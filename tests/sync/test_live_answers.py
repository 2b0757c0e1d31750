"""Answers of the real server as the link reads them: compressed when large."""

from __future__ import annotations

import httpx

from sync.link import Link
from tests.support.live_server import LiveServer, make_nip, mutation
from tests.sync.devices import training

NIP = make_nip(81)


class Watching(httpx.BaseTransport):
    """The real transport, noting each answer's headers as they came off the wire."""

    def __init__(self) -> None:
        self.real = httpx.HTTPTransport()
        self.seen: list[httpx.Headers] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.real.handle_request(request)
        self.seen.append(response.headers)
        return response


def test_large_answers_come_gzip_compressed_and_are_read(live_server: LiveServer) -> None:
    live_server.add_employee(NIP, "Staf Pelayanan")
    token = live_server.token_for(NIP)
    live_server.push(
        token, [mutation("training", training(f"Diklat {n}"), owner=NIP) for n in range(40)]
    )
    watching = Watching()
    with Link(live_server.root_url, token, transport=watching) as link:
        page = link.changes(0, 1000)
    assert len([c for c in page["changes"] if c["collection"] == "training"]) == 40
    [answer] = watching.seen
    assert answer.get("content-encoding") == "gzip"
    assert answer.get("cache-control") == "no-store"
    assert answer.get("x-content-type-options") == "nosniff"
