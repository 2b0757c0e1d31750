"""GET /reports/<name>: figures over many people, for those who may ask, from the database.

The admin any unit; a unit's head that unit and below; a PPK their own team;
anyone else 403. Run on SQLite and PostgreSQL against a live server.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from domain.permissions import Actor
from server import db, recordstore, reports
from server.org import load_org
from tests.server import samples
from tests.server.office import ADMIN, KEPALA, PPK, STAFF, STRANGER, Office
from tests.support.live_server import LiveServer, make_nip

INTERN, OUTSIDER = make_nip(6), make_nip(7)
ROOT, SECTION, OTHER = "Sekretariat DPMPTSP", "Bidang Pelayanan", "Bidang Lain"


class Chart(Office):
    """Sekretariat (head KEPALA) over Bidang Pelayanan (head PPK: PPK, STAFF, INTERN);
    Bidang Lain stands apart (OUTSIDER)."""

    def __init__(self, server: LiveServer) -> None:
        super().__init__(server)
        server.add_employee(PPK, "Kepala Bidang", atasan_nip=KEPALA, unit=SECTION)
        server.add_employee(STAFF, "Staf Pelayanan", atasan_nip=PPK, unit=SECTION)
        server.add_employee(INTERN, "Staf Magang", atasan_nip=STAFF, unit=SECTION)
        server.add_employee(OUTSIDER, "Staf Bidang Lain", unit=OTHER)
        self.tokens |= {nip: server.token_for(nip) for nip in (INTERN, OUTSIDER)}
        self.units = {unit["data"]["name"]: unit for unit in self._units()}
        self.lead(ROOT, KEPALA, None)
        self.lead(SECTION, PPK, self.units[ROOT]["id"])

    def _units(self) -> list[dict[str, Any]]:
        with db.reading(self.server.engine) as conn:
            return recordstore.of_collection(conn, "unit")

    def lead(self, name: str, head: str, parent: str | None) -> None:
        unit = self.units[name]
        data = dict(unit["data"], head_nip=head, parent_id=parent)
        self.write(ADMIN, "unit", data, owner=None, id=unit["id"], base_rev=unit["rev"])

    def unit_id(self, name: str) -> str:
        return str(self.units[name]["id"])

    def report(self, nip: str, name: str, **params: Any) -> httpx.Response:
        params.setdefault("period_id", self.period_id)
        with self.server.client(self.tokens[nip]) as client:
            return client.get(f"/reports/{name}", params=params)

    def rows(self, nip: str, name: str, **params: Any) -> list[dict[str, Any]]:
        answer = self.report(nip, name, **params)
        assert answer.status_code == 200, answer.text
        return list(answer.json()["rows"])


@pytest.fixture(params=["sqlite", "postgresql"])
def chart(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Chart]:
    url = None if request.param == "sqlite" else str(request.getfixturevalue("pg_database"))
    server = LiveServer.start(tmp_path / "server", url)
    yield Chart(server)
    server.close()


def _units(rows: list[dict[str, Any]]) -> list[str]:
    return sorted(row["unit_name"] for row in rows)


def test_the_admin_asks_for_any_unit_or_the_whole_instansi(chart: Chart) -> None:
    chart.plan("submitted", items=1)
    answer = chart.report(ADMIN, "plans")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert set(body) == {"name", "made_at", "period_id", "unit_id", "rows"}
    assert (body["name"], body["period_id"], body["unit_id"]) == ("plans", chart.period_id, None)
    assert body["made_at"].endswith("+00:00")
    assert _units(body["rows"]) == [OTHER, SECTION, ROOT]
    [section] = chart.rows(ADMIN, "plans", unit_id=chart.unit_id(SECTION))
    assert (section["submitted"], section["missing"], section["total"]) == (1, 2, 3)
    # A unit and those below it.
    assert _units(chart.rows(ADMIN, "plans", unit_id=chart.unit_id(ROOT))) == [SECTION, ROOT]


def test_a_unit_head_sees_their_unit_and_below_and_nothing_else(chart: Chart) -> None:
    assert _units(chart.rows(KEPALA, "plans")) == [SECTION, ROOT]
    assert _units(chart.rows(PPK, "plans")) == [SECTION]
    assert chart.report(KEPALA, "plans", unit_id=chart.unit_id(OTHER)).status_code == 403
    assert chart.report(PPK, "plans", unit_id=chart.unit_id(ROOT)).status_code == 403
    assert _units(chart.rows(KEPALA, "plans", unit_id=chart.unit_id(SECTION))) == [SECTION]


def test_a_ppk_who_leads_no_unit_sees_their_team_only(chart: Chart) -> None:
    chart.write(INTERN, "training", samples.training(jp=8), owner=INTERN)
    chart.write(STAFF, "training", samples.training(jp=30), owner=STAFF)
    rows = chart.rows(STAFF, "training")
    assert [(row["nip"], row["jp"], row["short"]) for row in rows] == [(INTERN, 8, 12)]
    answer = chart.report(STAFF, "training", unit_id=chart.unit_id(SECTION))
    assert answer.status_code == 403
    assert answer.json()["error"]["code"] == "forbidden"
    assert answer.json()["error"]["message"].startswith("Laporan ini untuk admin")
    for nip in (STRANGER, OUTSIDER, INTERN):
        assert chart.report(nip, "training").status_code == 403, nip


def test_bad_names_periods_and_units_are_told_apart(chart: Chart) -> None:
    assert chart.report(ADMIN, "gaji").status_code == 400
    assert chart.report(ADMIN, "plans", period_id="tidak-ada").status_code == 404
    assert chart.report(ADMIN, "plans", unit_id="tidak-ada").status_code == 404
    with chart.server.client() as anonymous:
        assert anonymous.get("/reports/plans", params={"period_id": "x"}).status_code == 401


def test_on_track_reports_who_is_behind_from_the_servers_records(chart: Chart) -> None:
    plan = chart.plan("approved", items=1)
    chart.write(STAFF, "progress", samples.progress(plan["items"][0], chart.period_id), owner=STAFF)
    [row] = chart.rows(KEPALA, "on_track")
    assert (row["nip"], row["item_id"], row["target"], row["realisasi"]) == (
        STAFF, plan["items"][0], 120, 30,
    )  # fmt: skip
    # 30 of 120 is behind from April on; the sample period is 2026.
    assert row["behind"] is (row["ratio"] < 0.8) and row["expected"] > 0


def test_answers_over_a_kilobyte_come_compressed(chart: Chart) -> None:
    for n in range(10, 30):
        chart.server.add_employee(make_nip(n), f"Pegawai {n}", unit=OTHER)
    with chart.server.client(chart.tokens[ADMIN]) as client:
        request = client.build_request(
            "GET", "/reports/training", params={"period_id": chart.period_id}
        )
        answer = client.send(request, stream=True)
        wire = b"".join(answer.iter_raw())
    assert answer.headers["content-encoding"] == "gzip"
    assert len(json.loads(gzip.decompress(wire))["rows"]) == 7 + 20


def test_a_teams_report_reads_only_the_teams_people(chart: Chart) -> None:
    """What is read follows the team, not the instansi: the owners asked of the database."""
    with db.reading(chart.server.engine) as conn:
        day = load_org(conn).on(db.now())
        units = reports.units_of(conn)
        team = reports.reach(Actor(STAFF, frozenset()), day, units, None)
        whole = reports.reach(Actor(ADMIN, frozenset({"admin"})), day, units, None)
    assert team.nips == [INTERN]
    assert whole.nips is None
