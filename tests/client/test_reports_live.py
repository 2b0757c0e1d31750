"""client.reports against a live server: fetched, kept, read offline with its date, or local."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from client.records import Snapshot
from client.reports import TEAM_COLLECTIONS, cached_report, fetch_report, team_report
from client.services import Services
from sync.link import LinkError, Unreachable
from tests.server import samples
from tests.server.office import KEPALA, STAFF, STRANGER
from tests.server.test_reports import INTERN, Chart
from tests.support.live_server import LiveServer
from tests.sync.devices import Device


@pytest.fixture
def chart(tmp_path: Path) -> Iterator[Chart]:
    server = LiveServer.start(tmp_path / "server")
    yield Chart(server)
    server.close()


def services(chart: Chart, nip: str, home: Path) -> tuple[Device, Services]:
    device = Device(home, chart.server, nip, chart.tokens[nip])
    return device, Services(store=device.store, me=nip, home=home)


def test_a_fetched_report_is_kept_and_read_offline_with_its_date(
    chart: Chart, tmp_path: Path
) -> None:
    chart.plan("submitted", items=1)
    _, kepala = services(chart, KEPALA, tmp_path / "kepala")
    assert cached_report(kepala, "plans", chart.period_id) is None
    fresh = fetch_report(kepala, "plans", chart.period_id)
    assert not fresh.offline and fresh.unit_id is None
    assert sum(row["submitted"] for row in fresh.rows) == 1
    chart.server.stop()
    kept = fetch_report(kepala, "plans", chart.period_id)
    assert kept.offline and (kept.made_at, kept.rows) == (fresh.made_at, fresh.rows)
    assert cached_report(kepala, "plans", chart.period_id) == kept
    # Another unit or period was never fetched: nothing to show, and the reason why.
    with pytest.raises(Unreachable):
        fetch_report(kepala, "plans", chart.period_id, unit_id=chart.unit_id("Bidang Pelayanan"))


def test_a_refusal_is_told_and_nothing_is_kept(chart: Chart, tmp_path: Path) -> None:
    _, stranger = services(chart, STRANGER, tmp_path / "stranger")
    with pytest.raises(LinkError) as refused:
        fetch_report(stranger, "training", chart.period_id)
    assert refused.value.code == "refused"
    assert cached_report(stranger, "training", chart.period_id) is None


def test_a_ppks_team_report_is_computed_offline_as_the_server_would(
    chart: Chart, tmp_path: Path
) -> None:
    chart.write(INTERN, "training", samples.training(jp=8), owner=INTERN)
    device, staff = services(chart, STAFF, tmp_path / "staff")
    device.sync()
    server_rows = fetch_report(staff, "training", chart.period_id).rows
    chart.server.stop()
    snapshot = Snapshot.read(staff, TEAM_COLLECTIONS)
    local = team_report(snapshot, "training", chart.period_id, date.today())
    assert local.offline and local.rows == server_rows
    assert [(row["nip"], row["jp"]) for row in local.rows] == [(INTERN, 8)]
    unknown = team_report(snapshot, "training", "no-such-period", date.today())
    assert unknown.rows == []
