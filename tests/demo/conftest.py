"""A demo folder seeded once per test session, copied for each test that starts it.

The first start (database, office, passwords, the sample year over the
protocol, the first sign-in) is what a person's first ``kinerja demo`` does;
its step lines are kept so tests can read what the terminal showed.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from demo.setup import Demo, start_demo
from demo.steps import Steps


@pytest.fixture(autouse=True)
def indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the demo says is read in Indonesian, whatever the machine's LANG."""
    monkeypatch.setenv("KINERJA_LANG", "id")


@dataclass(frozen=True)
class Seeded:
    folder: Path
    steps: list[str]  # the lines the first start wrote
    url: str  # where it served


@pytest.fixture(scope="session")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Seeded:
    folder = tmp_path_factory.mktemp("seeded") / "demo"
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as env:
        env.setenv("KINERJA_LANG", "id")  # the steps are read in Indonesian
        demo = start_demo(folder, steps=Steps(out))
    demo.server.stop()
    return Seeded(folder, out.getvalue().splitlines(), demo.server.url)


@pytest.fixture
def demo_folder(seeded: Seeded, tmp_path: Path) -> Path:
    """A copy of the seeded folder, stopped, on its remembered port."""
    folder = tmp_path / "demo"
    shutil.copytree(seeded.folder, folder)
    return folder


@pytest.fixture
def running(demo_folder: Path) -> Iterator[Demo]:
    """The copy served again, as ``kinerja demo --data`` restarts it."""
    demo = start_demo(demo_folder)
    yield demo
    demo.server.stop()
