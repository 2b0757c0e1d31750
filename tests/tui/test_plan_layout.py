"""At 80x24, opened from the shell (F3, F4), the footer shows every key of the screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App

from client.services import Services
from tests.tui.test_plan_world import (
    ANNUAL,
    KEPALA_DINAS,
    PPK,
    STAFF,
    profile,
    put_pulled,
    seed_plan,
)
from tui.app import KinerjaApp


def footer_line(app: App[Any]) -> str:
    strips = app.screen._compositor.render_strips()
    return "".join(segment.text for segment in strips[-1])


def ppk_with_own_draft(tmp_path: Path, lang: str) -> Services:
    """The busiest footer: a PPK with subordinates and an SKP of their own to draft."""
    staff = profile(tmp_path / "office", STAFF, lang=lang)
    seed_plan(staff, "draft")
    own = {
        "period_id": ANNUAL,
        "ppk_nip": KEPALA_DINAS,
        "approach": "quantitative",
        "status": "draft",
        "expectations": {},
        "attachments": {"resources": [], "accountability": [], "consequences": []},
    }
    put_pulled(staff.store, "plan", "00000000-0000-4000-8000-0000000000c1", PPK, own, 200)
    return Services(store=staff.store, me=PPK, home=staff.home, lang=lang, clock=staff.clock)


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_every_key_fits_the_footer(tmp_path: Path, lang: str) -> None:
    services = ppk_with_own_draft(tmp_path, lang)
    app = KinerjaApp(services.home, services)
    async with app.run_test(size=(80, 24)) as pilot:
        for keys in (["f3"], ["shift+tab", "right", "right"], ["f4"]):
            await pilot.press(*keys)
            await pilot.pause()
            line = footer_line(app)
            shown = [
                b.binding.description for b in app.screen.active_bindings.values() if b.binding.show
            ]
            assert shown and all(description in line for description in shown), (line, shown)
