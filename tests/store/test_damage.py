"""Damaged files are set aside untouched and reported; the store still opens."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from store import StoreDamaged, open_store

OWNER = "199001012020121001"


def _store_with_records(home: Path, count: int = 6) -> None:
    db = open_store(home)
    for n in range(count):
        db.records.edit("feedback", f"f{n}", {"text": f"catatan {n}"}, owner=OWNER, by=OWNER)


def _journal_lines(home: Path) -> list[bytes]:
    return (home / "store.journal").read_bytes().split(b"\n")


def _flip_a_byte_of_line(line_index: int) -> Callable[[Path], None]:
    def damage(home: Path) -> None:
        lines = _journal_lines(home)
        line = bytearray(lines[line_index])
        line[30] ^= 0x01
        lines[line_index] = bytes(line)
        (home / "store.journal").write_bytes(b"\n".join(lines))

    return damage


def _open_damaged(home: Path) -> StoreDamaged:
    with pytest.raises(StoreDamaged) as caught:
        open_store(home)
    return caught.value


def _check_report(error: StoreDamaged, original: Path, original_bytes: bytes) -> Path:
    moved = [item for item in error.set_aside if item.original == original]
    assert len(moved) == 1
    target = moved[0].moved_to
    assert target.name.startswith(f"{original.name}.damaged-")
    assert target.read_bytes() == original_bytes
    for lang, advice in (("id", "Jalankan `kinerja sync`"), ("en", "Run `kinerja sync`")):
        text = error.message(lang)
        assert str(target) in text and advice in text
    return target


SNAPSHOT_DAMAGE = {
    "truncated": lambda raw: raw[: len(raw) // 2],
    "garbage": lambda raw: b"\x00\xff garbage \x13" * 20,
    "empty": lambda raw: b"",
    "wrong shape": lambda raw: b'{"kinerja_store": 1, "generation": 3, "tables": {"records": []}}',
    "not an object": lambda raw: b"[1, 2, 3]",
}


@pytest.mark.parametrize("damage", SNAPSHOT_DAMAGE.values(), ids=SNAPSHOT_DAMAGE.keys())
def test_a_damaged_snapshot_is_set_aside_and_the_store_starts_empty(
    tmp_path: Path, damage: Callable[[bytes], bytes]
) -> None:
    _store_with_records(tmp_path)
    snapshot, journal = tmp_path / "store.json", tmp_path / "store.journal"
    snapshot_bytes = damage(snapshot.read_bytes())
    snapshot.write_bytes(snapshot_bytes)
    journal_bytes = journal.read_bytes()

    error = _open_damaged(tmp_path)

    _check_report(error, snapshot, snapshot_bytes)
    # The journal only makes sense on top of its snapshot: it is kept aside too.
    _check_report(error, journal, journal_bytes)
    assert not error.kept_changes
    assert "Kinerja continues with an empty local store." in error.message("en")
    assert "penyimpanan lokal yang kosong" in error.message("id")
    assert error.store.records.list("feedback") == []
    error.store.records.edit("feedback", "new", {"text": "baru"}, owner=OWNER, by=OWNER)
    assert len(open_store(tmp_path).records.list("feedback")) == 1  # no error the second time


def test_an_unreadable_snapshot_is_set_aside(tmp_path: Path) -> None:
    (tmp_path / "store.json").mkdir()  # reading it fails whatever the user's rights
    error = _open_damaged(tmp_path)
    assert error.set_aside[0].moved_to.is_dir()
    assert "tidak dapat dibaca" in error.message("id")
    assert "unreadable" in error.message("en")


JOURNAL_DAMAGE = {
    "garbage": lambda home: (home / "store.journal").write_bytes(b"not a journal\n" * 50),
    "cut inside its header": lambda home: (home / "store.journal").write_bytes(
        _journal_lines(home)[0][:15]
    ),
}


@pytest.mark.parametrize("damage", JOURNAL_DAMAGE.values(), ids=JOURNAL_DAMAGE.keys())
def test_a_damaged_journal_is_set_aside_and_the_snapshot_kept(
    tmp_path: Path, damage: Callable[[Path], None]
) -> None:
    _store_with_records(tmp_path)
    journal = tmp_path / "store.journal"
    damage(tmp_path)
    journal_bytes = journal.read_bytes()

    error = _open_damaged(tmp_path)

    _check_report(error, journal, journal_bytes)
    assert error.kept_changes
    assert "saved before the damaged part" in error.message("en")
    assert open_store(tmp_path).all("records") == error.store.all("records")


def test_a_crash_mid_compaction_leaves_a_stale_journal_that_is_ignored(tmp_path: Path) -> None:
    _store_with_records(tmp_path, count=3)
    stale_journal = (tmp_path / "store.journal").read_bytes()
    db = open_store(tmp_path)
    with db._locked():
        db._compact_locked()  # writes the new snapshot, then a fresh journal
    # As if the crash came between the two: new snapshot, old journal.
    (tmp_path / "store.journal").write_bytes(stale_journal)
    reopened = open_store(tmp_path)
    assert len(reopened.records.list("feedback")) == 3
    assert len(reopened.records.outbox()) == 3  # not replayed twice, nothing lost


def test_a_journal_without_its_snapshot_is_set_aside(tmp_path: Path) -> None:
    _store_with_records(tmp_path, count=2)
    (tmp_path / "store.json").unlink()
    journal_bytes = (tmp_path / "store.journal").read_bytes()
    error = _open_damaged(tmp_path)
    _check_report(error, tmp_path / "store.journal", journal_bytes)
    assert "snapshot yang dilanjutkannya rusak atau hilang" in error.message("id")


def test_a_journal_with_no_commits_is_not_reported_with_its_damaged_snapshot(
    tmp_path: Path,
) -> None:
    open_store(tmp_path)  # a new store: its journal holds only its header
    (tmp_path / "store.json").write_bytes(b"{")
    error = _open_damaged(tmp_path)
    assert [item.original.name for item in error.set_aside] == ["store.json"]


def test_damage_found_while_catching_up_is_reported_and_the_store_goes_on(
    tmp_path: Path,
) -> None:
    _store_with_records(tmp_path, count=3)
    reader = open_store(tmp_path)
    writer = open_store(tmp_path)
    for n in (3, 4):
        writer.records.edit("feedback", f"f{n}", {"text": "baru"}, owner=OWNER, by=OWNER)
    _flip_a_byte_of_line(4)(tmp_path)  # the edit of f3, which the reader has not read yet

    with pytest.raises(StoreDamaged) as caught:
        reader.records.list("feedback")

    assert caught.value.store is reader
    assert [lost.first for lost in caught.value.lost] == [4]
    kept = ["f0", "f1", "f2", "f4"]  # only the damaged save is missing
    assert sorted(r["id"] for r in reader.records.list("feedback")) == kept
    assert sorted(r["id"] for r in writer.records.list("feedback")) == kept
