"""``kinerja-server``: init, import-employees, set-password, revoke, serve, and the operators' commands of ``server.ops_cli`` (commands.md).

Help and messages speak Bahasa Indonesia unless ``KINERJA_LANG=en`` or
``LANG=en*``. A person's mistake (a missing file, a bad CSV, a database not
initialised or not reachable) ends with one line on stderr and a non-zero
exit, never a stack trace. Every command makes its files readable by the
server's user alone (``server.files``).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from server import accounts, db, files, ops_cli, workers
from server.cli_parser import add_db_flag, command
from server.config import database_url, server_home, token_days
from server.epoch import HighWaterMark, mark_path, note_writes
from server.failure import Failure
from server.importer import ImportRefused, import_csv
from server.messages import text
from server.org import load_org
from server.requestlog import log_config


def _(msgid: str) -> str:
    return text(msgid)


@contextmanager
def _argparse_speaks(translate: Callable[[str], str]) -> Iterator[None]:
    """argparse looks its own texts ("usage: ", "options", ...) up through its
    module-level ``_``; the server catalogue translates them too. Restored after."""
    original = argparse._  # type: ignore[attr-defined]
    argparse._ = translate  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kinerja-server",
        description=_(
            "The central server of Kinerja: accounts, permissions, audit trail and the change feed."
        ),
    )
    add_db_flag(parser, None)
    commands = parser.add_subparsers(
        dest="command", metavar=_("COMMAND"), title=_("commands"), required=True
    )
    command(
        commands,
        "init",
        help=_("create or upgrade the database schema; safe to run again"),
        description=_("Create or upgrade the database schema; safe to run again."),
    )
    importing = command(
        commands,
        "import-employees",
        help=_("add or update employees from a CSV file"),
        description=_(
            "Add or update employees from a CSV with the header nip,name,kind,rank,position,unit,atasan_nip,roles (unit by name, created when new; roles separated by ;). If any row is bad, nothing is imported and every bad row is listed with its line number."
        ),
    )
    importing.add_argument("file", metavar=_("FILE.csv"), type=Path, help=_("the CSV file"))
    password = command(
        commands,
        "set-password",
        help=_("set a password, read as one line from standard input; ends their sessions"),
        description=_(
            "Set the password of an employee, read as one line from standard input. Every session of that employee ends: each device signs in again with the new password."
        ),
    )
    password.add_argument("nip", metavar="NIP", help=_("the employee's NIP"))
    revoke = command(
        commands,
        "revoke",
        help=_("end every session of a person (a lost laptop)"),
        description=_("End every session of a person: each of their devices must sign in again."),
    )
    revoke.add_argument("nip", metavar="NIP", help=_("the employee's NIP"))
    serve = command(
        commands,
        "serve",
        help=_("serve the API; logs one line a request"),
        description=_("Serve the API under /api/v1; logs one line a request."),
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help=_("address to listen on (default 127.0.0.1)")
    )
    serve.add_argument("--port", type=int, default=8080, help=_("port to listen on (default 8080)"))
    serve.add_argument(
        "--certfile",
        type=Path,
        default=None,
        help=_("serve HTTPS with this certificate (PEM, the chain included)"),
    )
    serve.add_argument(
        "--keyfile", type=Path, default=None, help=_("the private key of --certfile (PEM)")
    )
    serve.add_argument(
        "--forwarded-allow-ips",
        metavar="IPS",
        default=None,
        help=_(
            "addresses of the reverse proxies whose X-Forwarded-For is believed, separated by commas; by default nobody's"
        ),
    )
    ops_cli.add_serve_flags(serve)
    serve.add_argument(
        "--token-days",
        type=int,
        default=None,
        help=_("days a sign-in token lives (default KINERJA_TOKEN_DAYS, else 30)"),
    )
    ops_cli.add_commands(commands)
    return parser


def _engine(url: str) -> Engine:
    try:
        return db.make_engine(url)
    except (ValueError, SQLAlchemyError, ImportError) as error:
        raise Failure(
            _("Cannot use the database {url}: {reason}").format(url=url, reason=error)
        ) from None


def _initialised(url: str) -> Engine:
    """The database of a command that needs its schema: SchemaMissing before init."""
    engine = _engine(url)
    db.check_schema(engine)
    return engine


def cmd_init(url: str, _args: argparse.Namespace) -> None:
    files.prepare(url, server_home())
    found, now = db.init(_engine(url))
    files.protect(url, server_home())
    if found == now:
        print(_("The database is up to date (schema version {version}).").format(version=now))
    else:
        print(
            _("Database schema at version {version} (was {previous}).").format(
                version=now, previous=found
            )
        )


def cmd_import(url: str, args: argparse.Namespace) -> None:
    try:
        source = args.file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise Failure(
            _("Cannot read {file}: {reason}").format(file=args.file, reason=error)
        ) from None
    engine = _initialised(url)
    try:
        report = import_csv(engine, source)
    except ImportRefused as refused:
        lines = [
            _("Nothing was imported: {count} bad row(s) in {file}.").format(
                count=len({line for line, _r in refused.problems}), file=args.file
            )
        ]
        lines += [
            _("line {line}: {reason}").format(line=line, reason=reason)
            for line, reason in refused.problems
        ]
        raise Failure("\n".join(lines)) from None
    note_writes(engine, HighWaterMark(mark_path(url, server_home())))
    print(
        _(
            "Imported: {created} new, {updated} updated, {unchanged} unchanged employees; {units} new units."
        ).format(
            created=report.created,
            updated=report.updated,
            unchanged=report.unchanged,
            units=report.units_created,
        )
    )


def cmd_set_password(url: str, args: argparse.Namespace) -> None:
    nip = args.nip.replace(" ", "")
    password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise Failure(_("No password on standard input: give it as one line."))
    engine = _initialised(url)
    with db.writing(engine) as conn:
        if not load_org(conn).known(nip):
            raise Failure(
                _("There is no employee with NIP {nip}; import the employees first.").format(
                    nip=nip
                )
            )
        accounts.set_password(conn, nip, password)
    print(_("Password set for NIP {nip}; their earlier sessions have ended.").format(nip=nip))


def cmd_revoke(url: str, args: argparse.Namespace) -> None:
    nip = args.nip.replace(" ", "")
    engine = _initialised(url)
    with db.writing(engine) as conn:
        if not load_org(conn).known(nip):
            raise Failure(_("There is no employee with NIP {nip}.").format(nip=nip))
        ended = accounts.revoke_all(conn, nip, db.now())
    print(_("{count} session(s) of NIP {nip} ended.").format(count=ended, nip=nip))


def cmd_serve(url: str, args: argparse.Namespace) -> None:
    import uvicorn

    from server.app import create_app

    certfile, keyfile = _tls(args.certfile, args.keyfile)
    workers.check_workers(url, args.workers)
    files.protect(url, server_home())
    days = token_days(args.token_days)
    if args.workers == 1:
        app: Any = create_app(url, token_days=days, home=server_home())
    else:
        workers.prepare(url, days)
        app = "server.workers:app"
    files.protect(url, server_home())  # the mark file and WAL made while starting
    uvicorn.run(
        app,
        factory=args.workers > 1,
        workers=args.workers if args.workers > 1 else None,
        host=args.host,
        port=args.port,
        # server.requestlog writes the one line a request; uvicorn's own would repeat it.
        access_log=False,
        log_config=log_config(json_lines=args.log_json),
        # A forwarded address is believed only from the proxies named: anyone else
        # could otherwise pick the address the sign-in brake counts.
        proxy_headers=bool(args.forwarded_allow_ips),
        forwarded_allow_ips=args.forwarded_allow_ips or "",
        ssl_certfile=certfile,
        ssl_keyfile=keyfile,
    )


def _tls(certfile: Path | None, keyfile: Path | None) -> tuple[str | None, str | None]:
    """The certificate and key files for uvicorn, once checked there and readable."""
    if certfile is None and keyfile is not None:
        raise Failure(_("--keyfile needs --certfile."))
    for path in (certfile, keyfile):
        if path is not None and not os.access(path, os.R_OK):
            raise Failure(_("Cannot read {file}.").format(file=path))
    return (
        None if certfile is None else str(certfile),
        None if keyfile is None else str(keyfile),
    )


COMMANDS = {
    "init": cmd_init,
    "import-employees": cmd_import,
    "set-password": cmd_set_password,
    "revoke": cmd_revoke,
    "serve": cmd_serve,
    **ops_cli.COMMANDS,
}


def main(argv: Sequence[str] | None = None) -> int:
    with _argparse_speaks(text):
        args = build_parser().parse_args(argv)
    url = database_url(args.db)
    # Files made from here on (the database, its WAL, the mark) are the server user's alone.
    umask = os.umask(0o077)
    try:
        COMMANDS[args.command](url, args)
    except Failure as failure:
        print(f"kinerja-server: {failure}", file=sys.stderr)
        return 1
    except db.SchemaMissing:
        print(
            "kinerja-server: "
            + _("The database has no schema yet: run kinerja-server init first."),
            file=sys.stderr,
        )
        return 1
    except OperationalError as error:
        reason = str(error.orig).splitlines()[0] if error.orig else str(error)
        print(
            "kinerja-server: " + _("Cannot reach the database: {reason}").format(reason=reason),
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        return 130
    finally:
        os.umask(umask)
    return 0


if __name__ == "__main__":
    sys.exit(main())
