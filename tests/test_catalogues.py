"""The committed .mo files are what their .po sources compile to."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from domain.i18n import LOCALE_DIR, language

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location(
    "compile_catalogues", ROOT / "scripts" / "compile_catalogues.py"
)
assert spec and spec.loader
compile_catalogues = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compile_catalogues)

PO_FILES = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))


@pytest.mark.parametrize(
    "po_path", PO_FILES, ids=[str(p.relative_to(LOCALE_DIR)) for p in PO_FILES]
)
def test_mo_is_up_to_date(po_path: Path) -> None:
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"run scripts/compile_catalogues.py: {mo_path} is missing"
    assert mo_path.read_bytes() == compile_catalogues.compiled(po_path), (
        f"run scripts/compile_catalogues.py: {mo_path} is stale"
    )


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "id"),
        ({"LANG": "C.UTF-8"}, "id"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "id_ID.UTF-8"}, "id"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "id_ID.UTF-8"}, "en"),
        ({"KINERJA_LANG": "en", "LANG": "id_ID.UTF-8"}, "en"),
        ({"KINERJA_LANG": "id", "LANG": "en_US.UTF-8"}, "id"),
    ],
)
def test_language_follows_environment(environ: dict[str, str], expected: str) -> None:
    assert language(environ) == expected
