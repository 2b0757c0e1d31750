"""The bidang of test_year_world on a live server whose clock the test drives
(helpers for the Keberatan, Tindak lanjut and Pelatihan tests, no tests).

The live server runs in this process (a uvicorn thread), and every server
module asks ``server.db.now()`` for the time: a test moves the server's day by
patching that one function (as tests/server/test_scope.py does), and each
device's clock (``Services.clock``) follows the same ``Clock``. Nothing a
client sends can move the server's clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.app import App

from client.evaluation import evaluation_data
from domain.predikat import predikat
from server import db
from tests.support.live_server import LiveServer
from tests.tui.test_year_world import (
    ANNUAL,
    ITEMS,
    KADIS,
    OWNER_PLAN_DATA,
    PLAN,
    PLAN_DATA,
    Q1,
    STAFF,
    Device,
    live_bidang,
    screen_text,
)

# The PPK finalises on Monday 6 April 2026, 10:00 in Sofifi (WIT).
FINALISED = datetime(2026, 4, 6, 1, 0, tzinfo=UTC)
EVAL_Q1 = "00000000-0000-4000-8000-0000000e0001"
EVAL_YEAR = "00000000-0000-4000-8000-0000000e0002"


@dataclass
class Clock:
    """One instant for the server and every device; ``day(n)`` is n days after FINALISED."""

    now: datetime = FINALISED

    def __call__(self) -> datetime:
        return self.now

    def day(self, days: int) -> None:
        self.now = FINALISED + timedelta(days=days)


def live_year(
    server: LiveServer, home: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[dict[str, Device], Clock]:
    """The bidang with the Kepala Dinas on a device too, Siti's SKP approved, and
    her Triwulan I (Di Bawah / Sesuai: Butuh Perbaikan) and annual (Sesuai /
    Sesuai: Baik) evaluations final on FINALISED, by the server's clock."""
    clock = Clock()
    monkeypatch.setattr(db, "now", clock)
    devices = live_bidang(server, home)
    server.set_password(KADIS)
    devices["kadis"] = Device(home / "kadis", server, KADIS)
    for device in devices.values():
        device.services.clock = clock
    staff, ppk = devices["staff"], devices["ppk"]
    staff.sync()
    staff.edit("plan", PLAN, {**OWNER_PLAN_DATA, "status": "draft"}, STAFF)
    for item_id, data in ITEMS:
        staff.edit("plan_item", item_id, dict(data), STAFF)
    staff.sync()
    staff.edit("plan", PLAN, {**OWNER_PLAN_DATA, "status": "submitted"}, STAFF)
    staff.sync()
    ppk.sync()
    ppk.edit("plan", PLAN, {**PLAN_DATA, "status": "approved"}, STAFF)
    for record_id, period, ratings in (
        (EVAL_Q1, Q1, ("below", "as_expected")),
        (EVAL_YEAR, ANNUAL, ("as_expected", "as_expected")),
    ):
        data = evaluation_data(
            period_id=period,
            plan_id=PLAN,
            result_rating=ratings[0],
            behaviour_rating=ratings[1],
            predikat=predikat(*ratings),
            behaviour_notes={"service": "Perlu lebih cepat menjawab pemohon"},
            item_notes={},
            finalised_at=FINALISED.isoformat(),
        )
        ppk.edit("evaluation", record_id, data, STAFF)
    ppk.sync()
    for device in devices.values():
        device.sync()
    return devices, clock


def shown_text(app: App[Any]) -> str:
    """``screen_text`` and the rows of the screen's filter-as-you-type lists."""
    from tui.widgets.filter_list import FilterList

    parts = [screen_text(app)]
    for found in app.screen.query(FilterList):
        parts.extend(" | ".join(row.cells) for row in found.shown)
    return "\n".join(parts)
