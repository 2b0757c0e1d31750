"""A store written by protocol 1 (038c486) comes forward without losing a record or an entry.

The fixture (tests/fixtures/store_protocol1, made by its make.py at that
commit) holds pulled records, a sent mutation and one queued after it, a new
record, a deletion, a conflict, a rejection, the cursor and the epoch.
"""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest

from store import StoreDamaged, migrations, open_store, outbox
from store.loading import read_store
from store.paths import StoreFiles

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "store_protocol1"
FACTS: dict[str, Any] = orjson.loads((FIXTURE / "facts.json").read_bytes())
FEEDBACK = "feedback/00000000-0000-4000-8000-000000000009"  # the PPK's, pulled by the laptop


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    home = tmp_path / "profile"
    shutil.copytree(FIXTURE / "profile", home)
    return home


def _as_written(home: Path) -> dict[str, Any]:
    """The fixture's tables as protocol 1 left them, read without migrating."""
    scratch = home.parent / "raw"
    shutil.copytree(home, scratch)
    loaded = read_store(StoreFiles(scratch))
    assert loaded.tables is not None and not loaded.set_aside
    return loaded.tables


def test_the_fixture_is_a_protocol_1_store(profile: Path) -> None:
    raw = _as_written(profile)
    assert raw["meta"]["schema_version"] == 1
    bases = [r["base"] for r in raw["records"].values() if r.get("base")]
    assert bases and all("epoch" in base and "lifetime" not in base for base in bases)


def test_opening_it_keeps_every_record_and_every_entry(profile: Path) -> None:
    raw = _as_written(profile)
    store = open_store(profile)

    assert store.get_meta("schema_version") == migrations.CURRENT_VERSION == 2
    assert sorted(store.all("records")) == FACTS["records"]
    entries = outbox.unsynced(store)
    assert [e["mutation_id"] for e in entries] == FACTS["outbox"]
    for entry in entries:
        before = raw["outbox"][entry["mutation_id"]]
        assert outbox.wire(entry) == outbox.wire(before)  # what goes over the wire is the same
        assert {k: v for k, v in entry.items() if k != "queued_at"} == {
            k: v for k, v in before.items() if k != "queued_at"
        }
        assert datetime.fromisoformat(entry["queued_at"]) == datetime.fromisoformat(
            before["queued_at"]
        )
        assert datetime.fromisoformat(entry["queued_at"]).utcoffset() == timedelta(0)
    sent, follower = entries[0], entries[1]
    assert sent["mutation_id"] == FACTS["sent"] and sent["sent_at"]
    assert follower["after"] == sent["mutation_id"]


def test_records_keep_their_data_and_bases_are_tagged_with_the_lifetime(profile: Path) -> None:
    raw = _as_written(profile)
    store = open_store(profile)
    epoch = FACTS["epoch"]
    assert store.get_meta("lifetime") == epoch
    for key, record in store.all("records").items():
        before = raw["records"][key]
        assert record["data"] == before["data"] and record["pending"] == before["pending"]
        if before.get("base"):
            assert record["base"] == {
                **{k: v for k, v in before["base"].items() if k != "epoch"},
                "lifetime": epoch,
            }
    conflicted = store.records.get("training", FACTS["conflicted"])
    rejected = store.records.get("training", FACTS["rejected"])
    assert conflicted is not None and conflicted["local_conflict"]["data"]["jp"] == 40
    assert rejected is not None and rejected["rejected"]["code"] == "invalid"
    deleted = store.records.get("training", FACTS["deleted"])
    assert deleted is not None and deleted["deleted"]


def test_the_cursor_goes_on_without_a_mark(profile: Path) -> None:
    store = open_store(profile)
    assert outbox.base_version(store) == outbox.BaseVersion(FACTS["cursor"], None)
    assert store.get_meta("epoch") == FACTS["epoch"]
    assert store.get_meta("client_id") == FACTS["client_id"]


def test_migrating_twice_changes_nothing(profile: Path) -> None:
    first = open_store(profile)
    state = {table: first.all(table) for table in ("records", "outbox", "meta")}
    second = open_store(profile)
    assert {table: second.all(table) for table in ("records", "outbox", "meta")} == state


def test_a_damaged_line_of_an_old_journal_costs_that_save_alone(profile: Path) -> None:
    """Lines written by protocol 1 carry no time nor number: the message says so."""
    journal = profile / "store.journal"
    lines = journal.read_bytes().split(b"\n")
    raw = _as_written(profile)
    target = 16  # the pull page that brought the PPK's umpan balik, and its cursor
    assert b'["records","feedback/' in lines[target]
    line = bytearray(lines[target])
    line[-5] ^= 0x01
    lines[target] = bytes(line)
    journal.write_bytes(b"\n".join(lines))

    with pytest.raises(StoreDamaged) as caught:
        open_store(profile)

    store = caught.value.store
    [lost] = caught.value.lost
    assert (lost.first, lost.times, lost.tail) == (target, (), False)
    assert "at a time not recorded" in caught.value.message("en")
    assert "pada waktu yang tidak tercatat" in caught.value.message("id")
    assert [e["mutation_id"] for e in outbox.unsynced(store)] == FACTS["outbox"]
    assert set(store.all("records")) == set(raw["records"]) - {FEEDBACK}
    assert outbox.base_version(store).cursor == 0  # the next pull brings it back
