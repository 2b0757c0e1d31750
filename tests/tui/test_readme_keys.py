"""The README's key tables match F1: written from the registry F1 reads
(scripts/key_tables.py), and every row F1 shows on every area is in them."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.widgets import DataTable

from tests.tui.shell_world import shell_app, signed_in
from tui.actions import ACTIONS
from tui.areas import AREAS

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("key_tables", ROOT / "scripts" / "key_tables.py")
assert spec and spec.loader
key_tables = importlib.util.module_from_spec(spec)
spec.loader.exec_module(key_tables)

README = (ROOT / "README.md").read_text(encoding="utf-8")
ROW = re.compile(r"^\| (?P<key>[^|]+) \| (?P<label>[^|]+) \| `(?P<id>[a-z0-9_.]+)` \|$", re.M)


def test_the_readme_tables_are_up_to_date() -> None:
    assert key_tables.with_tables(README) == README, "run scripts/key_tables.py"


async def test_every_key_f1_shows_is_in_the_readme_as_f1_shows_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KINERJA_LANG", "en")
    in_readme = {(m["id"], m["label"]): m["key"] for m in ROW.finditer(README)}
    registry = {a.id: a for a in ACTIONS}
    app = shell_app(tmp_path, signed_in(tmp_path))
    checked = 0
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        for area in AREAS:
            await pilot.press(area.key, "f1")
            await pilot.pause()
            table = app.screen.query_one("#help-keys", DataTable)
            for index in range(table.row_count):
                key, label, binding_id = (str(cell) for cell in table.get_row_at(index))
                # F1 also lists the keys that don't apply at this moment, marked so;
                # the README lists the key with its plain label.
                label = label.removesuffix(" (not now)")
                assert (binding_id, label) in in_readme, f"F1 on {area.id}: {binding_id} {label}"
                default = registry[binding_id].key.split(",")[0]
                assert key == app.get_key_display(Binding(default, "")), binding_id
                checked += 1
            await pilot.press("escape")
    assert checked > 20
