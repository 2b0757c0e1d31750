"""transaction(): all of a block or nothing, durably, with private copies."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

import store.core
from store import StoreUnavailable, StoreWriteFailed, migrations, open_store
from tests.store.helpers import open_even_if_damaged

OWNER = "199001012020121001"


class Boom(Exception):
    pass


def test_an_exception_inside_a_transaction_writes_nothing(tmp_path: Path) -> None:
    db = open_store(tmp_path)
    db.records.edit("plan", "p1", {"status": "draft"}, owner=OWNER, by=OWNER)
    journal_before = (tmp_path / "store.journal").read_bytes()
    records_before, outbox_before = db.all("records"), db.all("outbox")

    with pytest.raises(Boom), db.transaction() as tx:
        db.records.edit("plan", "p1", {"status": "submitted"}, by=OWNER)
        tx.put("meta", "cursor", 99)
        tx.remove("records", "plan/p1")
        raise Boom

    assert (tmp_path / "store.journal").read_bytes() == journal_before
    assert (db.all("records"), db.all("outbox")) == (records_before, outbox_before)
    assert db.get_meta("cursor") is None
    reopened = open_store(tmp_path)
    assert (reopened.all("records"), reopened.all("outbox")) == (records_before, outbox_before)


def test_a_record_and_its_mutation_land_together_at_any_crash_point(tmp_path: Path) -> None:
    db = open_store(tmp_path)
    db.records.edit("plan", "p0", {"status": "draft"}, owner=OWNER, by=OWNER)
    before = (tmp_path / "store.journal").read_bytes()
    db.records.edit("plan", "p1", {"status": "draft"}, owner=OWNER, by=OWNER)
    after = (tmp_path / "store.journal").read_bytes()
    snapshot = (tmp_path / "store.json").read_bytes()
    # A crash can stop the append after any byte: the edit is all there or not at all.
    for cut in range(len(before), len(after) + 1):
        (tmp_path / "store.json").write_bytes(snapshot)  # a cut save compacts: put both back
        (tmp_path / "store.journal").write_bytes(after[:cut])
        reopened, damage = open_even_if_damaged(tmp_path)
        assert (damage is not None) == (len(before) < cut < len(after))  # told, not silent
        record = reopened.records.get("plan", "p1")
        outbox_ids = {entry["id"] for entry in reopened.records.outbox()}
        if cut == len(after):
            assert record is not None and "p1" in outbox_ids
        else:
            assert record is None and "p1" not in outbox_ids


def test_reads_inside_a_transaction_see_its_own_writes(tmp_path: Path) -> None:
    db = open_store(tmp_path)
    with db.transaction() as tx:
        tx.put("meta", "cursor", 5)
        tx.put("records", "unit/u1", {"collection": "unit", "id": "u1"})
        assert tx.get("meta", "cursor") == 5
        assert set(tx.all("records")) == {"unit/u1"}
        tx.remove("meta", "cursor")
        assert tx.get("meta", "cursor", "gone") == "gone"
        assert db.get_meta("cursor") is None  # outside the block: not committed yet
    assert db.get("records", "unit/u1") == {"collection": "unit", "id": "u1"}


def test_values_read_or_put_are_copies(tmp_path: Path) -> None:
    db = open_store(tmp_path)
    value = {"collection": "unit", "id": "u1", "data": {"name": "BKD"}}
    with db.transaction() as tx:
        tx.put("records", "unit/u1", value)
        value["data"]["name"] = "changed after put"
    read = db.get("records", "unit/u1")
    read["data"]["name"] = "changed after get"
    db.all("records")["unit/u1"]["data"]["name"] = "changed in all()"
    assert db.get("records", "unit/u1")["data"]["name"] == "BKD"


def test_an_inner_transaction_that_fails_undoes_only_itself(tmp_path: Path) -> None:
    db = open_store(tmp_path)
    with db.transaction() as tx:
        tx.put("meta", "kept", 1)
        with pytest.raises(Boom), db.transaction() as inner:
            inner.put("meta", "dropped", 2)
            raise Boom
    assert (db.get_meta("kept"), db.get_meta("dropped")) == (1, None)


def test_bad_tables_keys_and_values_are_refused_inside_the_block(tmp_path: Path) -> None:
    db = open_store(tmp_path)
    with pytest.raises(ValueError), db.transaction() as tx:
        tx.put("settings", "x", 1)
    with pytest.raises(TypeError), db.transaction() as tx:
        tx.put("records", "plan/x", ["not", "an", "object"])
    with pytest.raises(TypeError), db.transaction() as tx:
        tx.put("meta", "when", {1, 2})  # not JSON
    assert db.all("meta") == {"schema_version": migrations.CURRENT_VERSION}


def test_a_failed_write_saves_nothing_and_the_store_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_store(tmp_path)
    db.records.edit("plan", "p0", {"status": "draft"}, owner=OWNER, by=OWNER)
    journal_before = (tmp_path / "store.journal").read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store.core, "sync_data", disk_full)
    with pytest.raises(StoreWriteFailed) as caught:
        db.records.edit("plan", "p1", {"status": "draft"}, owner=OWNER, by=OWNER)
    monkeypatch.undo()
    assert "No space left on device" in caught.value.message("en")
    assert "Tidak ada yang berubah" in caught.value.message("id")
    assert (tmp_path / "store.journal").read_bytes() == journal_before
    assert db.records.get("plan", "p1") is None
    db.records.edit("plan", "p2", {"status": "draft"}, owner=OWNER, by=OWNER)
    assert {r["id"] for r in open_store(tmp_path).records.list("plan")} == {"p0", "p2"}


def test_a_page_that_can_be_fetched_again_is_written_without_forcing_it_to_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_store(tmp_path)
    forced: list[int] = []
    real_sync = store.core.sync_data
    monkeypatch.setattr(store.core, "sync_data", lambda fd: forced.append(fd) or real_sync(fd))
    with db.transaction(durable=False) as tx:
        tx.put("meta", "cursor", 7)
    assert forced == []
    assert open_store(tmp_path).get_meta("cursor") == 7  # written: a crashed process keeps it
    db.records.edit("plan", "p1", {"status": "draft"}, owner=OWNER, by=OWNER)
    assert len(forced) == 1  # a person's save is forced, and the page's line with it


def test_a_handed_over_value_is_kept_itself_unless_a_later_write_replaced_it(
    tmp_path: Path,
) -> None:
    db = open_store(tmp_path)
    pulled, replaced = {"owner": OWNER, "rev": 1}, {"owner": OWNER, "rev": 1}
    with db.transaction() as tx:
        tx.put("records", "plan/p1", pulled, handed_over=True)
        tx.put("records", "plan/p2", replaced, handed_over=True)
        tx.put("records", "plan/p2", {"owner": OWNER, "rev": 2})
        with pytest.raises(Boom), db.transaction() as inner:
            inner.put("records", "plan/p1", {"owner": OWNER, "rev": 9}, handed_over=True)
            raise Boom
    with db.transaction() as tx:
        kept = {value["rev"]: value for value in tx.peek("records")}
    assert kept[1] is pulled  # not copied: a pulled page's records are no one else's
    assert kept[2] == {"owner": OWNER, "rev": 2} and 9 not in kept
    reopened = open_store(tmp_path)
    assert reopened.all("records") == {"plan/p1": pulled, "plan/p2": {"owner": OWNER, "rev": 2}}


def test_store_files_are_private_to_the_user(tmp_path: Path) -> None:
    open_store(tmp_path / "profile").records.edit("unit", "u", {}, owner=None, by=OWNER)
    for name in ("store.json", "store.journal"):
        assert (tmp_path / "profile" / name).stat().st_mode & 0o077 == 0


def test_the_profile_folder_comes_from_kinerja_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KINERJA_HOME", str(tmp_path / "from-env"))
    assert open_store().home == tmp_path / "from-env"
    assert (tmp_path / "from-env" / "store.json").exists()


def test_a_folder_that_cannot_hold_a_store_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    with pytest.raises(StoreUnavailable) as caught:
        open_store(tmp_path / "a-file" / "profile")
    assert "KINERJA_HOME" in caught.value.message("en")
    assert "tidak dapat dibuka" in caught.value.message("id")
