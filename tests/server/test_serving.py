"""``kinerja-server serve`` as deployed: TLS with a certificate, private files."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import httpx
import pytest

from tests.server.serving import Served
from tests.server.test_cli import run


def _self_signed(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", str(key), "-out", str(cert),
        ],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_serve_speaks_tls_with_the_certificate_given(tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    folder = tmp_path / "data"
    folder.mkdir()
    served = Served.start(folder, "--certfile", str(cert), "--keyfile", str(key), cafile=cert)
    try:
        with served.client() as client:
            hello = client.get("/hello")
        assert hello.status_code == 200 and hello.json()["protocol"] == 2
        assert hello.url.scheme == "https"
        plain = served.base_url.replace("https://", "http://")
        with pytest.raises(httpx.HTTPError):
            httpx.get(f"{plain}/hello", timeout=5)
        # A client that does not trust the certificate does not talk to it.
        with pytest.raises(httpx.HTTPError):
            httpx.get(f"{served.base_url}/hello", timeout=5)
    finally:
        served.stop()


def test_serve_refuses_tls_files_it_cannot_read(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kinerja.sqlite3'}"
    for flags in (
        ("--certfile", str(tmp_path / "tidak-ada.pem")),
        ("--keyfile", str(tmp_path / "k.pem")),
    ):
        result = run("serve", "--db", url, *flags)
        assert result.returncode == 1 and result.stderr.startswith("kinerja-server: ")


def test_the_servers_files_are_its_users_alone(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)  # as an operator might make it
    served = Served.start(folder)
    try:
        with served.client() as client:
            assert client.get("/hello").status_code == 200
        database = folder / "kinerja.sqlite3"
        files = [
            database,
            Path(f"{database}-wal"),
            Path(f"{database}-shm"),
            Path(f"{database}.seq-mark"),
        ]
        assert all(path.exists() for path in files), os.listdir(folder)
        assert {path.name: _mode(path) for path in files} == {path.name: 0o600 for path in files}
        assert _mode(folder) == 0o700
    finally:
        served.stop()


def test_init_closes_an_old_database_and_leaves_a_shared_folder_alone(tmp_path: Path) -> None:
    own = tmp_path / "data"
    own.mkdir(mode=0o755)
    url = f"sqlite:///{own / 'kinerja.sqlite3'}"
    assert run("init", "--db", url).returncode == 0
    (own / "kinerja.sqlite3").chmod(0o644)  # as a copy or an older release left it
    own.chmod(0o755)
    assert run("init", "--db", url).returncode == 0
    assert _mode(own / "kinerja.sqlite3") == 0o600 and _mode(own) == 0o700
    shared = tmp_path / "bersama"
    shared.mkdir(mode=0o755)
    (shared / "catatan-lain.txt").write_text("milik orang lain")
    result = run(
        "init", "--db", f"sqlite:///{shared / 'kinerja.sqlite3'}", env={"KINERJA_LANG": "en"}
    )
    assert result.returncode == 0 and "folder of its own" in result.stderr
    assert _mode(shared) == 0o755 and _mode(shared / "kinerja.sqlite3") == 0o600
