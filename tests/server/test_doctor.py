"""``kinerja-server doctor`` on real files, certificates and databases: it names each fix."""

from __future__ import annotations

from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

from tests.server.test_cli import run
from tests.server.test_serving import _self_signed
from tests.support import pg

EN = {"KINERJA_LANG": "en"}


def _doctor(url: str, home: Path, *flags: str) -> tuple[int, list[str], str]:
    done = run("doctor", "--db", url, *flags, env={**EN, "KINERJA_SERVER_HOME": str(home)})
    return done.returncode, done.stdout.splitlines(), done.stderr


def _fixes(lines: list[str]) -> list[str]:
    return [line for line in lines if line.startswith("FIX")]


def _sqlite(tmp_path: Path) -> tuple[str, Path]:
    home = tmp_path / "data"
    url = f"sqlite:///{home / 'kinerja.sqlite3'}"
    assert run("init", "--db", url).returncode == 0
    return url, home


def test_a_fresh_server_has_nothing_to_fix(tmp_path: Path) -> None:
    url, home = _sqlite(tmp_path)
    status, lines, err = _doctor(url, home)
    assert (status, err, _fixes(lines)) == (0, "", [])
    assert any("schema version 3" in line for line in lines if line.startswith("OK"))


def test_files_open_to_others_are_named_with_the_chmod(tmp_path: Path) -> None:
    url, home = _sqlite(tmp_path)
    database = home / "kinerja.sqlite3"
    database.chmod(0o644)
    home.chmod(0o755)
    status, lines, err = _doctor(url, home)
    assert status == 1 and err == "kinerja-server: 2 thing(s) to fix.\n"
    assert _fixes(lines) == [
        f"FIX   {home} is open to others: chmod 700 {home}",
        f"FIX   {database} is open to others: chmod 600 {database}",
    ]


def test_a_database_not_initialised_says_run_init(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kosong.sqlite3'}"
    status, lines, _err = _doctor(url, tmp_path)
    assert status == 1 and "run kinerja-server init" in _fixes(lines)[0]


def test_tls_a_key_of_another_certificate_and_an_open_key(tmp_path: Path) -> None:
    url, home = _sqlite(tmp_path)
    cert, key = _self_signed(tmp_path)
    key.chmod(0o600)
    status, lines, _err = _doctor(url, home, "--certfile", str(cert), "--keyfile", str(key))
    # _self_signed's certificate lives one day: worth a note, nothing to fix yet.
    assert status == 0 and any(
        line.startswith("NOTE  The certificate") and "renew it soon" in line for line in lines
    )
    other = tmp_path / "other"
    other.mkdir()
    _other_cert, other_key = _self_signed(other)
    status, lines, _err = _doctor(url, home, "--certfile", str(cert), "--keyfile", str(other_key))
    assert status == 1 and "cannot be used together" in _fixes(lines)[0]
    key.chmod(0o644)
    status, lines, _err = _doctor(url, home, "--certfile", str(cert), "--keyfile", str(key))
    assert _fixes(lines) == [f"FIX   The private key {key} is open to others: chmod 600 {key}"]


def test_postgresql_settings_the_connections_workers_need_and_the_clock(
    tmp_path: Path, pg_server: pg.Server
) -> None:
    url = pg_server.new_database()
    assert run("init", "--db", url).returncode == 0
    # The cluster is the throwaway one (fsync off, 200 connections: tests/support/pg.py)
    # or the one CI installs (fsync on, Debian's 100): the doctor must say what it has.
    with psycopg.connect(pg_server.admin_url, autocommit=True) as conn:
        settings = {
            name: str(conn.execute(sql.SQL("SHOW {}").format(sql.Identifier(name))).fetchone()[0])  # type: ignore[index]
            for name in ("fsync", "synchronous_commit", "max_connections")
        }
    unsafe = [
        f"FIX   PostgreSQL has {name} = {settings[name]}: a crash could lose what clients"
        f" were told was saved. Set {name} = on in postgresql.conf."
        for name in ("fsync", "synchronous_commit")
        if settings[name] != "on"
    ]
    most = int(settings["max_connections"])

    def connections(workers: int) -> list[str]:
        needed = workers * 45 + 5  # server.db.make_engine's pool, and a margin
        if most >= needed:
            return []
        return [
            f"FIX   PostgreSQL allows {most} connections; {workers} worker(s) may open"
            f" {needed}: set max_connections = {needed} or more."
        ]

    status, lines, _err = _doctor(url, tmp_path, "--workers", "1")
    assert _fixes(lines) == unsafe + connections(1)
    assert status == (1 if unsafe + connections(1) else 0)
    assert "OK    The clock agrees with the database server's." in lines
    workers = most // 45 + 1  # more than this cluster can serve
    status, lines, _err = _doctor(url, tmp_path, "--workers", str(workers))
    assert status == 1 and _fixes(lines) == unsafe + connections(workers)
    assert connections(workers)
    name = str(make_url(url).database)
    with psycopg.connect(pg_server.admin_url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
    status, lines, _err = _doctor(url, tmp_path)
    assert status == 1 and _fixes(lines)[0].startswith("FIX   Cannot reach the database:")
