"""The schema version and its migration hook."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import StoreTooNew, migrations, open_store
from store.transaction import Transaction


def test_a_new_store_starts_at_the_current_version(tmp_path: Path) -> None:
    assert open_store(tmp_path).get_meta("schema_version") == migrations.CURRENT_VERSION == 2


def test_a_migration_runs_once_under_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_store(tmp_path).records.edit("unit", "u1", {"name": "BKD"}, owner=None, by="x")
    runs: list[int] = []

    def add_code(tx: Transaction) -> None:
        runs.append(1)
        for key, record in tx.all("records").items():
            record["data"]["code"] = record["data"]["name"].lower()
            tx.put("records", key, record)

    monkeypatch.setattr(migrations, "CURRENT_VERSION", 3)
    monkeypatch.setattr(migrations, "MIGRATIONS", {2: add_code})
    first = open_store(tmp_path)
    second = open_store(tmp_path)
    assert runs == [1]
    assert second.get_meta("schema_version") == 3
    assert first.records.get("unit", "u1")["data"] == {"name": "BKD", "code": "bkd"}  # type: ignore[index]


def test_a_store_from_a_newer_kinerja_is_refused_untouched(tmp_path: Path) -> None:
    db = open_store(tmp_path)
    with db.transaction() as tx:
        tx.put("meta", "schema_version", 7)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    with pytest.raises(StoreTooNew) as caught:
        open_store(tmp_path)
    assert "Perbarui Kinerja" in caught.value.message("id")
    assert "Update Kinerja" in caught.value.message("en")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
