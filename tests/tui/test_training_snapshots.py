"""The Pelatihan screen at 80x24 in both themes: the employee short of JP,
the PPK's team line, and the training form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.tui.test_year_world import PPK, STAFF, STAFF_2, Host, profile, put_pulled
from tui.screens.training.screen import TrainingScreen
from tui.themes import ANSI, DEFAULT

COURSES = (
    (STAFF, "E-learning Kearsipan Digital", "non_classical", 12, "2026-05-15", "ANRI"),
    (STAFF_2, "Analisis Perizinan Berbasis Risiko", "classical", 24, "2026-03-11", "BPSDM"),
)


def _team(home: Path, me: str) -> Any:
    services = profile(home, me)
    for number, (owner, title, path, jp, end, organiser) in enumerate(COURSES):
        data = {
            "title": title,
            "path": path,
            "jp": jp,
            "start": end,
            "end": end,
            "organiser": organiser,
            "certificate": f"{number + 1:03d}/SERT/2026",
        }
        put_pulled(
            services.store,
            "training",
            f"00000000-0000-4000-8000-00000007000{number}",
            owner,
            data,
            by=owner,
        )
    return services


@pytest.mark.parametrize("theme", [DEFAULT, ANSI])
def test_snapshot_the_employee_short_of_jp(snap_compare: Any, tmp_path: Path, theme: str) -> None:
    services = _team(tmp_path, STAFF)
    assert snap_compare(Host(lambda: TrainingScreen(services), theme=theme))


@pytest.mark.parametrize("theme", [DEFAULT, ANSI])
def test_snapshot_the_ppk_sees_the_team(snap_compare: Any, tmp_path: Path, theme: str) -> None:
    services = _team(tmp_path, PPK)
    app = Host(lambda: TrainingScreen(services), theme=theme)
    assert snap_compare(app, press=["ctrl+t", "down", "down", "down", "enter"])


@pytest.mark.parametrize("theme", [DEFAULT, ANSI])
def test_snapshot_the_training_form(snap_compare: Any, tmp_path: Path, theme: str) -> None:
    services = _team(tmp_path, STAFF)
    app = Host(lambda: TrainingScreen(services), theme=theme)
    assert snap_compare(app, press=["ctrl+n", "tab", "tab", "x", "ctrl+s"])
