"""A store problem at start is one line or a notice, never a stack trace."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from client.services import open_profile
from demo.office import SUPERIOR
from demo.offline import install_profile
from tests.tui.shell_world import shell_app

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_LANG", "id")


async def test_a_damaged_store_is_set_aside_and_the_app_says_so(tmp_path: Path) -> None:
    install_profile(tmp_path, SUPERIOR.nip)
    (tmp_path / "store.json").write_text("{bukan json", encoding="utf-8")
    (tmp_path / "store.journal").write_text("rusak\n", encoding="utf-8")
    opened = open_profile(tmp_path)
    services, notices = opened.services, list(opened.notices)
    assert len(notices) == 1 and "disisihkan" in notices[0]
    assert any(p.name.startswith("store.json.damaged") for p in tmp_path.iterdir())
    app = shell_app(tmp_path, services, notices=notices)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert any("disisihkan" in str(n.message) for n in app._notifications)


def test_a_store_from_a_newer_kinerja_is_one_line_and_exit_2(tmp_path: Path) -> None:
    store = install_profile(tmp_path, SUPERIOR.nip)
    with store.transaction() as tx:
        tx.put("meta", "schema_version", 99)
    result = subprocess.run(
        [sys.executable, "-m", "tui.cli"],
        cwd=ROOT,
        env={**os.environ, "KINERJA_HOME": str(tmp_path), "KINERJA_LANG": "id"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("kinerja: galat: ")
    assert "ditulis oleh versi Kinerja yang lebih baru (skema 99" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
