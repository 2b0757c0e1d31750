"""The server's organisation cache follows each org change without reading the whole organisation."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Connection

from domain.deadlines import office_date
from domain.org import Organisation
from server import db, org, recordstore
from server.org import OrgCache, load_org
from tests.server.office import ADMIN, KEPALA, PPK, STAFF, STRANGER, Office
from tests.support.live_server import LiveServer


@pytest.fixture
def office(live_server: LiveServer) -> Office:
    return Office(live_server)


def _acting(nip: str, for_nip: str) -> dict[str, Any]:
    today = office_date(db.now()).isoformat()
    return {"nip": nip, "for_nip": for_nip, "kind": "plt", "start": today, "end": today}


def _employee(office: Office, nip: str) -> dict[str, Any]:
    with db.reading(office.server.engine) as conn:
        [record] = [r for r in recordstore.of_collection(conn, "employee") if r["owner"] == nip]
    return record


def _rewrite(office: Office, nip: str, **changes: Any) -> None:
    record = _employee(office, nip)
    office.write(
        ADMIN, "employee", dict(record["data"], **changes), owner=nip,
        id=record["id"], base_rev=record["rev"],
    )  # fmt: skip


def _counted_full_reads(monkeypatch: pytest.MonkeyPatch) -> list[Connection]:
    """The connections the organisation is read whole on, from now on."""
    full_reads: list[Connection] = []

    def counted(conn: Connection) -> Organisation:
        full_reads.append(conn)
        return load_org(conn)

    monkeypatch.setattr(org, "load_org", counted)
    return full_reads


def test_each_org_change_is_applied_on_top_of_the_cached_organisation(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = office.server.engine
    orgs = OrgCache()
    with db.reading(engine) as conn:
        orgs.get(conn)
    full_reads = _counted_full_reads(monkeypatch)

    changes = [
        lambda: _rewrite(office, STAFF, atasan_nip=KEPALA),  # moved under another atasan
        lambda: _rewrite(office, STRANGER, active=False),  # deactivated
        lambda: _rewrite(office, PPK, roles=["admin"], name="Kepala Bidang Baru"),
        lambda: office.write(ADMIN, "acting", _acting(STRANGER, PPK), owner=STRANGER),
    ]
    for change in changes:
        change()
        with db.reading(engine) as conn:
            cached = orgs.get(conn)
            assert cached == load_org(conn)
    assert full_reads == []
    assert cached.atasan_of(STAFF) == KEPALA
    assert not cached.is_active(STRANGER)
    assert [a.for_nip for a in cached.acting()] == [PPK]


def test_a_version_older_than_the_cached_one_reads_the_organisation_whole(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A restored database, or a reader whose snapshot began before the change:
    the organisation is read whole for it, and the cache keeps the newer one."""
    engine = office.server.engine
    orgs = OrgCache()
    with db.reading(engine) as conn:
        version = org.org_version(*conn.execute(org._VERSION).one())
    _rewrite(office, STAFF, atasan_nip=KEPALA)
    with db.reading(engine) as conn:
        newest = orgs.get(conn)
    full_reads = _counted_full_reads(monkeypatch)
    with db.reading(engine) as conn:
        older = orgs.get(conn, version)
        assert full_reads == [conn]
        assert older == load_org(conn)
        assert orgs.get(conn) is newest
    assert newest.atasan_of(STAFF) == KEPALA
