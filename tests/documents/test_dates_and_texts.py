"""Indonesian dates on the documents, and every text people read has its translation."""

from __future__ import annotations

import re
from datetime import date

import pytest

from client.documents.dates import BULAN, rentang, tanggal
from domain.i18n import translator
from tests.documents.msgids import DOMAINS, msgids


def test_dates_are_written_in_indonesian() -> None:
    assert tanggal(date(2026, 12, 31)) == "31 Desember 2026"
    assert tanggal(date(2027, 1, 1)) == "1 Januari 2027"
    assert [tanggal(date(2026, m, 5)).split()[1] for m in range(1, 13)] == list(BULAN)
    assert rentang(date(2026, 7, 1), date(2026, 9, 30)) == "1 Juli 2026 s.d. 30 September 2026"


@pytest.mark.parametrize(
    ("domain", "msgid"), [(d, m) for d in DOMAINS for m in msgids(d)], ids=lambda v: str(v)[:40]
)
def test_indonesian_translation_exists(domain: str, msgid: str) -> None:
    translated = translator(domain, "id")(msgid)
    assert translated != msgid
    assert set(re.findall(r"\{\w+\}", translated)) == set(re.findall(r"\{\w+\}", msgid))
