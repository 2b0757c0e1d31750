"""A child process for the crash and concurrency tests: saves records in a loop.

``python -m tests.store.writer HOME PREFIX COUNT`` opens the store of HOME and
saves COUNT new records (COUNT 0: until killed), each with its outbox
mutation, printing each record id only once its save has returned. With
``--counter`` it also adds one to the meta value ``counter`` in the same
transaction (a read-modify-write that a lost update would show). Then it
prints ``done``, waits for a line on standard input, and prints how many
records its own in-memory view holds.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

import store.core
from store import open_store

OWNER = "199001012020121001"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("home", type=Path)
    parser.add_argument("prefix")
    parser.add_argument("count", type=int)
    parser.add_argument("--counter", action="store_true")
    parser.add_argument("--compact-at", type=int, default=0)
    args = parser.parse_args()
    if args.compact_at:
        # Compact every few kilobytes, so that kills also land during compaction.
        store.core.COMPACT_MIN_BYTES = args.compact_at
        store.core.COMPACT_RATIO = 0.0
    db = open_store(args.home)
    print("ready", flush=True)
    numbers = itertools.count() if args.count == 0 else range(args.count)
    for n in numbers:
        record_id = f"{args.prefix}-{n}"
        with db.transaction():
            # records.edit joins this transaction: one commit for all three writes.
            db.records.edit("progress", record_id, {"n": n}, owner=OWNER, by=OWNER)
            if args.counter:
                with db.transaction() as tx:
                    tx.put("meta", "counter", tx.get("meta", "counter", 0) + 1)
        print(record_id, flush=True)
    print("done", flush=True)
    sys.stdin.readline()
    print(len(db.records.list("progress")), db.get_meta("counter"), flush=True)


if __name__ == "__main__":
    main()
