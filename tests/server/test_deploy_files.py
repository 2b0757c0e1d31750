"""docs/deploy/: the systemd units and the nginx example pass their validators, and a typo does not."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.live_server import ROOT

SCRIPT = ROOT / "scripts" / "check_deploy_files.py"
spec = importlib.util.spec_from_file_location("check_deploy_files", SCRIPT)
assert spec and spec.loader
check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check)


def test_the_shipped_files_are_valid() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "WRONG" not in done.stdout


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        ("kinerja-server.service", "Restart=on-failure", "Restart=sometimes"),
        ("kinerja-server-backup.timer", "[Timer]", "[Timr]"),
        ("nginx-kinerja.conf", "proxy_read_timeout 120s;", "proxy_read_timeout 120s"),
        ("nginx-kinerja.conf", "client_max_body_size 11m;", "client_max_body 11m;"),
    ],
)
def test_a_typo_is_caught(
    name: str, old: str, new: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "deploy"
    shutil.copytree(check.DEPLOY, copy)
    text = (copy / name).read_text()
    assert old in text
    (copy / name).write_text(text.replace(old, new))
    monkeypatch.setattr(check, "DEPLOY", copy)
    scratch = tmp_path / "scratch"
    (scratch / "units").mkdir(parents=True)
    (scratch / "nginx").mkdir()
    problems = check.check_units(scratch / "units") + check.check_nginx(scratch / "nginx")
    assert problems and all(name in problem for problem in problems), problems
