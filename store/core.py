"""The Store: an in-memory TinyDB kept in step with a snapshot and a journal on disk.

Every commit appends one checksummed line to the journal and fsyncs it (a
pulled page need not: ``transaction``), so a save costs the same whatever the
size of the store. When the journal outgrows
the snapshot, the whole state is written as a new snapshot (temp file, fsync,
rename, fsync of the folder) and the journal restarts; each pair carries a
generation number so that other processes notice the compaction.

Two processes of one user share a profile: every transaction holds the
profile lock and first reads what the others appended, and every read
outside a transaction checks (one ``stat``) whether the journal moved on.
Within a process, open one Store per profile and share it between threads.

TinyDB (MemoryStorage, tables keyed by our string keys) answers queries
(``search``, ``count``: the reads are store/reads.py's). Commits write into its memory directly: TinyDB's
own table writes rebuild the whole table, which would make a save cost
grow with the store.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, cast

from tinydb import TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Table

from store import migrations
from store.blobs import Blobs
from store.bulk import collector_paused
from store.errors import LostSaves, SetAside, StoreDamaged, StoreUnavailable, StoreWriteFailed
from store.fileformat import (
    TABLES,
    FormatDamage,
    Tables,
    apply_commit,
    decode_header,
    empty_tables,
    encode_commit,
    encode_header,
    encode_snapshot,
)
from store.files import (
    fsync_dir,
    open_file,
    read_at,
    replace_durably,
    sync_data,
    write_all,
)
from store.indexes import Indexes
from store.journal import Scan, scan_commits
from store.keys import now_utc
from store.loading import Then, read_store
from store.lock import ProfileLock
from store.paths import StoreFiles
from store.reads import Reads
from store.records import Records
from store.reports import KeptReports
from store.transaction import Transaction

# Compaction rewrites the whole state, so it waits until the journal is
# COMPACT_RATIO times as big as the snapshot (opening then reads at most
# twice the state) and never bothers below COMPACT_MIN_BYTES.
COMPACT_MIN_BYTES = 4 * 1024 * 1024
COMPACT_RATIO = 1.0
_HEADER_READ = 256

Signature = tuple[int, int, int, int]  # st_dev, st_ino, st_size, st_mtime_ns


class KeyedTable(Table):  # type: ignore[misc]
    """A TinyDB table whose document ids are our string keys, not TinyDB's counters."""

    document_id_class = str  # type: ignore[assignment]


def _signature(st: os.stat_result) -> Signature:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _next_generation(previous: int) -> int:
    # Time-based so that a store rebuilt after damage never reuses a
    # generation that another process may still remember.
    return max(previous + 1, time.time_ns())


class Store(Reads):
    """One profile's store. Use ``store.open_store()``; safe to share between threads."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.files = StoreFiles(home)
        self._tables: Tables = empty_tables()
        self._generation = 0
        self._offset = 0  # journal bytes applied to _tables
        self._last_number = 0  # the number of the journal's last save
        self._signature: Signature | None = None  # the journal as we last left it
        self._snapshot_size = 0
        self._mutex = threading.RLock()
        self._lock = ProfileLock(self.files.lock)
        self._lock_depth = 0
        self._local = threading.local()
        self._db = TinyDB(storage=MemoryStorage)
        self._db.table_class = KeyedTable
        self._memory = cast(MemoryStorage, self._db.storage)
        self._memory.memory = self._tables
        self._indexes = Indexes()  # store/indexes.py
        self.records = Records(self)
        self.blobs = Blobs(home)
        self.reports = KeptReports(home)

    # --- public API (the reads are store/reads.py's) ----------------------

    @contextmanager
    def transaction(self, *, durable: bool = True) -> Iterator[Transaction]:
        """Hold the profile lock, catch up, and commit the block durably on a clean exit.

        A transaction opened inside another one in the same thread joins it:
        its changes commit with the outer block, and an exception raised out
        of the inner block undoes only the inner block's changes.

        ``durable=False`` is for what can be fetched again (a pulled page with
        its cursor): the line is written but not forced to disk, which a crash
        of the process does not lose and the next durable commit forces with
        it. Only a power cut before then can cut it short; it and its cursor
        then go together and the pull brings them again. The fsync was a
        third of an HR admin's first sync.
        """
        outer: Transaction | None = getattr(self._local, "tx", None)
        if outer is not None:
            savepoint = outer.savepoint()
            try:
                yield outer
            except BaseException:
                outer.rollback_to(savepoint)
                raise
            return
        with self._locked():
            self._catch_up_locked()
            tx = Transaction(self._tables)
            self._local.tx = tx
            try:
                yield tx
            finally:
                self._local.tx = None
            self._commit_locked(tx, durable)

    # --- locking -----------------------------------------------------------

    @contextmanager
    def _locked(self) -> Iterator[None]:
        with self._mutex:
            if self._lock_depth == 0:
                self._lock.acquire()
            self._lock_depth += 1
            try:
                yield
            finally:
                self._lock_depth -= 1
                if self._lock_depth == 0:
                    self._lock.release()

    def _journal_signature(self) -> Signature | None:
        try:
            return _signature(os.stat(self.files.journal))
        except FileNotFoundError:
            return None

    def _refresh(self) -> None:
        """Before a read: catch up if another process changed the journal (mutex held)."""
        if self._lock_depth > 0:
            return  # this thread holds the profile lock: nobody else wrote
        if self._signature is not None and self._journal_signature() == self._signature:
            return
        with self._locked():
            self._catch_up_locked()

    # --- opening, catching up, recovering ----------------------------------

    def open(self) -> None:
        """Load the files (recovering from damage), then migrate; raises StoreDamaged after recovery."""
        with self._locked():
            moved, kept, lost = self._load_locked()
            migrations.migrate(self)
            if self._journal_outgrew_snapshot():
                self._compact_quietly_locked()
        if moved:
            raise StoreDamaged(tuple(moved), kept, self, tuple(lost))

    def _catch_up_locked(self) -> None:
        if self._signature is not None and self._journal_signature() == self._signature:
            return
        try:
            fd = open_file(self.files.journal, os.O_RDWR)
        except FileNotFoundError:
            self._reload_locked()
            return
        try:
            st = os.fstat(fd)
            same_file = self._signature is not None and self._signature[:2] == (
                st.st_dev,
                st.st_ino,
            )
            try:
                generation, _ = decode_header(read_at(fd, 0, _HEADER_READ))
            except FormatDamage:
                generation = -1
            if not same_file or generation != self._generation or st.st_size < self._offset:
                scan = None
            else:
                tail = read_at(fd, self._offset, st.st_size - self._offset)
                scan = scan_commits(tail, 0, self._last_number)
                if not scan.lost:
                    self._apply_scan(scan)
                    self._signature = _signature(os.fstat(fd))
        finally:
            os.close(fd)
        if scan is None or scan.lost:
            # a damaged or cut-short save: read everything again, setting the file aside
            self._reload_locked()

    def _apply_scan(self, scan: Scan) -> None:
        for ops in scan.commits:
            self._apply_ops(ops)
        self._offset += scan.end
        self._last_number = scan.last_number

    def _apply_ops(self, ops: list[list[Any]]) -> None:
        """Apply one commit's ``[table, key, value]`` puts and ``[table, key]`` removals."""
        records = self._tables["records"]
        for op in ops:
            if op[0] == "records":
                self._indexes.drop(op[1], records.get(op[1]))
        apply_commit(self._tables, ops)
        for op in ops:
            if op[0] == "records" and len(op) == 3:
                self._indexes.add(op[1], op[2])
        self._clear_query_caches()

    def _truncate(self, fd: int, size: int) -> None:
        """Cut off a commit that failed half-written, so that the next one follows whole lines."""
        os.ftruncate(fd, size)
        sync_data(fd)

    def _reload_locked(self) -> None:
        moved, kept, lost = self._load_locked()
        if moved:
            raise StoreDamaged(tuple(moved), kept, self, tuple(lost))

    def _load_locked(self) -> tuple[list[SetAside], bool, list[LostSaves]]:
        """Read the files into memory and repair them.

        Returns the files set aside, whether the state was kept, and the saves lost.
        """
        with collector_paused():
            loaded = read_store(self.files)
        if loaded.tables is None:
            self._start_fresh(self._generation)
            return loaded.set_aside, False, []
        self._set_state(loaded.generation, loaded.tables)
        self._snapshot_size = loaded.snapshot_size
        self._offset = loaded.journal_end
        self._last_number = loaded.last_number
        if loaded.then is Then.COMPACT:
            self._compact_locked()
        elif loaded.then is Then.NEW_JOURNAL:
            self._write_fresh_journal()
        else:
            self._signature = self._journal_signature()
        return loaded.set_aside, True, loaded.lost

    def _start_fresh(self, previous_generation: int) -> None:
        tables = empty_tables()
        tables["meta"]["schema_version"] = migrations.CURRENT_VERSION
        self._set_state(previous_generation, tables)
        self._compact_locked()

    def _set_state(self, generation: int, tables: Tables) -> None:
        self._generation = generation
        self._tables = tables
        self._memory.memory = tables
        self._indexes = Indexes(tables["records"])
        self._clear_query_caches()
        self._signature = None

    def _clear_query_caches(self) -> None:
        for name in ("records", "outbox"):
            self._db.table(name).clear_cache()

    # --- writing -----------------------------------------------------------

    def _commit_locked(self, tx: Transaction, durable: bool = True) -> None:
        ops = tx.ops()
        if not ops:
            return
        number = self._last_number + 1
        line = encode_commit(ops, now_utc(), number)
        fd = open_file(self.files.journal, os.O_WRONLY)
        try:
            if _signature(os.fstat(fd)) != self._signature:
                # Only a process ignoring the lock could get here.
                raise RuntimeError(f"{self.files.journal} changed while this process held its lock")
            try:
                write_all(fd, line, self._offset)
                if durable:
                    sync_data(fd)
            except OSError as error:
                with suppress(OSError):
                    self._truncate(fd, self._offset)
                raise StoreWriteFailed(self.files.journal, error) from error
            self._signature = _signature(os.fstat(fd))
        finally:
            os.close(fd)
        self._apply_ops(tx.committed_ops())
        self._offset += len(line)
        self._last_number = number
        if self._journal_outgrew_snapshot():
            self._compact_quietly_locked()

    def _journal_outgrew_snapshot(self) -> bool:
        return self._offset > max(COMPACT_MIN_BYTES, COMPACT_RATIO * self._snapshot_size)

    def _compact_quietly_locked(self) -> None:
        """Compact; a failure (disk full) only postpones it, as the commits are safe in the journal."""
        try:
            self._compact_locked()
        except OSError:
            # Re-read the files at the next access, whatever step failed.
            self._signature = None
            self._generation = -1

    def _compact_locked(self) -> None:
        generation = _next_generation(self._generation)
        snapshot = encode_snapshot(generation, self._tables)
        replace_durably(self.files.snapshot, snapshot)
        self._snapshot_size = len(snapshot)
        self._generation = generation
        self._write_fresh_journal()

    def _write_fresh_journal(self) -> None:
        header = encode_header(self._generation)
        replace_durably(self.files.journal, header)
        self._offset = len(header)
        self._last_number = 0
        self._signature = self._journal_signature()


def open_store(home: Path | None = None) -> Store:
    """Open (creating if needed) the store of a profile folder.

    Raises StoreDamaged when a damaged file had to be set aside: the
    exception's ``store`` is open and usable, and its message says what to do.
    Raises StoreUnavailable when the folder cannot be used at all (no right
    to write there, disk full), StoreTooNew for a newer Kinerja's store.
    """
    from store.paths import profile_home

    folder = profile_home(home)
    try:
        if not folder.is_dir():
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)  # another process may win
            fsync_dir(folder.parent)  # or power loss could take the new folder, saves and all
        store = Store(folder)
        store.open()
    except OSError as error:
        raise StoreUnavailable(folder, error) from error
    return store


__all__ = ["TABLES", "Store", "open_store"]
