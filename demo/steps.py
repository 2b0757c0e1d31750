"""The demo's start told step by step on the terminal, while it prepares.

Each step is one line: its number, what it does, then what came of it and
how long it took (``[5/6] Menulis tahun contoh… 117 perubahan (1,2 d)``).
On a terminal a step's line is drawn as soon as it starts and its count
moves in place; into a file or a pipe each step is written once, done.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from demo.texts import _


class Step:
    """The step under way: ``count`` moves its counter, ``result`` says what came of it."""

    def __init__(self, draw: Callable[[str], None]) -> None:
        self._draw = draw
        self.outcome = ""

    def count(self, done: int, total: int) -> None:
        self._draw(f"{done}/{total}")

    def result(self, text: str) -> None:
        self.outcome = text


class Steps:
    """Numbered steps written to ``out`` (None: nowhere, for tests and the benchmark)."""

    def __init__(
        self,
        out: TextIO | None = sys.stderr,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.out = out
        self.clock = clock
        self.total = 0
        self.number = 0
        self.lines: list[str] = []  # every finished line, as written
        self.live = out is not None and out.isatty()

    def plan(self, total: int) -> None:
        self.total, self.number = total, 0

    @contextmanager
    def step(self, label: str) -> Iterator[Step]:
        self.number += 1
        head = f"  [{self.number}/{self.total}] {label}…"
        began = self.clock()

        def draw(progress: str) -> None:
            if self.live and self.out is not None:
                self.out.write(f"\r{head} {progress}")
                self.out.flush()

        draw("")
        step = Step(draw)
        yield step
        took = self.seconds(self.clock() - began)
        line = f"{head} {step.outcome} ({took})" if step.outcome else f"{head} ({took})"
        self.lines.append(line)
        if self.out is not None:
            self.out.write(("\r\x1b[K" if self.live else "") + line + "\n")
            self.out.flush()

    def say(self, text: str) -> None:
        self.lines.append(text)
        if self.out is not None:
            self.out.write(text + "\n")
            self.out.flush()

    def seconds(self, value: float) -> str:
        from client.numbers import format_number
        from domain.i18n import language

        shown = format_number(round(value, 1), language())
        return _("{seconds} s").format(seconds=shown)
