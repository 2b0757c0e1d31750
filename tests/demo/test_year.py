"""The demo's year, read back from its live server as the people concerned read it.

What the demo promises to show (issues 11 and 12): SKP in every status and a
newcomer with none; quarterly periods, the first three evaluated and final,
the fourth in draft; units rated, one team breaking the curve; an objection
waiting for the atasan PPK and one decided; a coaching path with its steps;
a reward; a team with two people short of 20 JP; a Plt running today. Every
record was written by its author through the protocol, so the server set
its ``created_by`` and its own instants.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from demo.evaluations import finalised_on
from demo.ids import YEAR, evaluation_id, period_id
from demo.office import (
    EMPLOYEE,
    HEAD,
    HR_ADMIN,
    INVESTMENT,
    LICENSING,
    NEWCOMER,
    PASSWORD,
    PEOPLE,
    SECOND_SUPERIOR,
    STAFF,
    SUPERIOR,
)
from demo.sample import sample_writes
from demo.setup import start_demo
from domain.curve import check_curve
from domain.deadlines import office_date
from domain.training import jp_shortfall
from tests.demo.conftest import Seeded

Record = dict[str, Any]
SITI, YUSUF, HENDRA, WAHYUNI, IRFAN = STAFF[1], STAFF[2], STAFF[4], STAFF[5], STAFF[6]


class Office:
    """The server's records, fetched as the admin (on demand) and as people (their feed)."""

    def __init__(self, url: str) -> None:
        self.api = f"{url}/api/v1"
        self.clients: dict[str, httpx.Client] = {}
        self.owned: dict[str, list[Record]] = {}

    def as_person(self, nip: str) -> httpx.Client:
        if nip not in self.clients:
            answer = httpx.post(f"{self.api}/session", json={"nip": nip, "password": PASSWORD})
            answer.raise_for_status()
            token = answer.json()["token"]
            self.clients[nip] = httpx.Client(
                base_url=self.api, headers={"Authorization": f"Bearer {token}"}
            )
        return self.clients[nip]

    def records_of(self, owner: str, collection: str | None = None) -> list[Record]:
        if owner not in self.owned:
            answer = self.as_person(HR_ADMIN.nip).get("/records", params={"owner": owner})
            answer.raise_for_status()
            self.owned[owner] = answer.json()["records"]
        return [r for r in self.owned[owner] if collection in (None, r["collection"])]

    def feed(self, nip: str) -> list[Record]:
        records: list[Record] = []
        since, mark, more = 0, "", True
        while more:
            page = self.as_person(nip).get("/changes", params={"since": since, "mark": mark})
            page.raise_for_status()
            body = page.json()
            records += body["changes"]
            since, mark, more = body["next"], body.get("mark", ""), body["more"]
        return records

    def one(self, owner: str, collection: str, record_id: str) -> Record:
        return next(r for r in self.records_of(owner, collection) if r["id"] == record_id)

    def close(self) -> None:
        for client in self.clients.values():
            client.close()


@pytest.fixture(scope="module")
def office(seeded: Seeded, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    folder = tmp_path_factory.mktemp("year") / "demo"
    shutil.copytree(seeded.folder, folder)
    demo = start_demo(folder)
    view = Office(demo.server.url)
    yield view
    view.close()
    demo.server.stop()


def test_every_skp_status_and_a_newcomer_without_one(office: Office) -> None:
    plans = {p.nip: office.records_of(p.nip, "plan") for p in PEOPLE}
    assert plans[NEWCOMER.nip] == []
    status = {nip: found[0]["data"]["status"] for nip, found in plans.items() if found}
    assert status[EMPLOYEE.nip] == "approved"
    assert status[SITI.nip] == "submitted"
    assert status[YUSUF.nip] == "returned"
    returned = plans[YUSUF.nip][0]
    assert returned["data"]["return_note"] and returned["updated_by"] == SUPERIOR.nip
    assert set(status.values()) == {"draft", "submitted", "approved", "returned"}


def test_quarters_evaluated_and_final_then_a_draft(office: Office) -> None:
    periods = {r["id"]: r["data"] for r in office.feed(EMPLOYEE.nip) if r["collection"] == "period"}
    quarters = [period_id("quarterly", n) for n in range(1, 5)]
    assert [periods[q]["kind"] for q in quarters] == ["quarterly"] * 4
    evaluations = {r["data"]["period_id"]: r for r in office.records_of(EMPLOYEE.nip, "evaluation")}
    assert [evaluations[q]["data"]["status"] for q in quarters] == [
        "final",
        "final",
        "final",
        "draft",
    ]
    first = evaluations[quarters[0]]
    # The server's time of finalising, not the one the PPK's client sent.
    assert first["data"]["finalised_at"] != finalised_on(1)
    assert first["created_by"] == SUPERIOR.nip


def _team_predikats(office: Office, ppk: str, unit_name: str, quarter: int) -> list[str]:
    """The predikat of ``ppk``'s team in the unit for the quarter, the unit rated Baik."""
    units = {r["data"]["name"]: r for r in office.feed(ppk) if r["collection"] == "unit"}
    team = [p for p in PEOPLE if p.atasan_nip == ppk and p.unit == unit_name]
    found = []
    for person in team:
        for evaluation in office.records_of(person.nip, "evaluation"):
            if evaluation["data"]["period_id"] == period_id("quarterly", quarter):
                found.append(evaluation["data"]["predikat"])
    assert units[unit_name]["data"]["ratings"][period_id("quarterly", quarter)] == "good"
    return found


def test_one_team_breaks_the_curve_the_other_keeps_it(office: Office) -> None:
    licensing = _team_predikats(office, SUPERIOR.nip, LICENSING, 3)
    investment = _team_predikats(office, SECOND_SUPERIOR.nip, INVESTMENT, 3)
    assert check_curve("good", licensing)
    assert check_curve("good", investment) == []


def test_an_objection_waits_for_the_atasan_ppk(office: Office) -> None:
    (waiting,) = office.records_of(EMPLOYEE.nip, "objection")
    assert waiting["data"]["evaluation_id"] == evaluation_id(EMPLOYEE.nip, 3)
    assert "decision" not in waiting["data"] or waiting["data"]["decision"] is None
    assert waiting["created_by"] == EMPLOYEE.nip
    # The Kepala Dinas, the atasan PPK, has it in his own feed to decide.
    assert waiting["id"] in {r["id"] for r in office.feed(HEAD.nip)}


def test_an_objection_decided_changed_the_predikat(office: Office) -> None:
    (heard,) = office.records_of(WAHYUNI.nip, "objection")
    decision = heard["data"]["decision"]
    assert (decision["outcome"], decision["decided_by"]) == ("changed", HEAD.nip)
    evaluation = office.one(WAHYUNI.nip, "evaluation", evaluation_id(WAHYUNI.nip, 2))
    assert evaluation["data"]["predikat"] == "good"
    assert evaluation["updated_by"] == HEAD.nip
    assert (evaluation["data"]["result_rating"], evaluation["data"]["behaviour_rating"]) == (
        decision["result_rating"],
        decision["behaviour_rating"],
    )


def test_a_coaching_path_in_progress_and_a_reward(office: Office) -> None:
    (coaching,) = office.records_of(IRFAN.nip, "follow_up")
    assert (coaching["data"]["kind"], coaching["data"]["status"]) == ("coaching", "open")
    assert [s["step"] for s in coaching["data"]["steps"]] == ["coaching", "competency_test"]
    assert coaching["created_by"] == SECOND_SUPERIOR.nip
    (reward,) = office.records_of(HENDRA.nip, "follow_up")
    assert reward["data"]["kind"] == "reward"
    assert reward["data"]["evaluation_id"] == evaluation_id(HENDRA.nip, 3)


def test_two_of_the_licensing_team_are_short_of_20_jp(office: Office) -> None:
    team = [p for p in PEOPLE if p.atasan_nip == SUPERIOR.nip]
    short = {
        person.nip
        for person in team
        if jp_shortfall([r["data"] for r in office.records_of(person.nip, "training")], YEAR)
    }
    assert short == {SITI.nip, YUSUF.nip}


def test_a_plt_runs_today(office: Office) -> None:
    (acting,) = [r for r in office.feed(EMPLOYEE.nip) if r["collection"] == "acting"]
    today = office_date(datetime.now(UTC)).isoformat()
    data = acting["data"]
    assert (data["kind"], data["nip"], data["for_nip"]) == (
        "plt",
        SUPERIOR.nip,
        SECOND_SUPERIOR.nip,
    )
    assert data["start"] <= today <= data["end"]
    assert acting["created_by"] == HR_ADMIN.nip
    # Standing in, she wrote the fourth quarter's draft of his staff member.
    draft = office.one(HENDRA.nip, "evaluation", evaluation_id(HENDRA.nip, 4))
    assert draft["created_by"] == SUPERIOR.nip


def test_the_first_start_told_its_steps(seeded: Seeded) -> None:
    assert len(seeded.steps) == 6
    assert seeded.steps[0].startswith("  [1/6] Membuat basis data server…")
    assert "13 pegawai" in seeded.steps[1]
    assert "Menulis tahun contoh…" in seeded.steps[4]
    assert f"{len(sample_writes())} perubahan" in seeded.steps[4]
    assert seeded.steps[5].startswith(f"  [6/6] Masuk sebagai {SUPERIOR.name}… berhasil masuk")
    assert all(line.endswith("detik)") for line in seeded.steps)


def test_the_folder_holds_the_first_profile_only(seeded: Seeded) -> None:
    profiles = Path(seeded.folder, "profiles")
    assert [p.name for p in profiles.iterdir()] == [SUPERIOR.nip]
