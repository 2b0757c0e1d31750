"""One tree's figures for bench/save_bench.py: a save from each of four screens.

Run by save_bench.py inside a checkout (this one, or a worktree of the
baseline commit) with that checkout first on sys.path: it imports the
screens and stores of whichever layout it finds (screens/<area>/ packages
now, flat screen modules before issue 10). For each screen it opens the
screen on a profile of about 2,000 records, then times ``--runs`` saves:
the store reads made from the key press until the save is done and the
screen redrawn, and the CPU time of the UI thread (the event loop's
thread) over the same span. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import json
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

READS = ("get", "all", "search", "collection", "count")


def module(*names: str) -> Any:
    """The first module of ``names`` that imports (new layout first)."""
    for name in names:
        try:
            return importlib.import_module(name)
        except ImportError:
            continue
    raise ImportError(names)


def first(*names: str) -> Any:
    """The first ``module:attr`` that imports (new layout first)."""
    for name in names:
        module, _sep, attr = name.partition(":")
        try:
            return getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError):
            continue
    raise ImportError(names)


class ReadCounter:
    """Counts the store's public reads, from any thread, not the nested ones."""

    def __init__(self) -> None:
        self.count = 0
        self._depth = threading.local()

    def install(self) -> None:
        from store.core import Store

        for name in READS:
            original = getattr(Store, name)
            setattr(Store, name, self._wrap(original))

    def _wrap(self, original: Callable[..., Any]) -> Callable[..., Any]:
        def counted(*args: Any, **kwargs: Any) -> Any:
            depth = getattr(self._depth, "n", 0)
            if depth == 0:
                self.count += 1
            self._depth.n = depth + 1
            try:
                return original(*args, **kwargs)
            finally:
                self._depth.n = depth

        return counted


def build(home: Path, me: str, records: int) -> None:
    install_profile = first("demo.offline:install_profile", "tui.demo.offline:install_profile")
    office_records = first("demo.offline:office_records", "tui.demo.offline:office_records")
    sample = module("demo.sample", "tui.demo.sample")
    employee = first("demo.office:EMPLOYEE", "tui.demo.office:EMPLOYEE")
    base = len(office_records()) + len({(w.collection, w.id) for w in sample.sample_writes()})
    extra = [
        sample.Write(
            employee.nip,
            "progress",
            sample.demo_id("bench-progress", n),
            employee.nip,
            {
                "plan_item_id": sample.item_id("rizal-analysis"),
                "period_id": sample.period_id("quarterly", 1 + n % 4),
                "values": [2, n % 240],
                "note": f"Catatan realisasi harian ke-{n}",
                "evidence": [{"label": f"Bukti {n}", "url": f"https://arsip.example/{n}.pdf"}],
            },
        )
        for n in range(max(0, records - base))
    ]
    install_profile(home, me, extra=extra)


async def settle(pilot: Any) -> None:
    """Until the key's work is done: save workers finished, messages handled."""
    for _round in range(200):
        await pilot.pause()
        running = [w for w in pilot.app.workers if w.group == "save" and not w.is_finished]
        if not running:
            return
        await asyncio.gather(*(w.wait() for w in running), return_exceptions=True)


async def measure(
    screen_factory: Callable[[], Any],
    prepare: Callable[[Any], Any],
    before: Callable[[Any], Any],
    key: str,
    runs: int,
    counter: ReadCounter,
) -> dict[str, Any]:
    from textual.app import App

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(screen_factory())

    app = Host()
    reads: list[int] = []
    cpu: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await prepare(pilot)
        await settle(pilot)
        for _run in range(runs + 1):
            await before(pilot)
            await settle(pilot)
            counter.count = 0
            started = time.thread_time()
            await pilot.press(key)
            await settle(pilot)
            cpu.append((time.thread_time() - started) * 1000)
            reads.append(counter.count)
    # The first save warms caches (and compiles CSS): left out.
    return {"reads": reads[1:], "ui_ms": cpu[1:]}


async def main_async(records: int, runs: int) -> dict[str, Any]:
    from textual.widgets import Select, TabbedContent

    office = module("demo.office", "tui.demo.office")
    open_services = first("client.services:open_services", "tui.services:open_services")
    plan_screen = first("tui.screens.plan.screen:PlanScreen", "tui.screens.plan:PlanScreen")
    progress_screen = first(
        "tui.screens.progress.screen:ProgressScreen", "tui.screens.progress:ProgressScreen"
    )
    feedback_screen = first(
        "tui.screens.feedback.screen:FeedbackScreen", "tui.screens.feedback:FeedbackScreen"
    )
    evaluation_screen = first(
        "tui.screens.evaluation.screen:EvaluationScreen",
        "tui.screens.evaluation:EvaluationScreen",
    )
    counter = ReadCounter()
    counter.install()
    drafting, employee, superior = office.STAFF[3], office.EMPLOYEE, office.SUPERIOR
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="kinerja-save-bench-") as folder:
        homes = {}
        for person in (drafting, employee, superior):
            homes[person.nip] = Path(folder) / person.nip
            build(homes[person.nip], person.nip, records)

        def services(nip: str) -> Any:
            return open_services(homes[nip])

        async def nothing(pilot: Any) -> None:
            return None

        # Rencana: the owner saves the Lampiran of a draft SKP (ctrl+s).
        async def lampiran(pilot: Any) -> None:
            pilot.app.screen.query_one("#plan-tabs", TabbedContent).active = "tab-attachments"

        plan_services = services(drafting.nip)
        results["Rencana"] = await measure(
            lambda: plan_screen(plan_services), lampiran, nothing, "ctrl+s", runs, counter
        )

        # Realisasi: the owner records the realisasi of an RHK (enter, ctrl+s).
        async def open_editor(pilot: Any) -> None:
            await pilot.press("enter")

        progress_services = services(employee.nip)
        results["Realisasi"] = await measure(
            lambda: progress_screen(progress_services),
            nothing,
            open_editor,
            "ctrl+s",
            runs,
            counter,
        )

        # What Textual itself costs the UI thread for one key and a redraw, on the
        # same screen: the cursor moved down a row (and back before each run).
        async def cursor_up(pilot: Any) -> None:
            await pilot.press("up")

        results["floor: a cursor move"] = await measure(
            lambda: progress_screen(progress_services), nothing, cursor_up, "down", runs, counter
        )

        # Umpan balik: the PPK edits an umpan balik of a subordinate (e, ctrl+s).
        async def pick_employee(pilot: Any) -> None:
            screen = pilot.app.screen
            screen.query_one("#feedback-person", Select).value = employee.nip

        async def open_form(pilot: Any) -> None:
            await pilot.press("e")

        feedback_services = services(superior.nip)
        results["Umpan balik"] = await measure(
            lambda: feedback_screen(feedback_services),
            pick_employee,
            open_form,
            "ctrl+s",
            runs,
            counter,
        )

        # Evaluasi: the PPK saves a draft evaluation (s), both ratings chosen.
        async def rate(pilot: Any) -> None:
            screen = pilot.app.screen
            for nip in [s.nip for s in office.STAFF]:
                screen.query_one("#eval-person", Select).value = nip
                await settle(pilot)
                if screen.writable:
                    break
            await pilot.press("h", "b")

        evaluation_services = services(superior.nip)
        results["Evaluasi"] = await measure(
            lambda: evaluation_screen(evaluation_services), rate, nothing, "s", runs, counter
        )
        count = len(evaluation_services.store.all("records"))
    return {"records": count, "screens": results}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(main_async(args.records, args.runs))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
