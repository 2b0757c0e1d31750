"""A service system's CSV export, generated: the benchmark's and the tests' log.

``write_log(path, count)`` writes ``count`` requests received on working
hours through one year, completed 0 to 12 days later (about 3 % still open),
with the columns an Indonesian office system exports. ``malformed_every=N``
spoils every N-th row in turn in one of the ways real exports go wrong, and
returns their line numbers and kinds, so a test knows what must be listed.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

HEADER = ("No Permohonan", "Jenis Izin", "Pemohon", "Tanggal Diterima", "Tanggal Selesai", "Status")
KINDS = ("Izin Usaha", "PBG", "Izin Lingkungan", "SIUP", "Izin Reklame")
SPOILS = ("columns", "received", "completed", "reversed")


def _stamp(moment: datetime, style: str) -> str:
    if style == "dmy":
        return moment.strftime("%d/%m/%Y %H.%M")
    return moment.strftime("%Y-%m-%d %H:%M")


def write_log(
    path: Path,
    count: int,
    *,
    year: int = 2026,
    seed: int = 14,
    delimiter: str = ",",
    style: str = "iso",
    malformed_every: int = 0,
) -> dict[int, str]:
    """Write the log; return {line number: kind of spoilage} of the malformed rows."""
    rng = random.Random(seed)
    start = datetime(year, 1, 2, 8, 0)
    spoiled: dict[int, str] = {}
    lines = [delimiter.join(HEADER)]
    for n in range(1, count + 1):
        received = start + timedelta(days=rng.randrange(360), minutes=rng.randrange(8 * 60))
        done = received + timedelta(
            days=rng.choice((0, 1, 1, 2, 2, 3, 3, 4, 5, 7, 12)), hours=rng.randrange(6)
        )
        cells = [
            f"PRM-{year}-{n:06d}",
            KINDS[n % len(KINDS)],
            f"Pemohon {n}",
            _stamp(received, style),
            "" if rng.random() < 0.03 else _stamp(done, style),
            "Selesai",
        ]
        line = n + 1
        if malformed_every and n % malformed_every == 0:
            kind = SPOILS[(n // malformed_every) % len(SPOILS)]
            spoiled[line] = kind
            if kind == "columns":
                cells = cells[:3]
            elif kind == "received":
                cells[3] = "kemarin"
            elif kind == "completed":
                cells[4] = f"{year}-13-45 10:00"
            else:
                cells[3], cells[4] = (
                    _stamp(done, style),
                    _stamp(received - timedelta(days=1), style),
                )
        lines.append(delimiter.join(cells))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return spoiled
