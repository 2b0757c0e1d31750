"""Angka kredit for functional staff: the predikat's share of the annual coefficient.

The shares (Perban BKN 3/2023, domain.md) are data, in ``credit_points.toml``
beside this module, read once; so are the position titles that mark a
functional position, since the employee record does not say its kind.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from domain.vocab import PREDIKATS

CREDIT_POINTS_FILE = Path(__file__).with_name("credit_points.toml")


@cache
def _table() -> Mapping[str, Any]:
    with CREDIT_POINTS_FILE.open("rb") as source:
        table = tomllib.load(source)
    percent = table["percent"]
    if set(percent) != set(PREDIKATS) or not all(isinstance(v, int) for v in percent.values()):
        raise ValueError(f"{CREDIT_POINTS_FILE}: [percent] needs a whole number for each predikat")
    return table


def credit_percent() -> Mapping[str, int]:
    """Predikat key -> percent of the annual credit-point coefficient."""
    return dict(_table()["percent"])


def source() -> str:
    return str(_table()["source"])


def is_functional(position: str | None) -> bool:
    """Whether a position's name marks it as a jabatan fungsional."""
    name = (position or "").strip().casefold()
    prefixes = _table()["functional"]["title_prefixes"]
    return any(name.startswith(str(p).casefold()) for p in prefixes)
