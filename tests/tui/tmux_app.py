"""The real app in a real terminal: tmux, its own server, one pane.

``TmuxApp`` starts ``kinerja`` on a profile the demo's office was put into
(tests/tui/shell_world.py), in a pane of the given size and TERM, and reads
the pane back with its escape codes (``capture-pane -e``), as a person's
terminal shows it.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from demo.office import SUPERIOR
from demo.offline import install_profile

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 60.0


class TmuxApp:
    def __init__(self, name: str) -> None:
        self.socket = f"kinerja-term-{os.getpid()}-{name}"

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True
        )
        return done.stdout

    def start(self, home: Path, env: Mapping[str, str], size: tuple[int, int] = (80, 24)) -> None:
        """``kinerja`` on the profile in ``home``, with ``env`` over a plain one."""
        base = {"PATH": os.environ["PATH"], "HOME": str(home), "KINERJA_LANG": "id"}
        exports = {**base, "KINERJA_HOME": str(home), **env}
        line = shlex.join([sys.executable, "-m", "tui.cli"]) + "; echo EXIT=$?; sleep 60"
        assignments = " ".join(f"{k}={shlex.quote(v)}" for k, v in exports.items())
        width, height = size
        for attempt in range(5):  # a server just killed may still hold its socket
            try:
                self.tmux(
                    "new-session", "-d", "-s", "app", "-x", str(width), "-y", str(height),
                    "-c", str(ROOT), f"env -i {assignments} sh -c {shlex.quote(line)}",
                )  # fmt: skip
                return
            except subprocess.CalledProcessError:
                if attempt == 4:
                    raise
                time.sleep(0.5)

    def screen(self, *, escapes: bool = False) -> str:
        return self.tmux("capture-pane", "-p", "-t", "app", *(("-e",) if escapes else ()))

    def wait_for(self, text: str, timeout: float = START_TIMEOUT) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never showed:\n{self.screen()}")

    def settle(self, quiet: float = 0.6, timeout: float = 15.0) -> str:
        """The pane once it stopped changing for ``quiet`` seconds."""
        deadline = time.monotonic() + timeout
        shown, since = self.screen(escapes=True), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.1)
            now = self.screen(escapes=True)
            if now != shown:
                shown, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                break
        return shown

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", "app", *(("-l",) if literal else ()), *keys)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


@pytest.fixture
def tmux_app(request: pytest.FixtureRequest) -> Iterator[TmuxApp]:
    if shutil.which("tmux") is None:
        pytest.fail("tmux is needed for the terminal tests", pytrace=False)
    pane = TmuxApp(request.node.name[-24:].strip("[]_") or "t")
    yield pane
    pane.close()


def profile(home: Path, nip: str = SUPERIOR.nip) -> Path:
    """A signed-in profile of the demo's office in ``home``."""
    install_profile(home, nip)
    return home
