"""The Keberatan screen at 80x24 in both themes: the employee's open window,
and the atasan PPK's objection to decide with its decision form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from domain.predikat import predikat
from tests.tui.test_year_world import KADIS, PLAN, PPK, Q1, STAFF, Host, profile, put_pulled
from tui.screens.objection.screen import ObjectionScreen
from tui.themes import ANSI, DEFAULT

EVALUATION = "00000000-0000-4000-8000-0000000e0001"
OBJECTION = "00000000-0000-4000-8000-0000000e0101"


def _year(home: Path, me: str, *, objection: bool) -> Any:
    services = profile(home, me)
    data = {
        "period_id": Q1,
        "plan_id": PLAN,
        "result_rating": "below",
        "behaviour_rating": "as_expected",
        "behaviour_notes": {"service": "Perlu lebih cepat menjawab pemohon"},
        "item_notes": {},
        "predikat": predikat("below", "as_expected"),
        "status": "final",
        "finalised_at": "2026-12-10T09:00:00+09:00",
    }
    put_pulled(services.store, "evaluation", EVALUATION, STAFF, data, by=PPK)
    if objection:
        reason = {
            "evaluation_id": EVALUATION,
            "reason": "Target berkas terhambat gangguan OSS selama tiga minggu.",
            "filed_at": "2026-12-15T10:00:00+09:00",
        }
        put_pulled(services.store, "objection", OBJECTION, STAFF, reason, by=STAFF)
    return services


@pytest.mark.parametrize("theme", [DEFAULT, ANSI])
def test_snapshot_the_employee_may_object(snap_compare: Any, tmp_path: Path, theme: str) -> None:
    services = _year(tmp_path, STAFF, objection=False)
    assert snap_compare(Host(lambda: ObjectionScreen(services), theme=theme))


@pytest.mark.parametrize("theme", [DEFAULT, ANSI])
def test_snapshot_the_atasan_ppk_decides(snap_compare: Any, tmp_path: Path, theme: str) -> None:
    services = _year(tmp_path, KADIS, objection=True)
    assert snap_compare(Host(lambda: ObjectionScreen(services), theme=theme))


@pytest.mark.parametrize("theme", [DEFAULT, ANSI])
def test_snapshot_the_decision_form(snap_compare: Any, tmp_path: Path, theme: str) -> None:
    services = _year(tmp_path, KADIS, objection=True)
    app = Host(lambda: ObjectionScreen(services), theme=theme)
    assert snap_compare(app, press=["ctrl+g", "enter", "down", "enter"])
