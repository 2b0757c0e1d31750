"""``kinerja export``: the local records as JSON (everything, a backup) or CSV.

JSON keeps each record as the store holds it (with the local fields: base,
pending, rejected, local_conflict) and the outbox, so nothing typed is
missing from a backup. CSV is for people: one collection, live records only,
one column per data field (nested values as JSON text).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from sync.commands.common import FAILED, OK, fail, polite, tr

HELP = "write the local records as JSON (a full backup) or as CSV (one collection)"
ENVELOPE_COLUMNS = ("id", "owner", "rev", "updated_by", "updated_at")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    _ = tr()
    parser.add_argument(
        "--format",
        choices=("json", "csv"),
        default="json",
        help=_("json (everything) or csv (one collection)"),
    )
    parser.add_argument("--collection", metavar="NAME", help=_("the collection to write as CSV"))
    parser.add_argument(
        "-o", "--output", metavar="FILE", help=_("write to FILE instead of standard output")
    )


def as_json(records: dict[str, Any], outbox: dict[str, Any], meta: dict[str, Any]) -> bytes:
    import orjson

    from sync.local import now_iso

    document = {
        "kinerja_export": 1,
        "exported_at": now_iso(),
        "server_url": meta.get("server_url"),
        "nip": meta.get("nip"),
        "records": [records[key] for key in sorted(records)],
        "outbox": sorted(outbox.values(), key=lambda entry: entry.get("order", 0)),
    }
    return orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n"


def as_csv(records: dict[str, Any], collection: str) -> bytes:
    import orjson

    rows = [
        record
        for key, record in sorted(records.items())
        if key.startswith(collection + "/") and not record.get("deleted")
    ]
    fields = sorted({name for record in rows for name in record.get("data") or {}})
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*ENVELOPE_COLUMNS, *fields])
    for record in rows:
        data = record.get("data") or {}
        cells = [record.get(column) for column in ENVELOPE_COLUMNS]
        for name in fields:
            value = data.get(name)
            cells.append(orjson.dumps(value).decode() if isinstance(value, dict | list) else value)
        writer.writerow(["" if cell is None else cell for cell in cells])
    return out.getvalue().encode("utf-8")


def _write(path: str | None, payload: bytes) -> None:
    if path is None:
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
        return
    target = Path(path)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@polite
def run(args: argparse.Namespace) -> int:
    from domain.vocab import COLLECTIONS
    from sync.commands.common import open_profile_store

    _ = tr()
    if args.format == "csv" and not args.collection:
        return fail(
            _("--format csv needs --collection NAME (one of: {names}).").format(
                names=", ".join(COLLECTIONS)
            )
        )
    if args.collection and args.collection not in COLLECTIONS:
        return fail(
            _("Unknown collection {name}; one of: {names}.").format(
                name=args.collection, names=", ".join(COLLECTIONS)
            )
        )
    if args.output and not Path(args.output).resolve().parent.is_dir():
        return fail(_("Cannot write {path}: its folder does not exist.").format(path=args.output))
    store = open_profile_store()
    with store.transaction() as tx:
        records = tx.all("records")
        outbox = tx.all("outbox")
        meta = tx.all("meta")
    if args.collection:
        records = {
            key: value for key, value in records.items() if key.startswith(args.collection + "/")
        }
    payload = (
        as_csv(records, args.collection) if args.format == "csv" else as_json(records, outbox, meta)
    )
    try:
        _write(args.output, payload)
    except OSError as error:
        return fail(
            _("Cannot write {path}: {reason}").format(path=args.output, reason=error.strerror),
            FAILED,
        )
    return OK
