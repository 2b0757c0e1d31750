"""Every text of the Keberatan, Tindak lanjut and Pelatihan areas is in Indonesian."""

from __future__ import annotations

import gettext

import pytest

from domain.i18n import LOCALE_DIR
from tests.tui.year_msgids import msgids

CATALOGUE = gettext.translation("tui_year", localedir=LOCALE_DIR, languages=["id"])


@pytest.mark.parametrize("msgid", msgids(), ids=lambda m: m[:40])
def test_translated(msgid: str) -> None:
    assert CATALOGUE._catalog.get(msgid), f"{msgid!r} is not in tui_year.po"  # type: ignore[attr-defined]
