"""Evidence files against the real server: sent before the push that names them, resumed
after a dropped link, never sent twice, fetched when opened by whoever may read them."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from store import BlobInfo
from sync.blobs import PART_BYTES, fetch_blob
from sync.link import BlobNotFound
from tests.server import samples
from tests.support import pg
from tests.support.live_server import LiveServer, make_nip, mutation
from tests.sync.devices import Device
from tests.sync.test_live_faults import faulty_link, new_router, relay

PPK, STAFF, STRANGER, ADMIN = (make_nip(n) for n in (71, 72, 73, 74))


class Office:
    """A staff member with an approved SKP, her PPK, a stranger, the admin."""

    def __init__(self, server: LiveServer, tmp_path: Path) -> None:
        server.add_employee(PPK, "Kepala Bidang")
        server.add_employee(STAFF, "Staf Pelayanan", atasan_nip=PPK)
        server.add_employee(STRANGER, "Staf Bidang Lain")
        server.add_employee(ADMIN, "Admin BKD", roles=["admin"])
        self.server = server
        self.period_id, plan_id, self.item_id = (str(uuid.uuid4()) for _ in range(3))
        self._push(ADMIN, "period", samples.period(), None, self.period_id)
        self._push(STAFF, "plan", samples.plan(self.period_id, PPK), STAFF, plan_id)
        self._push(STAFF, "plan_item", samples.plan_item(plan_id), STAFF, self.item_id)
        submitted = samples.plan(self.period_id, PPK, status="submitted")
        self._push(STAFF, "plan", submitted, STAFF, plan_id, base_rev=1)
        approved = samples.plan(self.period_id, PPK, status="approved")
        self._push(PPK, "plan", approved, STAFF, plan_id, base_rev=2)
        self.staff = Device(tmp_path / "staff", server, STAFF, server.token_for(STAFF))
        self.ppk = Device(tmp_path / "ppk", server, PPK, server.token_for(PPK))
        self.stranger = Device(tmp_path / "stranger", server, STRANGER, server.token_for(STRANGER))
        self.staff.sync()

    def _push(
        self, nip: str, collection: str, data: Any, owner: str | None, id: str, base_rev: Any = None
    ) -> None:
        [result] = self.server.push(
            self.server.token_for(nip),
            [mutation(collection, data, owner=owner, id=id, base_rev=base_rev)],
        )
        assert result["status"] == "applied", result

    def realisasi(self, *files: BlobInfo) -> str:
        data = samples.progress(self.item_id, self.period_id)
        data["evidence"] = [{"label": f.name, "blob": f.as_blob()} for f in files]
        return self.staff.create(data, "progress")


@pytest.fixture(params=["sqlite", "postgresql"])
def office(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Office]:
    """The files live in the database (docs/protocol2.md): both databases are tried."""
    if request.param == "sqlite":
        server = LiveServer.start(tmp_path / "server")
    else:
        cluster: pg.Server = request.getfixturevalue("pg_server")
        server = LiveServer.start(tmp_path / "server", cluster.new_database())
    yield Office(server, tmp_path)
    server.close()


def a_file(tmp_path: Path, size: int, name: str = "laporan.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(os.urandom(size))
    return path


def test_a_file_goes_with_its_realisasi_and_opens_for_the_ppk(
    office: Office, tmp_path: Path
) -> None:
    source = a_file(tmp_path, 2 * PART_BYTES + 1234)
    info = office.staff.store.blobs.put(source)
    record_id = office.realisasi(info)

    report = office.staff.sync()

    assert (report.blobs_sent, report.applied, report.rejected) == (1, 1, 0)
    office.ppk.sync()
    assert office.ppk.record(record_id, "progress")["data"]["evidence"][0]["blob"] == info.as_blob()
    assert office.ppk.store.blobs.path(info.sha256) is None  # not fetched by the sync
    opened = fetch_blob(office.ppk.store, info.sha256)
    assert opened.read_bytes() == source.read_bytes()
    with pytest.raises(BlobNotFound):  # existence is not told to who may not read it
        fetch_blob(office.stranger.store, info.sha256)


def test_a_file_already_on_the_server_is_not_sent_again(office: Office, tmp_path: Path) -> None:
    info = office.staff.store.blobs.put(a_file(tmp_path, 300_000))
    office.realisasi(info)
    office.staff.sync()
    office.realisasi(info)
    puts: list[int] = []
    real = httpx.HTTPTransport()
    router = new_router()

    def counted(request: httpx.Request) -> httpx.Response:
        puts.append(len(request.content))
        return relay(real, request)

    router.put(path__regex=r"/blobs/").mock(side_effect=counted)
    report = office.staff.sync(transport=faulty_link(router, real))
    assert (report.blobs_sent, report.applied, puts) == (0, 1, [])


def test_a_dropped_link_resumes_where_the_server_stopped(office: Office, tmp_path: Path) -> None:
    size = 3 * PART_BYTES + 10
    info = office.staff.store.blobs.put(a_file(tmp_path, size))
    record_id = office.realisasi(info)
    real = httpx.HTTPTransport()
    router = new_router()
    sent: list[int] = []

    def drops_after_two_parts(request: httpx.Request) -> httpx.Response:
        if len(sent) == 2:
            raise httpx.ConnectError("the link dropped", request=request)
        sent.append(len(request.content))
        return relay(real, request)

    router.put(path__regex=r"/blobs/").mock(side_effect=drops_after_two_parts)
    first = office.staff.engine(transport=faulty_link(router, real)).run_round()
    assert first.error == "unreachable" and sent == [PART_BYTES, PART_BYTES]

    resumed: list[int] = []

    def counted(request: httpx.Request) -> httpx.Response:
        resumed.append(len(request.content))
        return relay(real, request)

    router = new_router()
    router.put(path__regex=r"/blobs/").mock(side_effect=counted)
    second = office.staff.sync(transport=faulty_link(router, real))
    assert sum(resumed) == size - 2 * PART_BYTES  # only what the server lacked
    assert (second.blobs_sent, second.applied) == (1, 1)
    office.ppk.sync()
    assert fetch_blob(office.ppk.store, info.sha256).read_bytes() == office.staff.store.blobs.read(
        info.sha256
    )
    assert office.ppk.record(record_id, "progress")["rev"] == 1


def test_a_realisasi_naming_a_file_the_server_lacks_is_rejected_alone(
    office: Office, tmp_path: Path
) -> None:
    info = office.staff.store.blobs.put(a_file(tmp_path, 1000))
    office.realisasi(info)
    (office.staff.store.blobs.path(info.sha256) or Path("/nonexistent")).unlink()  # lost here
    office.staff.create({**samples.training()}, "training")
    report = office.staff.engine().run_round()
    assert report.error is None and (report.applied, report.rejected) == (1, 1)
