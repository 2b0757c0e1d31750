"""One damaged save costs that save alone; the person is told which, and from when."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from store import Store, StoreDamaged, open_store, outbox
from tests.store.helpers import assert_consistent

OWNER = "199001012020121001"


def _eleven_line_journal(home: Path) -> Store:
    """A header and ten saves, one a second apart in the journal's own times."""
    db = open_store(home)
    for n in range(10):
        db.records.edit("feedback", f"f{n}", {"text": f"catatan {n}"}, owner=OWNER, by=OWNER)
    return db


def _lines(home: Path) -> list[bytes]:
    return (home / "store.journal").read_bytes().split(b"\n")


def _write_lines(home: Path, lines: list[bytes]) -> None:
    (home / "store.journal").write_bytes(b"\n".join(lines))


def _damaged(home: Path) -> StoreDamaged:
    with pytest.raises(StoreDamaged) as caught:
        open_store(home)
    return caught.value


def _time_of(line: bytes) -> str:
    return str(datetime.fromisoformat(line[16:41].decode()).astimezone().isoformat(sep=" "))


def test_a_flipped_byte_in_line_3_costs_that_save_alone(tmp_path: Path) -> None:
    _eleven_line_journal(tmp_path)
    lines = _lines(tmp_path)
    assert len([line for line in lines if line]) == 11
    damaged_line = bytearray(lines[3])  # the third save: feedback f2
    damaged_line[-20] ^= 0x01  # inside its data: the line's checksum fails
    lines[3] = bytes(damaged_line)
    _write_lines(tmp_path, lines)
    original = (tmp_path / "store.journal").read_bytes()

    error = _damaged(tmp_path)

    ids = sorted(r["id"] for r in error.store.records.list("feedback"))
    assert ids == [f"f{n}" for n in range(10) if n != 2]
    assert sorted(e["id"] for e in error.store.records.outbox()) == ids  # the outbox kept
    assert_consistent(error.store.all("records"), error.store.all("outbox"))
    [lost] = error.lost
    assert (lost.first, lost.count, lost.tail) == (3, 1, False)
    english, indonesian = error.message("en"), error.message("id")
    assert f"Save 3 of the journal, made at {_time_of(lines[3])}" in english
    assert "Simpanan ke-3 di jurnal" in indonesian and "rusak dan tidak dipakai" in indonesian
    assert "Every other save was kept" in english
    [aside] = error.set_aside
    assert aside.moved_to.read_bytes() == original  # for an administrator, unchanged
    # the store goes on: saved again, reopened without a word
    error.store.records.edit("feedback", "f2", {"text": "ditulis lagi"}, owner=OWNER, by=OWNER)
    assert len(open_store(tmp_path).records.list("feedback")) == 10


def test_a_damaged_time_is_not_believed(tmp_path: Path) -> None:
    _eleven_line_journal(tmp_path)
    lines = _lines(tmp_path)
    damaged_line = bytearray(lines[5])
    damaged_line[16] ^= 0x07  # the first digit of its time: "2026" becomes "5026"
    lines[5] = bytes(damaged_line)
    _write_lines(tmp_path, lines)
    [lost] = _damaged(tmp_path).lost
    assert lost.times == ()
    assert f"between {_time_of(lines[4])} and {_time_of(lines[6])}" in lost.message("en")


def test_a_cut_tail_is_told_with_its_time_not_dropped_silently(tmp_path: Path) -> None:
    _eleven_line_journal(tmp_path)
    journal = tmp_path / "store.journal"
    whole = journal.read_bytes()
    last = _lines(tmp_path)[10]
    journal.write_bytes(whole[: len(whole) - len(last) // 2])  # half of save 10 is gone

    error = _damaged(tmp_path)

    assert sorted(r["id"] for r in error.store.records.list("feedback")) == [
        f"f{n}" for n in range(9)
    ]
    [lost] = error.lost
    assert (lost.first, lost.tail) == (10, True)
    assert (
        f"The last save of the journal, made at {_time_of(last)}, was cut short"
        in error.message("en")
    )
    assert "terpotong" in error.message("id")


def test_a_tail_of_zeros_from_power_loss_is_told_too(tmp_path: Path) -> None:
    _eleven_line_journal(tmp_path)
    journal = tmp_path / "store.journal"
    journal.write_bytes(journal.read_bytes() + b"\x00" * 700)
    error = _damaged(tmp_path)
    assert len(error.store.records.list("feedback")) == 10
    assert "after" in error.lost[0].message("en")


def test_garbage_between_two_lines_costs_no_save(tmp_path: Path) -> None:
    db = _eleven_line_journal(tmp_path)
    with db.transaction() as tx:
        outbox.set_base_version(tx, 17, "17.0123456789abcdef")
    lines = _lines(tmp_path)
    _write_lines(tmp_path, [*lines[:6], b"\x00\xffgarbage", b"more garbage", *lines[6:]])
    error = _damaged(tmp_path)
    assert len(error.store.records.list("feedback")) == 10
    assert error.lost[0].count == 0 and "no save was lost" in error.message("en")
    # nothing to mend: the pull goes on from where it was
    assert outbox.base_version(error.store) == outbox.BaseVersion(17, "17.0123456789abcdef")
    assert len(error.store.records.outbox()) == 10


def test_garbage_run_into_a_line_costs_that_line(tmp_path: Path) -> None:
    _eleven_line_journal(tmp_path)
    lines = _lines(tmp_path)
    lines[6] = b"garbage without a newline " + lines[6]
    _write_lines(tmp_path, lines)
    error = _damaged(tmp_path)
    ids = sorted(r["id"] for r in error.store.records.list("feedback"))
    assert ids == [f"f{n}" for n in range(10) if n != 5]
    assert "Save 6 of the journal" in error.message("en")


def test_a_lost_creation_gives_the_record_back_from_its_outbox_entry(tmp_path: Path) -> None:
    db = open_store(tmp_path)
    db.records.edit("training", "t1", {"title": "Diklat"}, owner=OWNER, by=OWNER)  # save 1
    with db.transaction() as tx:  # save 2: the engine freezes it before sending
        outbox.mark_sent(tx, outbox.unsynced(tx))
    lines = _lines(tmp_path)
    lines[1] = lines[1][:-3] + b"xx}"
    _write_lines(tmp_path, lines)

    error = _damaged(tmp_path)

    record = error.store.records.get("training", "t1")
    [entry] = error.store.records.outbox()
    assert record is not None and record["data"] == {"title": "Diklat"}
    assert record["pending"] == entry["mutation_id"] and entry["sent_at"] is not None
    assert_consistent(error.store.all("records"), error.store.all("outbox"))


def test_a_record_pointing_at_a_lost_mutation_is_queued_again(tmp_path: Path) -> None:
    db = open_store(tmp_path)
    db.records.edit("training", "t1", {"title": "Diklat"}, owner=OWNER, by=OWNER)  # save 1
    with db.transaction() as tx:  # save 2: a pull that keeps the pending edit
        record = tx.get("records", "training/t1")
        record["conflicts"] = []
        tx.put("records", "training/t1", record)
        tx.put("meta", "cursor", 7)
    lines = _lines(tmp_path)
    lines[1] = lines[1][:-3] + b"xx}"
    _write_lines(tmp_path, lines)

    error = _damaged(tmp_path)

    [entry] = error.store.records.outbox()
    assert (entry["id"], entry["data"], entry["base_rev"]) == ("t1", {"title": "Diklat"}, None)
    assert_consistent(error.store.all("records"), error.store.all("outbox"))
    assert outbox.base_version(error.store).cursor == 0  # pulled again: the lost save may be a page


def test_a_follower_of_a_lost_mutation_may_go(tmp_path: Path) -> None:
    db = open_store(tmp_path)
    db.records.edit("training", "t1", {"jp": 1}, owner=OWNER, by=OWNER)  # save 1
    with db.transaction() as tx:  # save 2
        outbox.mark_sent(tx, outbox.unsynced(tx))
    db.records.edit("training", "t1", {"jp": 2}, by=OWNER)  # save 3: queued after it
    lines = _lines(tmp_path)
    lines[1] = lines[1][:-3] + b"xx}"
    lines[2] = lines[2][:-3] + b"xx}"
    _write_lines(tmp_path, lines)

    error = _damaged(tmp_path)

    [entry] = error.store.records.outbox()
    assert (entry["after"], entry["data"]) == (None, {"jp": 2})
    assert [(lost.first, lost.count) for lost in error.lost] == [(1, 2)]
    assert "Saves 1 to 2 of the journal" in error.message("en")
