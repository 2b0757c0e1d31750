"""Opening a list of 1,000 people on the UI thread, beside a plain DataTable.

    python -m bench.list_bench [--people 1000] [--samples 7]

Each sample pushes a screen holding the list and waits until it has been
mounted, filled and drawn (Pilot's pause: the UI thread is idle again), then
pops it. The figure is the UI thread's CPU time over that span
(``time.thread_time``): on a machine shared with other work, wall time
mostly measures the others, while the thread's own time is what a person
waits for on an idle terminal. Ours is
``tui.widgets.filter_list.FilterList`` (filter line, table, count line) with
the people of a generated instansi (bench/province.py): name, NIP, unit,
position. The same-run baseline is a bare Textual ``DataTable`` given the
same cells with one ``add_rows``, which is the least any table of them
costs. Also timed: one typed letter re-filtering the whole list.

Target (issue 11): opening under 200 ms (median). The ratio to the baseline
shows what the filter and count add.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Callable, Sequence

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input

from bench.province import generate
from domain.nip import format_nip
from tui.widgets.filter_list import Column, FilterList, Row

TARGET_MS = 200.0
COLUMNS = (Column("Nama", 24), Column("NIP", 21), Column("Unit", 14), Column("Jabatan", 14))


def office_rows(people: int) -> list[Row]:
    province = generate(employees=people, units=max(1, people // 100), seed=11)
    return [
        Row(p.nip, (p.name, format_nip(p.nip), p.unit_id[:8], p.position))
        for p in province.people[:people]
    ]


class FilterListScreen(Screen[None]):
    def __init__(self, rows: Sequence[Row]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield FilterList(COLUMNS, self.rows, noun="orang", lang="id")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(FilterList).focus_filter()


class PlainTableScreen(Screen[None]):
    def __init__(self, rows: Sequence[Row]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        table: DataTable[str] = DataTable(cursor_type="row")
        for column in COLUMNS:
            table.add_column(column.label, width=column.width)
        table.add_rows([row.cells for row in self.rows])
        yield table
        yield Footer()


class Bench(App[None]):
    pass


async def measure(rows: Sequence[Row], samples: int) -> dict[str, list[float]]:
    found: dict[str, list[float]] = {"filter list": [], "plain DataTable": [], "one letter": []}
    makers: dict[str, Callable[[], Screen[None]]] = {
        "filter list": lambda: FilterListScreen(rows),
        "plain DataTable": lambda: PlainTableScreen(rows),
    }
    app = Bench()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _sample in range(samples):
            for name, make in makers.items():  # interleaved: load hits both alike
                start = time.thread_time()
                await app.push_screen(make())
                await pilot.pause()
                found[name].append(time.thread_time() - start)
                if name == "filter list":
                    start = time.thread_time()
                    app.screen.query_one(Input).value = "a"
                    await pilot.pause()
                    found["one letter"].append(time.thread_time() - start)
                app.pop_screen()
                await pilot.pause()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--samples", type=int, default=7)
    args = parser.parse_args()
    rows = office_rows(args.people)
    found = asyncio.run(measure(rows, args.samples))
    ms = {name: statistics.median(times) * 1000 for name, times in found.items()}
    ours, base = ms["filter list"], ms["plain DataTable"]
    print(f"{len(rows)} people, median of {args.samples} samples, 80x24, on the UI thread")
    print(f"  open, filter list     {ours:7.1f} ms   target < {TARGET_MS:.0f} ms")
    print(f"  open, plain DataTable {base:7.1f} ms   (baseline, same run)")
    print(f"  ratio ours/baseline   {ours / base:7.2f} x")
    print(f"  one typed letter      {ms['one letter']:7.1f} ms   (re-filter all {len(rows)})")
    print("  verdict:", "met" if ours < TARGET_MS else "MISSED")


if __name__ == "__main__":
    main()
