"""``kinerja demo``: a real server on loopback, seeded over the protocol, two profiles."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from textual.widgets import OptionList

from demo.office import EMPLOYEE, HR_ADMIN, PASSWORD, PEOPLE, SUPERIOR
from demo.setup import services_for, switch_between
from tests.tui.shell_world import screen_text, shell_app

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 120.0


@dataclass
class RunningDemo:
    url: str
    data: Path
    output: str


def _lines_of(process: subprocess.Popen[str]) -> queue.Queue[str | None]:
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    return lines


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningDemo]:
    data = tmp_path_factory.mktemp("demo")
    env = {**os.environ, "KINERJA_LANG": "id"}
    process = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "demo", "--no-tui", "--data", str(data)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines, output = _lines_of(process), []
    try:
        while not output or "Ctrl+C" not in output[-1]:
            line = lines.get(timeout=START_TIMEOUT)
            if line is None:
                raise AssertionError("kinerja demo ended early:\n" + "".join(output))
            output.append(line)
        text = "".join(output)
        url = next(
            line.split(": ", 1)[1].strip() for line in output if "Server demo Kinerja" in line
        )
        yield RunningDemo(url, data, text)
    finally:
        process.send_signal(signal.SIGINT)
        code = process.wait(timeout=30)
    assert code == 0


def test_no_tui_prints_the_address_and_every_sample_account(demo: RunningDemo) -> None:
    assert demo.url.startswith("http://127.0.0.1:")
    assert f"Akun contoh (kata sandi {PASSWORD} untuk semua):" in demo.output
    for person in PEOPLE:
        assert f"{person.nip}  {person.name}" in demo.output


def test_the_server_answers_and_a_sample_account_signs_in(demo: RunningDemo) -> None:
    hello = httpx.get(f"{demo.url}/api/v1/hello").json()
    assert hello["protocol"] == 2
    answer = httpx.post(
        f"{demo.url}/api/v1/session", json={"nip": SUPERIOR.nip, "password": PASSWORD}
    )
    assert answer.status_code == 200
    assert answer.json()["user"]["name"] == SUPERIOR.name


def _everything_as_admin(url: str) -> list[dict[str, Any]]:
    """The admin's feed (the instansi's employees, units, periods), then each
    person's records fetched on demand, as protocol 2 has the HR office do."""
    token = httpx.post(
        f"{url}/api/v1/session", json={"nip": HR_ADMIN.nip, "password": PASSWORD}
    ).json()["token"]
    records: list[dict[str, Any]] = []
    since, more = 0, True
    with httpx.Client(headers={"Authorization": f"Bearer {token}"}) as client:
        while more:
            page = client.get(
                f"{url}/api/v1/changes", params={"since": since, "limit": 1000}
            ).json()
            records += page["changes"]
            since, more = page["next"], page["more"]
        seen = {(r["collection"], r["id"]) for r in records}
        for person in PEOPLE:
            found = client.get(f"{url}/api/v1/records", params={"owner": person.nip}).json()
            records += [r for r in found["records"] if (r["collection"], r["id"]) not in seen]
    return records


def test_the_seeded_year_has_skp_in_every_status(demo: RunningDemo) -> None:
    records = _everything_as_admin(demo.url)
    by_collection: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        by_collection.setdefault(record["collection"], []).append(record)
    plans = by_collection["plan"]
    assert {p["data"]["status"] for p in plans} == {"draft", "submitted", "approved", "returned"}
    assert all(p["updated_by"] in (p["owner"], p["data"]["ppk_nip"]) for p in plans)
    assert len(by_collection["employee"]) == len(PEOPLE)
    assert {p["data"]["kind"] for p in by_collection["period"]} == {"annual", "quarterly"}
    approved = {p["id"] for p in plans if p["data"]["status"] == "approved"}
    items_of_approved = {
        i["id"] for i in by_collection["plan_item"] if i["data"]["plan_id"] in approved
    }
    assert {r["data"]["plan_item_id"] for r in by_collection["progress"]} == items_of_approved
    assert any(f["data"].get("acknowledged_at") for f in by_collection["feedback"])
    assert {e["data"]["status"] for e in by_collection["evaluation"]} == {"draft", "final"}


async def test_the_demo_profiles_show_both_sides(
    demo: RunningDemo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KINERJA_LANG", "id")
    superior, employee = demo.data / "profiles" / "superior", demo.data / "profiles" / "employee"
    app = shell_app(
        superior, services_for(superior), switch_profiles=switch_between(superior, employee)
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        waiting = [str(o.prompt) for o in app.screen.query_one(OptionList).options]
        assert waiting[0] == "SKP untuk disetujui (1): Siti Marasabessy, S.E."
        await pilot.press("f8")
        await pilot.pause(0.2)
        assert app.services is not None and app.services.me == EMPLOYEE.nip
        assert "SKP saya Tahun 2026: Disetujui · 3 RHK" in screen_text(app)
