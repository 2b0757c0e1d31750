"""The start's steps as a terminal shows them: drawn when begun, the count moving in place."""

from __future__ import annotations

import io
from itertools import count

import pytest

from demo.steps import Steps


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_a_step_shows_at_once_and_its_count_moves_in_place() -> None:
    out = Terminal()
    ticks = count()
    steps = Steps(out, clock=lambda: float(next(ticks)))
    steps.plan(2)
    with steps.step("Menulis tahun contoh") as step:
        assert out.getvalue() == "\r  [1/2] Menulis tahun contoh… "
        step.count(40, 117)
        assert out.getvalue().endswith("\r  [1/2] Menulis tahun contoh… 40/117")
        step.result("117 perubahan")
    written = out.getvalue()
    assert written.endswith("\r\x1b[K  [1/2] Menulis tahun contoh… 117 perubahan (1 detik)\n")
    assert steps.lines == ["  [1/2] Menulis tahun contoh… 117 perubahan (1 detik)"]


def test_into_a_file_each_step_is_one_finished_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_LANG", "en")
    out = io.StringIO()
    ticks = iter([0.0, 0.25, 1.0, 3.5])
    steps = Steps(out, clock=lambda: next(ticks))
    steps.plan(2)
    with steps.step("Importing the office") as step:
        step.count(1, 2)  # no terminal: nothing drawn until done
        step.result("13 people")
    with steps.step("Starting the server"):
        pass
    assert out.getvalue() == (
        "  [1/2] Importing the office… 13 people (0.2 s)\n  [2/2] Starting the server… (2.5 s)\n"
    )
