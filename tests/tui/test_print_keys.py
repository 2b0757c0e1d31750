"""The print keys: the official PDFs from SKP and Evaluasi, written where the person chooses."""

from __future__ import annotations

from pathlib import Path

import pytest

from client.services import Services
from store import open_store
from tests.documents import world as w
from tests.documents.pdftext import text
from tests.documents.profile import seeded_profile
from tests.tui.test_plan_world import Host, notices, type_text
from tui.screens.evaluation.screen import EvaluationScreen
from tui.screens.plan.screen import PlanScreen
from tui.widgets.dialogs import ConfirmDialog

SIZE = (80, 24)


def person(home: Path, nip: str) -> Services:
    return Services(store=open_store(home), me=nip, home=home, lang="en")


async def choose_folder(pilot: object, folder: str) -> None:
    await type_text(pilot, folder)  # type: ignore[arg-type]
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_the_skp_key_writes_the_official_form_and_asks_before_replacing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rizal = person(seeded_profile(tmp_path / "rizal", w.RIZAL), w.RIZAL)
    (tmp_path / "cetak").mkdir()
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "cetak" / f"skp-{w.RIZAL}-tahun-2026.pdf"
    app = Host(lambda: PlanScreen(rizal))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+l")
        await choose_folder(pilot, "cetak/")
        assert f"Wrote {target}." in notices(app)
        found = text(target.read_bytes())
        assert "Rizal Syamsuddin, S.Kom." in found and "Nurhayati Sangadji, S.H." in found
        target.write_bytes(b"keep me")
        await pilot.press("ctrl+l")
        await choose_folder(pilot, "cetak/")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert target.read_bytes() == b"keep me"
        await pilot.press("ctrl+l")
        await choose_folder(pilot, "cetak/")
        await pilot.press("y")
        await pilot.pause()
        assert target.read_bytes().startswith(b"%PDF")


async def test_evaluasi_prints_the_evaluation_and_the_unit_heads_recap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kabid = person(seeded_profile(tmp_path / "kabid", w.KABID), w.KABID)
    monkeypatch.chdir(tmp_path)
    app = Host(lambda: EvaluationScreen(kabid))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "down", "enter")  # Triwulan III 2026, the evaluated quarter
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EvaluationScreen) and screen.period is not None
        shown_person, period = screen.person, str(screen.period["data"]["name"])
        assert period == "Triwulan III 2026"
        await pilot.press("d")
        await choose_folder(pilot, "")
        written = [p for p in tmp_path.glob("evaluasi-*.pdf")]
        assert [p.name for p in written] == [
            f"evaluasi-{shown_person}-{period.lower().replace(' ', '-')}.pdf"
        ]
        assert f"Wrote {written[0]}." in notices(app)
        assert "PREDIKAT KINERJA PEGAWAI" in text(written[0].read_bytes())
        await pilot.press("k")
        await choose_folder(pilot, "")
        [recap] = tmp_path.glob("rekap-*.pdf")
        assert w.LICENSING in text(recap.read_bytes())


async def test_a_document_that_cannot_be_made_is_said_before_any_folder_is_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = [r for r in w.world() if r["id"] != w.ANNUAL]  # the SKP's period is gone
    rizal = person(seeded_profile(tmp_path / "rizal", w.RIZAL, records), w.RIZAL)
    monkeypatch.chdir(tmp_path)
    app = Host(lambda: PlanScreen(rizal))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)  # no folder asked
        assert f"No period named {w.ANNUAL}" in notices(app)
    assert list(tmp_path.rglob("*.pdf")) == []
