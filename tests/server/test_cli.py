"""kinerja-server init, import-employees and set-password, run as people run them."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from sqlalchemy import select

from server import db, recordstore
from server.cli import main
from tests.support.live_server import ROOT, make_nip

BOSS, STAFF, OTHER = make_nip(1), make_nip(2), make_nip(3)
HEADER = "nip,name,kind,rank,position,unit,atasan_nip,roles\n"


def _environ(env: dict[str, str] | None) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("KINERJA_", "LANG", "LC_"))}
    environ.update(env or {})
    return environ


def run(
    *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """kinerja-server in this process (fast): its exit status, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with (
        mock.patch.dict(os.environ, _environ(env), clear=True),
        mock.patch("sys.stdin", io.StringIO(stdin)),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            status = main(list(args))
        except SystemExit as leaving:  # argparse: --help and usage errors
            status = int(leaving.code or 0)
    return subprocess.CompletedProcess(list(args), status, out.getvalue(), err.getvalue())


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'data' / 'kinerja.sqlite3'}"
    assert run("init", "--db", url).returncode == 0
    return url


def test_init_is_safe_to_run_again(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kinerja.sqlite3'}"
    first = run("init", "--db", url)
    assert first.returncode == 0 and "versi 3" in first.stdout
    again = run("--db", url, "init")
    assert again.returncode == 0 and "sudah mutakhir" in again.stdout


def test_init_on_postgresql_twice(pg_database: str) -> None:
    assert run("init", "--db", pg_database).returncode == 0
    assert run("init", env={"KINERJA_DB": pg_database}).returncode == 0


def test_the_installed_command_answers_in_indonesian() -> None:
    command = [sys.executable, "-m", "server.cli", "--help"]
    result = subprocess.run(
        command, cwd=ROOT, env=_environ(None), capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and result.stdout.startswith("penggunaan: kinerja-server")


def test_help_speaks_indonesian_and_english() -> None:
    indonesian = run("--help")
    assert (
        indonesian.returncode == 0
        and "penggunaan:" in indonesian.stdout
        and "perintah" in indonesian.stdout
    )
    english = run("import-employees", "--help", env={"LANG": "en_US.UTF-8"})
    assert english.returncode == 0 and "usage:" in english.stdout and "CSV" in english.stdout
    assert (
        "Menambah atau memperbarui"
        in run(
            "import-employees", "--help", env={"KINERJA_LANG": "id", "LANG": "en_US.UTF-8"}
        ).stdout
    )


def test_mistakes_end_in_one_line_not_a_stack_trace(tmp_path: Path, db_url: str) -> None:
    uninitialised = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    for result in (
        run("set-password", STAFF, "--db", uninitialised, stdin="rahasia\n"),
        run("import-employees", str(tmp_path / "tidak-ada.csv"), "--db", db_url),
        run("set-password", STAFF, "--db", db_url, stdin="rahasia\n"),
        run("set-password", STAFF, "--db", db_url, stdin=""),
        run("init", "--db", "mysql://nope/x"),
        run("init", "--db", "postgresql://nobody@127.0.0.1:1/none"),
    ):
        assert result.returncode != 0
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert result.stderr.startswith("kinerja-server: ")


def test_import_creates_units_and_employees_as_feed_records(tmp_path: Path, db_url: str) -> None:
    csv = tmp_path / "pegawai.csv"
    csv.write_text(
        HEADER
        + f"{STAFF},Siti Rahma,PNS,Penata Muda (III/a),Analis Perizinan,Bidang Perizinan,{BOSS},\n"
        + f"{BOSS},Ahmad Umar,PNS,Pembina (IV/a),Kepala Bidang,Bidang Perizinan,,admin\n"
        + f"{OTHER},Nurul Hasan,PPPK,IX,Pengelola Layanan,Sekretariat,{BOSS},\n"
    )
    result = run("import-employees", str(csv), "--db", db_url)
    assert result.returncode == 0, result.stderr
    assert "3 pegawai baru" in result.stdout and "2 unit kerja baru" in result.stdout
    engine = db.make_engine(db_url)
    with db.reading(engine) as conn:
        employees = {r["owner"]: r for r in recordstore.of_collection(conn, "employee")}
        units = {r["data"]["name"]: r for r in recordstore.of_collection(conn, "unit")}
        history = conn.execute(select(db.history.c.by_nip, db.history.c.collection)).all()
    assert set(units) == {"Bidang Perizinan", "Sekretariat"}
    staff = employees[STAFF]
    assert (
        staff["data"]["atasan_nip"] == BOSS
        and staff["data"]["unit_id"] == units["Bidang Perizinan"]["id"]
    )
    assert employees[BOSS]["data"]["roles"] == ["admin"] and staff["data"]["active"] is True
    assert all(r["seq"] > 0 and r["updated_by"] is None for r in employees.values())
    assert len(history) == 5 and {by for by, _c in history} == {"kinerja-server import-employees"}
    # Importing again updates what changed and keeps the record ids.
    csv.write_text(
        HEADER + f"{STAFF},Siti Rahma,PNS,Penata (III/c),Analis Perizinan,Sekretariat,{BOSS},\n"
    )
    again = run("import-employees", str(csv), "--db", db_url, env={"KINERJA_LANG": "en"})
    assert again.returncode == 0 and "0 new, 1 updated" in again.stdout
    with db.reading(engine) as conn:
        updated = recordstore.get(conn, "employee", staff["id"])
    assert (
        updated is not None and updated["rev"] == 2 and updated["data"]["rank"] == "Penata (III/c)"
    )
    assert updated["data"]["unit_id"] == units["Sekretariat"]["id"]
    # set-password reads one line from stdin.
    assert run("set-password", STAFF, "--db", db_url, stdin="kata sandi panjang\n").returncode == 0


def test_a_file_with_bad_rows_imports_nothing_and_lists_each(tmp_path: Path, db_url: str) -> None:
    csv = tmp_path / "pegawai.csv"
    csv.write_text(
        HEADER
        + f"{BOSS},Ahmad Umar,PNS,Pembina (IV/a),Kepala Bidang,Bidang Perizinan,,\n"  # line 2: good
        + "19861332201505100,Salah NIP,PNS,Penata,Analis,Bidang Perizinan,,\n"  # 3: bad NIP
        + f"{STAFF},Siti,PNS,Penata,Analis,Bidang Perizinan,{make_nip(77)},\n"  # 4: unknown atasan
        + f"{OTHER},Nurul,Honorer,IX,Pengelola,Sekretariat,,\n"  # 5: bad kind
        + f"{BOSS},Ahmad Lagi,PNS,Pembina,Kepala,Bidang Perizinan,,\n"  # 6: duplicate NIP
        + f"{make_nip(5)},Tanpa Unit,PNS,Penata,Analis,,,superuser\n"  # 7: no unit, bad role
        + "1,2,3\n"  # 8: wrong number of columns
    )
    result = run("import-employees", str(csv), "--db", db_url)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0] == f"kinerja-server: Tidak ada yang diimpor: 6 baris salah di {csv}."
    reported = {int(line.split(":")[0].removeprefix("baris ")) for line in lines[1:]}
    assert reported == {3, 4, 5, 6, 7, 8}
    text = result.stderr
    assert "bukan NIP yang sah" in text and "bukan NIP pegawai yang terdaftar" in text
    assert "Jenis harus PNS atau PPPK" in text and "juga ada di baris 2" in text
    assert "Kolom unit kosong" in text and "Peran 'superuser' tidak dikenal" in text
    engine = db.make_engine(db_url)
    with db.reading(engine) as conn:
        assert recordstore.of_collection(conn, "employee") == []
        assert recordstore.of_collection(conn, "unit") == []
        assert db.current_seq(conn) == 0


def test_import_refuses_a_loop_in_the_atasan_chain_and_ones_own_atasan(
    tmp_path: Path, db_url: str
) -> None:
    csv = tmp_path / "pegawai.csv"
    csv.write_text(
        HEADER
        + f"{BOSS},Ahmad Umar,PNS,Pembina,Kepala,Bidang,,\n"
        + f"{STAFF},Siti Rahma,PNS,Penata,Analis,Bidang,{BOSS},\n"
    )
    assert run("import-employees", str(csv), "--db", db_url).returncode == 0
    # The boss put under the staff member: a loop through the server's own data.
    csv.write_text(HEADER + f"{BOSS},Ahmad Umar,PNS,Pembina,Kepala,Bidang,{STAFF},\n")
    looped = run("import-employees", str(csv), "--db", db_url, env={"KINERJA_LANG": "en"})
    assert looped.returncode == 1 and "line 2" in looped.stderr and "loop" in looped.stderr
    # A loop inside the file alone, and someone their own atasan.
    csv.write_text(
        HEADER
        + f"{OTHER},Nurul,PNS,Penata,Analis,Bidang,{make_nip(7)},\n"
        + f"{make_nip(7)},Rudi,PNS,Penata,Analis,Bidang,{OTHER},\n"
        + f"{make_nip(8)},Dewi,PNS,Penata,Analis,Bidang,{make_nip(8)},\n"
    )
    refused = run("import-employees", str(csv), "--db", db_url)
    assert refused.returncode == 1
    lines = refused.stderr.splitlines()
    assert "rantai atasan berputar" in lines[1] and "rantai atasan berputar" in lines[2]
    assert "NIP pegawai itu sendiri" in lines[3]
    engine = db.make_engine(db_url)
    with db.reading(engine) as conn:
        employees = {r["owner"]: r for r in recordstore.of_collection(conn, "employee")}
    assert set(employees) == {BOSS, STAFF} and employees[BOSS]["data"]["atasan_nip"] is None
