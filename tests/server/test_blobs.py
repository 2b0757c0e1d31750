"""Evidence files: PUT, HEAD and GET /blobs/<sha256> as docs/protocol2.md says, tried as a stranger.

The bytes live in the database, so the round trips run on SQLite and PostgreSQL.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from domain.schema import BLOB_MAX_BYTES
from server import blobs, db
from server.blobs import Sweeper
from tests.server import samples
from tests.server.office import ADMIN, KEPALA, PPK, STAFF, STRANGER, Office, code
from tests.support.live_server import LiveServer


@pytest.fixture(params=["sqlite", "postgresql"])
def office(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Office]:
    url = None if request.param == "sqlite" else str(request.getfixturevalue("pg_database"))
    server = LiveServer.start(tmp_path / "server", url)
    yield Office(server)
    server.close()


def blob_url(office: Office, sha: str) -> str:
    return f"{office.server.base_url}/blobs/{sha}"


def send(
    office: Office, nip: str, body: bytes, sha: str | None = None, **headers: str
) -> httpx.Response:
    sha = sha or hashlib.sha256(body).hexdigest()
    headers = {"Authorization": f"Bearer {office.tokens[nip]}", **headers}
    return httpx.put(blob_url(office, sha), content=body, headers=headers, timeout=60)


def ask(office: Office, method: str, nip: str, sha: str) -> httpx.Response:
    headers = {"Authorization": f"Bearer {office.tokens[nip]}"}
    return httpx.request(method, blob_url(office, sha), headers=headers, timeout=60)


def evidence(body: bytes, **changes: Any) -> dict[str, Any]:
    blob = {
        "sha256": hashlib.sha256(body).hexdigest(),
        "name": "scan.pdf",
        "size": len(body),
        "type": "application/pdf",
    }
    return {"label": "Scan surat", "blob": {**blob, **changes}}


def test_a_file_is_sent_once_read_back_by_its_sender_and_nobody_else(office: Office) -> None:
    body = os.urandom(3000)
    sha = hashlib.sha256(body).hexdigest()
    assert ask(office, "HEAD", STAFF, sha).headers["Upload-Offset"] == "0"
    assert send(office, STAFF, body, **{"Content-Type": "application/pdf"}).status_code == 201
    assert send(office, STAFF, body).status_code == 200  # already there, for this sender
    got = ask(office, "GET", STAFF, sha)
    assert got.status_code == 200 and got.content == body
    assert got.headers["content-type"] == "application/octet-stream"
    assert got.headers["x-content-type-options"] == "nosniff"
    assert ask(office, "HEAD", STAFF, sha).status_code == 200
    for nip in (PPK, STRANGER, ADMIN):  # no record names it yet
        assert ask(office, "GET", nip, sha).status_code == 404
        head = ask(office, "HEAD", nip, sha)
        assert head.status_code == 404 and head.headers["Upload-Offset"] == "0"
    assert httpx.get(blob_url(office, sha)).status_code == 401


def test_readers_of_a_record_naming_it_may_read_it(office: Office) -> None:
    body = os.urandom(5000)
    sha = hashlib.sha256(body).hexdigest()
    plan = office.plan("approved", items=1)
    progress = dict(samples.progress(plan["items"][0], office.period_id), evidence=[evidence(body)])
    # Named before it was sent: invalid.
    assert code(office.push(STAFF, "progress", progress, owner=STAFF)) == "invalid"
    assert send(office, STAFF, body).status_code == 201
    wrong_size = dict(progress, evidence=[evidence(body, size=1)])
    assert code(office.push(STAFF, "progress", wrong_size, owner=STAFF)) == "invalid"
    assert code(office.push(STAFF, "progress", progress, owner=STAFF)) == "applied"
    for nip in (PPK, KEPALA, ADMIN):  # owner's PPK, atasan PPK, admin: readers of realisasi
        assert ask(office, "GET", nip, sha).content == body, nip
    assert ask(office, "GET", STRANGER, sha).status_code == 404


def test_a_stranger_learns_nothing_from_a_hash_they_computed(office: Office) -> None:
    body = b"Surat Keputusan rahasia " + os.urandom(64)
    sha = hashlib.sha256(body).hexdigest()
    assert send(office, STAFF, body).status_code == 201
    # STRANGER holds the same file: naming it in a push is invalid, as for a missing file...
    other_plan = office.write(
        STRANGER, "plan", samples.plan(office.period_id, ADMIN), owner=STRANGER
    )
    item = office.write(STRANGER, "plan_item", samples.plan_item(other_plan["id"]), owner=STRANGER)
    missing = os.urandom(100)
    messages = []
    for named in (body, missing):
        progress = dict(samples.progress(item["id"], office.period_id), evidence=[evidence(named)])
        result = office.push(STRANGER, "progress", progress, owner=STRANGER)
        messages.append(result["error"]["message_en"] if result["status"] == "rejected" else "")
    assert messages[0] == messages[1] and "not on the server" in messages[0]
    # ... and sending it answers as for a new file; then it is theirs to read, and only then.
    assert ask(office, "GET", STRANGER, sha).status_code == 404
    assert send(office, STRANGER, body).status_code == 201
    assert ask(office, "GET", STRANGER, sha).content == body


def test_the_bytes_must_hash_to_the_name_and_stay_within_10_mb(office: Office) -> None:
    body = os.urandom(1000)
    wrong = hashlib.sha256(b"lain").hexdigest()
    refused = send(office, STAFF, body, sha=wrong)
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "hash"
    assert ask(office, "HEAD", STAFF, wrong).status_code == 404
    assert send(office, STAFF, body, sha="ABC").status_code == 400
    assert (
        send(office, STAFF, body, sha=hashlib.sha256(body).hexdigest().upper()).status_code == 400
    )
    too_big = b"\0" * (BLOB_MAX_BYTES + 1)
    assert send(office, STAFF, too_big).status_code == 413
    at_limit = b"\1" * BLOB_MAX_BYTES
    assert send(office, STAFF, at_limit).status_code == 201
    part = {"Content-Range": f"bytes 0-9/{BLOB_MAX_BYTES + 1}"}
    assert send(office, STAFF, b"0123456789", sha="a" * 64, **part).status_code == 413


def test_an_upload_resumes_in_parts(office: Office) -> None:
    body = os.urandom(250_000)
    sha = hashlib.sha256(body).hexdigest()
    total = len(body)

    def part(first: int, last: int, nip: str = STAFF) -> httpx.Response:
        return send(
            office,
            nip,
            body[first : last + 1],
            sha=sha,
            **{"Content-Range": f"bytes {first}-{last}/{total}"},
        )

    first = part(0, 99_999)
    assert first.status_code == 202 and first.headers["Upload-Offset"] == "100000"
    # The link drops; the client asks where to resume.
    head = ask(office, "HEAD", STAFF, sha)
    assert head.status_code == 404 and head.headers["Upload-Offset"] == "100000"
    skipped = part(150_000, 199_999)
    assert skipped.status_code == 409 and skipped.json()["error"]["code"] == "offset"
    assert skipped.headers["Upload-Offset"] == "100000"
    # Another person's upload of the same hash is their own: it starts at 0.
    assert ask(office, "HEAD", PPK, sha).headers["Upload-Offset"] == "0"
    assert part(100_000, 199_999).status_code == 202
    done = part(200_000, total - 1)
    assert done.status_code == 201
    assert ask(office, "GET", STAFF, sha).content == body
    # A part that does not fit what it claims, or a last part that does not hash: refused.
    other = os.urandom(10)
    assert (
        send(office, STAFF, other, sha="b" * 64, **{"Content-Range": "bytes 0-3/10"}).status_code
        == 400
    )
    assert (
        send(office, STAFF, other, sha="b" * 64, **{"Content-Range": "bytes 0-9/10"}).status_code
        == 400
    )
    assert (
        send(office, STAFF, other, sha="b" * 64, **{"Content-Range": "bytes=0-9/10"}).status_code
        == 400
    )
    assert ask(office, "HEAD", STAFF, "b" * 64).headers["Upload-Offset"] == "0"


def test_old_parts_and_long_unnamed_files_are_dropped_named_ones_kept(office: Office) -> None:
    kept, unnamed = os.urandom(400), os.urandom(400)
    assert send(office, STAFF, kept).status_code == 201
    assert send(office, STAFF, unnamed).status_code == 201
    plan = office.plan("approved", items=1)
    progress = dict(samples.progress(plan["items"][0], office.period_id), evidence=[evidence(kept)])
    assert code(office.push(STAFF, "progress", progress, owner=STAFF)) == "applied"
    partial = os.urandom(100)
    sha = hashlib.sha256(partial).hexdigest()
    half = send(office, STAFF, partial[:50], sha=sha, **{"Content-Range": "bytes 0-49/100"})
    assert half.status_code == 202
    with db.writing(office.server.engine) as conn:
        Sweeper.sweep(conn, db.now() + timedelta(days=1, minutes=1))
    assert ask(office, "HEAD", STAFF, sha).headers["Upload-Offset"] == "0"  # the part is gone
    assert ask(office, "GET", STAFF, hashlib.sha256(unnamed).hexdigest()).status_code == 200
    with db.writing(office.server.engine) as conn:
        Sweeper.sweep(conn, db.now() + timedelta(days=8))
    assert ask(office, "GET", STAFF, hashlib.sha256(unnamed).hexdigest()).status_code == 404
    assert ask(office, "GET", PPK, hashlib.sha256(kept).hexdigest()).content == kept


def test_one_person_cannot_fill_the_servers_disk(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(blobs, "SENDER_QUOTA", 10_000)  # the day's allowance, scaled down
    for _ in range(4):
        assert send(office, STAFF, os.urandom(2_400)).status_code == 201
    refused = send(office, STAFF, os.urandom(2_400))
    assert refused.status_code == 413 and refused.json()["error"]["code"] == "quota"
    body = os.urandom(3_000)
    sha = hashlib.sha256(body).hexdigest()
    part = send(office, STAFF, body[:1000], sha=sha, **{"Content-Range": "bytes 0-999/3000"})
    assert part.status_code == 413
    assert send(office, PPK, os.urandom(2_400)).status_code == 201  # another person's day


def test_a_file_cannot_come_a_byte_at_a_time(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(blobs, "MAX_PARTS", 4)  # 1000 in service, scaled down
    body = os.urandom(10)
    sha = hashlib.sha256(body).hexdigest()
    for offset in range(3):
        byte = send(
            office,
            STAFF,
            body[offset : offset + 1],
            sha=sha,
            **{"Content-Range": f"bytes {offset}-{offset}/10"},
        )
        assert byte.status_code == 202
    fourth = send(office, STAFF, body[3:4], sha=sha, **{"Content-Range": "bytes 3-3/10"})
    assert fourth.status_code == 413 and fourth.json()["error"]["code"] == "parts"
    rest = send(office, STAFF, body[3:], sha=sha, **{"Content-Range": "bytes 3-9/10"})
    assert rest.status_code == 201 and ask(office, "GET", STAFF, sha).content == body
