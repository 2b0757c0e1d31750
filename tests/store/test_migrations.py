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


def test_protocol_2_gives_a_protocol_1_follow_up_its_steps(tmp_path: Path) -> None:
    """protocol 2 requires follow_up.steps: a local copy, its base and its waiting
    mutation get the empty list, as the server's migration gives its own copy."""
    old = {"kind": "coaching", "description": "Pembinaan", "start": "2026-07-01", "status": "open"}
    db = open_store(tmp_path)
    db.records.edit("follow_up", "f1", dict(old), owner="198609262015051001", by="x")
    with db.transaction() as tx:
        record = tx.get("records", "follow_up/f1")
        record["base"] = {"rev": 1, "deleted": False, "data": dict(old), "epoch": "e1"}
        tx.put("records", "follow_up/f1", record)
        tx.put("meta", "schema_version", 1)
    again = open_store(tmp_path)
    record = again.records.get("follow_up", "f1")
    assert record is not None
    assert record["data"] == {**old, "steps": []}
    assert record["base"]["data"] == {**old, "steps": []}
    assert [entry["data"] for entry in again.records.outbox()] == [{**old, "steps": []}]
