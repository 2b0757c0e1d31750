"""domain, store, sync, client and server never pull in Textual (style.md, Harlequin)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE_PACKAGES = ("domain", "store", "sync", "client", "server")


def _modules(package: str) -> list[str]:
    found = [package]
    for info in pkgutil.walk_packages([str(ROOT / package)], prefix=f"{package}."):
        found.append(info.name)
    return found


def _loaded(code: str, roots: tuple[str, ...]) -> str:
    """The modules under ``roots`` that ``code`` loads in a fresh interpreter, by commas."""
    probe = code + (
        "import sys\n"
        f"print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in {roots!r})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize("package", CORE_PACKAGES)
def test_core_package_imports_without_textual(package: str) -> None:
    code = (
        f"import importlib\nfor name in {_modules(package)!r}:\n    importlib.import_module(name)\n"
    )
    leaked = _loaded(code, ("textual",))
    assert leaked == "", f"{package} imported {leaked}"


def test_the_first_screen_loads_no_document_writers() -> None:
    """ReportLab (0.16 s) and xlsxwriter load with the first print or export, not at start."""
    heavy = _loaded(
        "import tui.app, tui.screens.home.screen\n",
        ("reportlab", "xlsxwriter", "pypdf", "openpyxl"),
    )
    assert heavy == "", f"the first screen imported {heavy}"
