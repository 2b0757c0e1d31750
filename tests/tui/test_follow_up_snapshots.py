"""The Tindak lanjut screen at 80x24 in both themes: a coaching path whose
next step is overdue beside a reward, and the new follow-up form's proposal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from domain.predikat import predikat
from tests.tui.test_year_world import PLAN, PPK, Q1, STAFF, STAFF_2, Host, profile, put_pulled
from tui.screens.follow_up.screen import FollowUpScreen
from tui.themes import ANSI, DEFAULT

EVALUATION = "00000000-0000-4000-8000-0000000e0001"


def _follow_ups(home: Path) -> Any:
    services = profile(home, PPK)
    evaluation = {
        "period_id": Q1,
        "plan_id": PLAN,
        "result_rating": "below",
        "behaviour_rating": "as_expected",
        "behaviour_notes": {},
        "item_notes": {},
        "predikat": predikat("below", "as_expected"),
        "status": "final",
        "finalised_at": "2026-04-06T10:00:00+09:00",
    }
    put_pulled(services.store, "evaluation", EVALUATION, STAFF, evaluation, by=PPK)
    coaching = {
        "kind": "coaching",
        "description": "Pendampingan mingguan oleh analis senior dan rencana pengembangan.",
        "start": "2026-04-13",
        "due": "2027-01-29",
        "status": "open",
        "evaluation_id": EVALUATION,
        "steps": [{"step": "coaching", "date": "2026-04-13", "note": "Pendamping: Fadli"}],
    }
    reward = {
        "kind": "reward",
        "description": "Piagam penghargaan pegawai berkinerja Sangat Baik.",
        "start": "2026-10-12",
        "status": "done",
        "steps": [],
    }
    put_pulled(
        services.store, "follow_up", "00000000-0000-4000-8000-000000060001", STAFF, coaching, by=PPK
    )
    put_pulled(
        services.store, "follow_up", "00000000-0000-4000-8000-000000060002", STAFF_2, reward, by=PPK
    )
    return services


@pytest.mark.parametrize("theme", [DEFAULT, ANSI])
def test_snapshot_an_overdue_coaching_step(snap_compare: Any, tmp_path: Path, theme: str) -> None:
    services = _follow_ups(tmp_path)
    assert snap_compare(Host(lambda: FollowUpScreen(services), theme=theme))


@pytest.mark.parametrize("theme", [DEFAULT, ANSI])
def test_snapshot_the_proposal(snap_compare: Any, tmp_path: Path, theme: str) -> None:
    services = _follow_ups(tmp_path)
    assert snap_compare(Host(lambda: FollowUpScreen(services), theme=theme), press=["ctrl+n"])
