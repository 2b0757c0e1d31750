"""Reading a store's files at open or reload, and deciding what to repair.

Damaged files are set aside here (renamed, never rewritten); what is left
is read into tables, and ``Loaded.then`` tells the Store which write, if
any, puts the files back in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from store import errors
from store.errors import LostSaves, SetAside
from store.fileformat import FormatDamage, Tables, apply_commit, decode_header, decode_snapshot
from store.files import remove_stale_temps, set_aside
from store.healing import heal
from store.journal import scan_commits
from store.paths import StoreFiles


class Then(Enum):
    """The repair that follows a load."""

    NOTHING = "the files are in order"
    NEW_JOURNAL = "start a journal for the snapshot"
    COMPACT = "write the state as a new snapshot and journal"
    START_FRESH = "nothing usable: start an empty store"


@dataclass
class Loaded:
    tables: Tables | None = None
    generation: int = 0
    snapshot_size: int = 0
    journal_end: int = 0  # offset just past the last commit read
    last_number: int = 0  # the number of the last save read from the journal
    then: Then = Then.START_FRESH
    set_aside: list[SetAside] = field(default_factory=list)
    lost: list[LostSaves] = field(default_factory=list)  # damaged saves left out

    def put_aside(self, path: Path, reason: str, detail: str = "") -> None:
        self.set_aside.append(SetAside(path, set_aside(path), reason, detail))


def read_store(files: StoreFiles) -> Loaded:
    """Load snapshot + journal; set damaged files aside. Call with the profile lock held."""
    remove_stale_temps(files.home, files.snapshot.name)
    remove_stale_temps(files.home, files.journal.name)
    loaded = Loaded()
    snapshot_raw = _read(files.snapshot, loaded)
    if snapshot_raw is not None:
        try:
            loaded.generation, loaded.tables = decode_snapshot(snapshot_raw)
            loaded.snapshot_size = len(snapshot_raw)
        except FormatDamage as damage:
            loaded.put_aside(files.snapshot, damage.reason, damage.detail)
    journal_raw = _read(files.journal, loaded)

    if loaded.tables is None:
        if journal_raw is not None and _holds_commits(journal_raw):
            # Without its snapshot a journal's commits would be half a state.
            loaded.put_aside(files.journal, errors.ORPHAN_JOURNAL)
        loaded.then = Then.START_FRESH
    elif journal_raw is None:
        # A crash right after the first snapshot, or the journal was set aside.
        loaded.then = Then.COMPACT if loaded.set_aside else Then.NEW_JOURNAL
    else:
        _read_journal(files, journal_raw, loaded)
    return loaded


def _read_journal(files: StoreFiles, raw: bytes, loaded: Loaded) -> None:
    assert loaded.tables is not None
    try:
        generation, start = decode_header(raw)
    except FormatDamage as damage:
        loaded.put_aside(files.journal, damage.reason, damage.detail)
        loaded.then = Then.COMPACT
        return
    if generation < loaded.generation:
        # A crash during compaction: the snapshot already holds these commits.
        loaded.then = Then.NEW_JOURNAL
        return
    if generation > loaded.generation:
        loaded.put_aside(files.journal, errors.FOREIGN_JOURNAL)
        loaded.then = Then.COMPACT
        return
    scan = scan_commits(raw, start)
    for ops in scan.commits:
        apply_commit(loaded.tables, ops)
    loaded.journal_end, loaded.last_number = scan.end, scan.last_number
    if scan.lost:
        # Every good save is kept; the file goes aside whole, for an administrator.
        loaded.lost = scan.lost
        loaded.put_aside(files.journal, errors.DAMAGED_SAVES)
        if any(lost.count != 0 for lost in scan.lost):  # not mere bytes between two saves
            heal(loaded.tables)
        loaded.then = Then.COMPACT
    else:
        loaded.then = Then.NOTHING


def _read(path: Path, loaded: Loaded) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        loaded.put_aside(path, errors.UNREADABLE, error.strerror or str(error))
        return None


def _holds_commits(journal: bytes) -> bool:
    try:
        _, start = decode_header(journal)
    except FormatDamage:
        return True  # unreadable: it may hold anything
    return len(journal) > start
