"""Evaluasi with keys only: the nine cells of the matrix, the curve warning,
finalising behind a confirmation, and what the evaluated employee sees."""

from __future__ import annotations

from pathlib import Path

from domain.curve import check_curve
from domain.predikat import predikat
from domain.vocab import PREDIKAT_LABELS, RATINGS
from tests.tui.test_year_world import (
    ANNUAL,
    KADIS,
    PLAN,
    PPK,
    STAFF,
    STAFF_2,
    STAFF_3,
    UNIT,
    Host,
    profile,
    put_pulled,
    screen_text,
    type_text,
)
from tui.screens.evaluation.screen import EvaluationScreen

# the h and b keys step a rating through RATINGS, starting from none
CYCLE = {None: RATINGS[0], **{r: RATINGS[(i + 1) % 3] for i, r in enumerate(RATINGS)}}


def _evaluated(services: object, nip: str, rating: tuple[str, str], final: bool = True) -> None:
    result, behaviour = rating
    data = {
        "period_id": ANNUAL,
        "plan_id": PLAN,
        "result_rating": result,
        "behaviour_rating": behaviour,
        "behaviour_notes": {},
        "item_notes": {},
        "predikat": predikat(result, behaviour),
        "status": "final" if final else "draft",
    }
    if final:
        data["finalised_at"] = "2026-12-10T09:00:00+09:00"
    put_pulled(services.store, "evaluation", f"eval-{nip}", nip, data, by=PPK)  # type: ignore[attr-defined]


async def test_every_cell_of_the_matrix_is_reachable_with_keys(tmp_path: Path) -> None:
    services = profile(tmp_path, PPK)
    app = Host(lambda: EvaluationScreen(services))
    seen: dict[tuple[str, str], str] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        result = behaviour = None
        for _row in RATINGS:
            await pilot.press("h")
            result = CYCLE[result]
            for _column in RATINGS:
                await pilot.press("b")
                behaviour = CYCLE[behaviour]
                shown = screen_text(app)
                assert (screen.result, screen.behaviour) == (result, behaviour)
                label = PREDIKAT_LABELS[predikat(result, behaviour)]
                assert f"Predikat: {label} ·" in shown
                seen[(result, behaviour)] = screen.predikat
        await pilot.press("s")
        await pilot.pause()
    assert len(seen) == 9
    assert all(seen[cell] == predikat(*cell) for cell in seen)
    (saved,) = services.store.records.list("evaluation", owner=STAFF)
    assert saved["data"]["status"] == "draft"
    assert (saved["data"]["result_rating"], saved["data"]["behaviour_rating"]) == (
        result,
        behaviour,
    )
    assert saved["data"]["predikat"] == predikat(result, behaviour)


async def test_a_team_that_breaks_its_units_rule_is_warned_and_left_as_it_is(
    tmp_path: Path,
) -> None:
    services = profile(tmp_path, PPK, org_rating="good")
    _evaluated(services, STAFF_2, ("above", "above"))
    _evaluated(services, STAFF_3, ("above", "above"))
    before = [services.store.records.get("evaluation", f"eval-{n}") for n in (STAFF_2, STAFF_3)]
    app = Host(lambda: EvaluationScreen(services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "b")  # Siti: Sangat Baik too
        breaches = check_curve("good", ["very_good"] * 3)
        assert breaches
        warning = str(app.screen.query_one("#eval-warning").render())
        assert breaches[0].message("id") in warning.replace("\n", " ")
        await pilot.press("f", "y")
        await pilot.pause()
    after = [services.store.records.get("evaluation", f"eval-{n}") for n in (STAFF_2, STAFF_3)]
    assert after == before  # nobody's rating is changed by the app
    (siti,) = services.store.records.list("evaluation", owner=STAFF)
    assert siti["data"]["predikat"] == "very_good" and siti["data"]["status"] == "final"


async def test_finalising_asks_first_and_then_nothing_can_change(tmp_path: Path) -> None:
    services = profile(tmp_path, PPK)
    app = Host(lambda: EvaluationScreen(services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "h", "b", "b")
        await pilot.press("f", "n")
        await pilot.pause()
        assert services.store.records.list("evaluation", owner=STAFF) == []
        await pilot.press("f", "y")
        await pilot.pause()
        (final,) = services.store.records.list("evaluation", owner=STAFF)
        assert final["data"]["status"] == "final"
        assert final["data"]["predikat"] == "good"
        screen = app.screen
        for action in ("cycle", "note", "save", "finalise"):
            assert screen.check_action(action, ()) is False
        await pilot.press("h", "s")
        await pilot.pause()
    assert services.store.records.get("evaluation", final["id"]) == final


async def test_the_employee_sees_a_draft_as_not_final_and_a_final_one_with_its_date(
    tmp_path: Path,
) -> None:
    services = profile(tmp_path, STAFF)
    _evaluated(services, STAFF, ("below", "as_expected"), final=False)
    app = Host(lambda: EvaluationScreen(services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "Predikat: - ·" in shown
        assert PREDIKAT_LABELS["needs_improvement"] not in shown
        assert app.screen.check_action("save", ()) is False
    _evaluated(services, STAFF, ("below", "as_expected"), final=True)
    app = Host(lambda: EvaluationScreen(services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert f"Predikat: {PREDIKAT_LABELS['needs_improvement']}" in shown
        assert "2026-12-10" in shown


async def test_the_command_palette_offers_what_the_keys_do(tmp_path: Path) -> None:
    services = profile(tmp_path, PPK)
    app = Host(lambda: EvaluationScreen(services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "b", "ctrl+p")
        await type_text(pilot, "simpan draf")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    (saved,) = services.store.records.list("evaluation", owner=STAFF)
    assert saved["data"]["status"] == "draft" and saved["data"]["predikat"] == "very_good"


async def test_a_unit_head_is_reminded_that_the_units_rating_is_their_hasil_kerja(
    tmp_path: Path,
) -> None:
    services = profile(tmp_path, KADIS)
    unit = services.store.records.get("unit", UNIT)
    put_pulled(services.store, "unit", UNIT, None, {**unit["data"], "head_nip": PPK})
    app = Host(lambda: EvaluationScreen(services))
    async with app.run_test(size=(80, 24)):
        curve = str(app.screen.query_one("#eval-curve").render())
    assert "Bidang Pelayanan Perizinan" in curve and "(Baik)" in curve


async def test_a_sync_round_never_drops_a_rating_being_chosen(tmp_path: Path) -> None:
    from tui.sync_worker import SyncDone

    services = profile(tmp_path, PPK)
    app = Host(lambda: EvaluationScreen(services))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        _evaluated(services, STAFF_2, ("below", "below"))  # a pull brings a teammate's
        app.screen.post_message(SyncDone(None))  # type: ignore[arg-type]
        await pilot.pause()
        assert app.screen.result == "above"
        assert "Sangat Kurang 1" in str(app.screen.query_one("#eval-curve").render())
