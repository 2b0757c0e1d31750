"""``kinerja export``: the local records as JSON (everything, a backup), CSV or xlsx.

JSON keeps each record as the store holds it (with the local fields: base,
pending, rejected, local_conflict) and the outbox, so nothing typed is
missing from a backup. CSV is for people: one collection, live records only,
one column per data field (nested values as JSON text), every cell made safe
to open in a spreadsheet (sync/commands/spreadsheet.py). xlsx is for people
too: a sheet per collection (or the one asked for), typed cells, frozen
headers (sync/commands/xlsx.py); it is binary, so only to a file.

``-o FILE`` writes a new regular file, never through a link nor over a
device or a FIFO, and replaces an existing file only with ``--force``; the
file appears whole or not at all.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sync.commands.common import FAILED, OK, fail, polite, tr
from sync.commands.output import TargetRefused, check_target, write_file

HELP = "write the local records as JSON (a full backup), as CSV (one collection) or as xlsx"
ENVELOPE_COLUMNS = ("id", "owner", "rev", "updated_by", "updated_at")


@dataclass(frozen=True)
class Snapshot:
    """What an export reads, in one transaction."""

    records: dict[str, Any]
    outbox: list[dict[str, Any]]
    meta: dict[str, Any]


Writer = Callable[[Snapshot, str | None], bytes]


def as_json(snapshot: Snapshot, _collection: str | None = None) -> bytes:
    import orjson

    from store.keys import now_utc

    document = {
        "kinerja_export": 1,
        "exported_at": now_utc(),
        "server_url": snapshot.meta.get("server_url"),
        "nip": snapshot.meta.get("nip"),
        "records": [snapshot.records[key] for key in sorted(snapshot.records)],
        "outbox": snapshot.outbox,
    }
    return orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n"


def as_csv(snapshot: Snapshot, collection: str | None) -> bytes:
    import csv
    import io

    import orjson

    from sync.commands.spreadsheet import safe_cell

    assert collection is not None
    rows = [
        record
        for key, record in sorted(snapshot.records.items())
        if key.startswith(collection + "/") and not record.get("deleted")
    ]
    fields = sorted({name for record in rows for name in record.get("data") or {}})
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([safe_cell(name) for name in (*ENVELOPE_COLUMNS, *fields)])
    for record in rows:
        data = record.get("data") or {}
        cells = [record.get(column) for column in ENVELOPE_COLUMNS]
        for name in fields:
            value = data.get(name)
            cells.append(orjson.dumps(value).decode() if isinstance(value, dict | list) else value)
        writer.writerow([safe_cell(cell) for cell in cells])
    return out.getvalue().encode("utf-8")


def as_xlsx(snapshot: Snapshot, _collection: str | None = None) -> bytes:
    from sync.commands.xlsx import collection_tables, tables_xlsx_bytes

    by_collection: dict[str, list[dict[str, Any]]] = {}
    for key, record in sorted(snapshot.records.items()):
        by_collection.setdefault(key.partition("/")[0], []).append(record)
    return tables_xlsx_bytes(collection_tables(by_collection))


# The formats people may ask for, each with its writer.
FORMATS: dict[str, Writer] = {"json": as_json, "csv": as_csv, "xlsx": as_xlsx}
ONE_COLLECTION = {"csv"}  # formats that hold a single collection
FILE_ONLY = {"xlsx"}  # binary formats: never to a terminal or a pipe


def add_arguments(parser: argparse.ArgumentParser) -> None:
    _ = tr()
    parser.add_argument(
        "--format",
        choices=tuple(FORMATS),
        default="json",
        help=_("json (everything), csv (one collection) or xlsx (a sheet per collection)"),
    )
    parser.add_argument(
        "--collection", metavar="NAME", help=_("the collection to write (CSV: required)")
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help=_("write to FILE instead of standard output")
    )
    parser.add_argument(
        "--force", action="store_true", help=_("replace FILE if it exists (a regular file only)")
    )


@polite
def run(args: argparse.Namespace) -> int:
    from domain.vocab import COLLECTIONS
    from store import outbox
    from sync.commands.common import open_profile_store

    _ = tr()
    if args.format in ONE_COLLECTION and not args.collection:
        return fail(
            _("--format {format} needs --collection NAME (one of: {names}).").format(
                format=args.format, names=", ".join(COLLECTIONS)
            )
        )
    if args.collection and args.collection not in COLLECTIONS:
        return fail(
            _("Unknown collection {name}; one of: {names}.").format(
                name=args.collection, names=", ".join(COLLECTIONS)
            )
        )
    if args.format in FILE_ONLY and not args.output:
        return fail(_("--format {format} writes a file: add -o FILE.").format(format=args.format))
    target = Path(args.output) if args.output else None
    try:
        if target is not None:
            check_target(target, args.force)
    except TargetRefused as refused:
        return fail(str(refused))
    store = open_profile_store()
    with store.transaction() as tx:
        snapshot = Snapshot(tx.all("records"), outbox.unsynced(tx), tx.all("meta"))
    if args.collection:
        prefix = args.collection + "/"
        records = {k: v for k, v in snapshot.records.items() if k.startswith(prefix)}
        snapshot = Snapshot(records, snapshot.outbox, snapshot.meta)
    payload = FORMATS[args.format](snapshot, args.collection)
    if target is None:
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
        return OK
    try:
        write_file(target, payload, args.force)
    except TargetRefused as refused:
        return fail(str(refused))
    except OSError as error:
        return fail(
            _("Cannot write {path}: {reason}").format(path=args.output, reason=error.strerror),
            FAILED,
        )
    return OK
