"""``kinerja demo --data DIR`` comes back where its profiles were signed in.

A profile keeps the server's address; a demo that moved port on restart
would leave every signed-in profile, and its unsent changes, talking to
nothing. So the folder remembers its port, ``--port`` fixes it, and a taken
port is said, with what to do, rather than silently moved.
"""

from __future__ import annotations

import argparse
import io
import socket
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr
from pathlib import Path

import pytest

from client.services import open_services
from demo import command, folder
from demo.office import SUPERIOR
from demo.server import bind_port
from demo.setup import DemoPortInUse, start_demo
from demo.steps import Steps


@contextmanager
def holding(port: int) -> Iterator[socket.socket]:
    """Another program listening on ``port``."""
    with socket.socket() as other:
        other.bind(("127.0.0.1", port))
        other.listen()
        yield other


def free_port() -> int:
    with bind_port(0) as probe:
        return int(probe.getsockname()[1])


def profile_url(data: Path) -> str | None:
    services = open_services(folder.profile_home(data, SUPERIOR.nip))
    assert services is not None
    return services.store.get_meta("server_url")


def test_a_restart_comes_back_on_the_same_port_still_signed_in(demo_folder: Path) -> None:
    before = folder.remembered_port(demo_folder)
    out = io.StringIO()
    demo = start_demo(demo_folder, steps=Steps(out))
    try:
        assert demo.server.port == before
        assert profile_url(demo_folder) == demo.server.url
    finally:
        demo.server.stop()
    lines = out.getvalue().splitlines()
    assert lines[0].startswith(f"  [1/2] Menjalankan server… {demo.server.url}")
    assert lines[1].startswith(f"  [2/2] Masuk sebagai {SUPERIOR.name}… sesi masih berlaku")


def test_port_fixes_the_port_and_the_folder_keeps_it(demo_folder: Path) -> None:
    port = free_port()
    demo = start_demo(demo_folder, port=port)
    demo.server.stop()
    assert demo.server.url == f"http://127.0.0.1:{port}"
    # The profile followed the demo to its new address, and the folder remembers it.
    assert profile_url(demo_folder) == demo.server.url
    assert folder.remembered_port(demo_folder) == port
    again = start_demo(demo_folder)
    again.server.stop()
    assert again.server.port == port


def test_a_taken_port_at_restart_is_said_not_moved(demo_folder: Path) -> None:
    port = folder.remembered_port(demo_folder)
    assert port is not None
    with holding(port), pytest.raises(DemoPortInUse) as taken:
        start_demo(demo_folder)
    assert (taken.value.port, taken.value.remembered) == (port, True)
    assert folder.remembered_port(demo_folder) == port


def run_command(data: Path | None, port: int | None) -> tuple[int, str]:
    errors = io.StringIO()
    with redirect_stderr(errors):
        code = command.run(argparse.Namespace(data=data, port=port, no_tui=True))
    return code, errors.getvalue()


def test_the_command_says_what_to_do_when_the_folders_port_is_taken(
    demo_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KINERJA_LANG", "en")
    port = folder.remembered_port(demo_folder)
    assert port is not None
    with holding(port):
        code, said = run_command(demo_folder, None)
    assert code == 2
    assert f"kinerja demo: error: port {port}, where this demo folder's server runs" in said
    assert "--port PORT" in said and "sign in again at the new address" in said


def test_a_taken_port_asked_for_is_said_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KINERJA_LANG", "en")
    port = free_port()
    with holding(port):
        code, said = run_command(tmp_path / "fresh", port)
    assert code == 2
    assert f"port {port} is in use by another program" in said
    assert not folder.is_seeded(tmp_path / "fresh")


def test_a_port_outside_the_range_is_refused() -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        command.port_number("70000")
    assert command.port_number("8123") == 8123
