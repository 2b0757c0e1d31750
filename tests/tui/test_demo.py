"""``kinerja demo`` as a person runs it: in a terminal, from the first start to ctrl+q.

- ``--no-tui`` tells its steps, prints the address and the accounts, and on
  Ctrl+C says the folder is kept; run again on the folder, it comes back at
  the same address;
- in tmux, the app opens on the first person's Beranda after the steps, and
  ctrl+q leaves a line saying whether the demo folder is kept (``--data``:
  where) or was removed (a temporary one).
"""

from __future__ import annotations

import os
import queue
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from demo.office import PASSWORD, PEOPLE, SUPERIOR

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 120.0
ENV = {**os.environ, "KINERJA_LANG": "id"}
BERANDA = "Menunggu saya"  # a heading only the app's Beranda shows


def _lines_of(process: subprocess.Popen[str]) -> queue.Queue[str | None]:
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    return lines


def run_no_tui(data: Path) -> tuple[str, int]:
    """``kinerja demo --no-tui --data DIR`` until it prints its accounts, then Ctrl+C."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "demo", "--no-tui", "--data", str(data)],
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines, output = _lines_of(process), []
    try:
        while not output or "Ctrl+C" not in output[-1]:
            line = lines.get(timeout=START_TIMEOUT)
            if line is None:
                raise AssertionError("kinerja demo ended early:\n" + "".join(output))
            output.append(line)
    finally:
        process.send_signal(signal.SIGINT)
        code = process.wait(timeout=30)
    while (line := lines.get(timeout=10)) is not None:
        output.append(line)
    return "".join(output), code


@pytest.fixture(scope="module")
def first_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, int]:
    data = tmp_path_factory.mktemp("demo") / "kept"
    output, code = run_no_tui(data)
    return data, output, code


def url_in(output: str) -> str:
    return next(
        line.split(": ", 1)[1].strip()
        for line in output.splitlines()
        if line.startswith("Server demo Kinerja")
    )


def test_no_tui_tells_its_steps_then_the_address_and_accounts(
    first_run: tuple[Path, str, int],
) -> None:
    data, output, code = first_run
    assert code == 0
    for step in (
        "[1/6] Membuat basis data server…",
        "[3/6] Mengatur kata sandi akun contoh…",
        "[5/6] Menulis tahun contoh…",
        f"[6/6] Masuk sebagai {SUPERIOR.name}… berhasil masuk",
    ):
        assert step in output
    assert url_in(output).startswith("http://127.0.0.1:")
    assert f"Akun contoh (kata sandi {PASSWORD} untuk semua):" in output
    for person in PEOPLE:
        assert f"{person.nip}  {person.name}" in output
    assert f"Data demo disimpan di {data}" in output


def test_run_again_the_folder_comes_back_at_the_same_address(
    first_run: tuple[Path, str, int],
) -> None:
    data, first, _code = first_run
    again, code = run_no_tui(data)
    assert code == 0
    assert url_in(again) == url_in(first)
    assert "[1/2] Menjalankan server…" in again
    assert "sesi masih berlaku" in again


class Tmux:
    """One tmux server of our own (its own socket), one window running a command."""

    def __init__(self, name: str) -> None:
        self.socket = f"kinerja-test-{os.getpid()}-{name}"

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True
        )
        return done.stdout

    def start(self, command: list[str]) -> None:
        # The pane stays after the command ends, with its exit code, to be read.
        line = shlex.join(command) + "; echo EXIT=$?; sleep 60"
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in ENV.items() if k.isidentifier())
        self.tmux(
            "new-session", "-d", "-s", "demo", "-x", "100", "-y", "30", "-c", str(ROOT),
            f"env {exports} sh -c {shlex.quote(line)}",
        )  # fmt: skip

    def screen(self, *, history: bool = False) -> str:
        """What the pane shows; ``history``: with the lines scrolled above it too."""
        return self.tmux("capture-pane", "-p", "-t", "demo", *(("-S", "-") if history else ()))

    def wait_for(self, text: str, timeout: float = START_TIMEOUT, *, history: bool = False) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen(history=history)
            if text in shown:
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never showed:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "demo", *keys)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


@pytest.fixture
def tmux(request: pytest.FixtureRequest) -> Iterator[Tmux]:
    if shutil.which("tmux") is None:
        pytest.fail("tmux is needed for the terminal tests", pytrace=False)
    terminal = Tmux(request.node.name[-20:].strip("[]_") or "t")
    yield terminal
    terminal.close()


def demo_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "tui.cli", "demo", *args]


def test_ctrl_q_says_where_the_kept_folder_is(
    tmux: Tmux, first_run: tuple[Path, str, int], tmp_path: Path
) -> None:
    data = tmp_path / "kept"
    shutil.copytree(first_run[0], data)
    tmux.start(demo_command("--data", str(data)))
    tmux.wait_for(BERANDA)
    tmux.keys("C-q")
    shown = tmux.wait_for("EXIT=", history=True)
    assert "EXIT=0" in shown
    # The pane wraps at 80 columns, inside a word when the path is long: compare
    # without the whitespace.
    flat = "".join(shown.split())
    for said in (f"Data demo disimpan di {data}", f"kinerja demo --data {data}"):
        assert "".join(said.split()) in flat, shown


def test_ctrl_q_says_the_temporary_folder_was_removed(tmux: Tmux) -> None:
    tmux.start(demo_command())
    tmux.wait_for(BERANDA)
    tmux.keys("C-q")
    shown = tmux.wait_for("EXIT=", history=True)
    flat = " ".join(shown.split())
    assert "EXIT=0" in flat
    assert "[5/6] Menulis tahun contoh…" in flat  # the steps stay above, once the app is gone
    assert "Folder sementara demo" in flat and "sudah dihapus" in flat
    removed = flat.split("Folder sementara demo ", 1)[1].split(" ", 1)[0]
    assert removed.startswith("/") and not Path(removed).exists()
