"""Scripts can rely on ``sync --json`` and ``status --json``: JSON on every exit code,
one line on stderr for exits 1 and 2, and no traceback when the reader goes away."""

from __future__ import annotations

import fcntl
import os
import resource
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from store import open_store
from tests.support.live_server import DEFAULT_PASSWORD, LiveServer, make_nip
from tests.sync.commands_helpers import ROOT, as_json, environment, kinerja
from tests.sync.devices import training

NIP = make_nip(43)


@pytest.fixture
def signed_in(live_server: LiveServer, tmp_path: Path) -> Path:
    home = tmp_path / "profile"
    live_server.add_employee(NIP, "Dewi Sartika")
    live_server.set_password(NIP)
    login = kinerja(
        home, "login", live_server.root_url, "--nip", NIP, "--password-stdin",
        stdin=DEFAULT_PASSWORD + "\n",
    )  # fmt: skip
    assert login.returncode == 0, login.stderr
    return home


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[Path]:
    """A profile whose lock another process holds (here: this one)."""
    home = tmp_path / "profile"
    open_store(home).records.edit("training", "t1", training(), owner=NIP, by=NIP)
    fd = os.open(home / "store.lock", os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    yield home
    os.close(fd)


def one_stderr_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


@pytest.mark.parametrize("command", ["sync", "status"])
def test_a_busy_lock_still_answers_json_and_one_line(locked: Path, command: str) -> None:
    result = kinerja(locked, command, "--json", KINERJA_LOCK_TIMEOUT="0.3")
    assert result.returncode == 2
    answer = as_json(result)
    assert (answer["ok"], answer["exit"], answer["error"]) == (False, 2, "store_busy")
    assert "locked by another Kinerja process" in one_stderr_line(result.stderr)


def test_a_full_disk_during_sync_still_answers_json(signed_in: Path) -> None:
    store = open_store(signed_in)
    store.records.edit("training", "t1", training(), owner=NIP, by=NIP)
    size = (signed_in / "store.journal").stat().st_size

    def disk_full_beyond_the_journal() -> None:  # no byte more may be written to any file
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    result = subprocess.run(
        [sys.executable, "-m", "tui.cli", "sync", "--json"],
        cwd=ROOT,
        env=environment(signed_in),
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=disk_full_beyond_the_journal,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    answer = orjson.loads(result.stdout)
    assert (answer["ok"], answer["exit"], answer["error"]) == (False, 2, "store")
    assert answer["waiting"]["pending"] == 1
    assert "could not be saved" in one_stderr_line(result.stderr)
    [entry] = open_store(signed_in).records.outbox()  # nothing lost, nothing half-written
    assert entry["id"] == "t1"
    assert (signed_in / "store.journal").stat().st_size == size


def test_exit_1_writes_json_and_one_line_to_stderr(signed_in: Path) -> None:
    open_store(signed_in).records.edit("training", "t1", training(jp=-5), owner=NIP, by=NIP)
    result = kinerja(signed_in, "sync", "--json")
    assert result.returncode == 1
    assert as_json(result)["exit"] == 1 and as_json(result)["waiting"]["rejected"] == 1
    assert "1 rejected" in one_stderr_line(result.stderr)


def test_exit_2_with_json_writes_one_line_to_stderr_too(
    signed_in: Path, live_server: LiveServer
) -> None:
    live_server.stop()
    result = kinerja(signed_in, "sync", "--json", KINERJA_SYNC_ATTEMPTS="1")
    assert result.returncode == 2 and as_json(result)["error"] == "unreachable"
    assert "Could not reach the server" in one_stderr_line(result.stderr)


def test_not_signed_in_with_json(tmp_path: Path) -> None:
    result = kinerja(tmp_path, "sync", "--json")
    assert result.returncode == 2 and as_json(result)["error"] == "not_logged_in"
    one_stderr_line(result.stderr)


@pytest.mark.parametrize(
    "args",
    [("status",), ("status", "--json"), ("sync", "--json"), ("export",)],
    ids=["status", "status-json", "sync-json", "export"],
)
def test_a_reader_that_goes_away_gives_no_traceback(tmp_path: Path, args: tuple[str, ...]) -> None:
    home = tmp_path / "profile"
    store = open_store(home)
    for n in range(200):  # enough output to need the reader
        store.records.edit("training", f"t{n}", training(), owner=NIP, by=NIP)
    child = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", *args],
        cwd=ROOT,
        env=environment(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # `| head -0`: gone before the first line
    stderr = child.stderr.read().decode()
    child.stderr.close()
    code = child.wait(timeout=60)
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr and "Exception" not in stderr
    assert code in (141, 2), stderr  # 2: sync, which also says on stderr it is not signed in


def test_status_piped_to_head_keeps_its_first_line(tmp_path: Path) -> None:
    open_store(tmp_path)
    result = subprocess.run(
        f"'{sys.executable}' -m tui.cli status | head -1",
        shell=True,
        cwd=ROOT,
        env=environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.stdout.startswith("Server:") and result.stderr == ""
