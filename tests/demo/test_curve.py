"""Kurva warns in the demo: Nurhayati's team breaks its unit's rating, as synced from the server.

Her profile is the one the demo signs in at start, so what Evaluasi reads
is what the live server handed out: the units' ratings the admin wrote and
the evaluations the PPKs wrote over the protocol.
"""

from __future__ import annotations

from textual.widgets import Select, Static

from demo.ids import period_id
from demo.office import EMPLOYEE
from demo.people import services_for
from demo.setup import Demo
from tests.tui.shell_world import shell_app


async def test_kurva_warns_on_the_team_that_breaks_its_units_rating(running: Demo) -> None:
    app = shell_app(running.first_home, services_for(running.first_home))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#eval-person", Select).value = EMPLOYEE.nip
        screen.query_one("#eval-period", Select).value = period_id("quarterly", 4)
        await pilot.pause()
        warning = screen.query_one("#eval-warning", Static)
        curve = str(screen.query_one("#eval-curve", Static).render())
        assert warning.display
        assert str(warning.render()).startswith(
            "⚠ Predikat organisasi Baik: aturan 'paling banyak 70 % Baik'"
        )
        lines = curve.splitlines()
        assert lines[0] == "Predikat unit: Baik"
        assert lines[1].startswith("Tim 1 orang:") and "Baik 1 (100%)" in lines[1]
        assert sum(line.startswith("⚠") for line in lines) == 2
