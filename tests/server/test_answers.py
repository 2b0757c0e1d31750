"""Every answer carries no-store and nosniff; answers over 1 KB are gzipped when asked."""

from __future__ import annotations

import gzip

import httpx

from tests.server import samples
from tests.support.live_server import LiveServer, make_nip, mutation

STAFF = make_nip(1)


def _safe(answer: httpx.Response) -> bool:
    return (
        answer.headers.get("cache-control") == "no-store"
        and answer.headers.get("x-content-type-options") == "nosniff"
    )


def test_every_kind_of_answer_carries_the_headers(live_server: LiveServer) -> None:
    live_server.add_employee(STAFF, "Staf Pelayanan")
    token = live_server.token_for(STAFF)
    base = live_server.base_url
    bearer = {"Authorization": f"Bearer {token}"}
    answers = [
        httpx.get(f"{base}/hello"),
        httpx.get(f"{base}/changes"),  # 401
        httpx.get(f"{base}/tidak-ada"),  # 404
        httpx.post(f"{base}/session", content=b"{bukan json"),  # 400
        httpx.post(f"{base}/push", content=b"x" * (6 * 1024 * 1024), headers=bearer),  # 413
        httpx.delete(f"{base}/hello"),  # 405
        httpx.get(f"{base}/changes", headers=bearer),
        httpx.get(f"{base}/openapi.json"),
        httpx.get(f"{base}/blobs/{'a' * 64}", headers=bearer),
    ]
    assert [a.status_code for a in answers] == [200, 401, 404, 400, 413, 405, 200, 200, 404]
    assert all(_safe(a) for a in answers), [dict(a.headers) for a in answers if not _safe(a)]


def test_big_answers_are_gzipped_when_the_client_accepts_it(live_server: LiveServer) -> None:
    live_server.add_employee(STAFF, "Staf Pelayanan")
    token = live_server.token_for(STAFF)
    pushed = [
        mutation("training", samples.training(title=f"Pelatihan {n}"), owner=STAFF)
        for n in range(20)
    ]
    live_server.push(token, pushed)
    url = f"{live_server.base_url}/changes"
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client() as client:
        raw = client.get(url, headers={**headers, "Accept-Encoding": "gzip"})
        assert raw.headers["content-encoding"] == "gzip" and _safe(raw)
        assert len(raw.json()["changes"]) == 22  # the unit, the employee, 20: httpx unzips
        plain = client.get(url, headers={**headers, "Accept-Encoding": "identity"})
        assert "content-encoding" not in plain.headers and plain.json() == raw.json()
        assert int(raw.headers["content-length"]) < len(plain.content) / 3
        small = client.get(f"{live_server.base_url}/hello", headers={"Accept-Encoding": "gzip"})
        assert "content-encoding" not in small.headers and len(small.content) < 1024
    request = httpx.Request("GET", url, headers={**headers, "Accept-Encoding": "gzip"})
    with httpx.Client() as client:
        streamed = client.send(request, stream=True)
        body = b"".join(streamed.iter_raw())
    assert gzip.decompress(body).startswith(b"{")
