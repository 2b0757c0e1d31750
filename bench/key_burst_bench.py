"""A burst of keys into a form: what handling each key to its end costs.

tui/key_order.py makes the app wait, key by key, until the focused field
and its parents have handled a key (so ``14 Tab 2`` lands in two fields).
Measured in the same run: a pasted-sized burst of printable keys and Tabs
posted at once into a form of one field per Tab, with the app as Kinerja runs it
(``KeysInOrder``) and with Textual's own handling (the baseline, which puts
keys after a Tab in the wrong field). Target: at most 2 ms a key, so a
200-key paste is in place within half a second.

    python bench/key_burst_bench.py [--keys 300] [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual import events  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.widgets import Input  # noqa: E402

from tui.key_order import KeysInOrder  # noqa: E402

TARGET_MS_PER_KEY = 2.0


class Form(App[None]):
    FIELDS = 3  # set to one field per Tab of the burst, so focus never wraps

    def compose(self) -> ComposeResult:
        for number in range(self.FIELDS):
            yield Input(id=f"field-{number}")


class OrderedForm(KeysInOrder, Form):
    pass


def burst(count: int) -> list[tuple[str, str]]:
    """Printable keys with a Tab every 20, into the three fields in turn."""
    keys = []
    for index in range(count):
        keys.append(("tab", "\t") if index % 20 == 19 else ("a", "a"))
    return keys


async def seconds_for(app_class: type[App[Any]], keys: list[tuple[str, str]]) -> float:
    app = app_class()
    printable = sum(1 for key, _ in keys if key != "tab")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        for key, character in keys:
            app.post_message(events.Key(key, character))
        while sum(len(field.value) for field in app.query(Input)) < printable:
            await asyncio.sleep(0.001)
        took = time.perf_counter() - start
        await pilot.pause()  # every key handled before the app closes
        return took


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keys", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    keys = burst(args.keys)
    Form.FIELDS = args.keys // 20 + 1
    ordered = min(asyncio.run(seconds_for(OrderedForm, keys)) for _ in range(args.runs))
    baseline = min(asyncio.run(seconds_for(Form, keys)) for _ in range(args.runs))
    per_key = 1000 * ordered / len(keys)
    print(f"{len(keys)} keys in one burst, best of {args.runs}:")
    print(f"  in order (KeysInOrder): {ordered * 1000:.1f} ms, {per_key:.2f} ms a key")
    print(f"  Textual's own (baseline): {baseline * 1000:.1f} ms")
    print(
        f"  ratio: {ordered / baseline:.2f}x the baseline; target <= {TARGET_MS_PER_KEY} ms a key"
    )
    return 0 if per_key <= TARGET_MS_PER_KEY else 1


if __name__ == "__main__":
    raise SystemExit(main())
