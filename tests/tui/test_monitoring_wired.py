"""Pemantauan wired to client/reports.py: the admin's reports from a real server,
the last copy read offline with its date, and a PPK's team computed offline."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from tests.support.live_server import LiveServer
from tests.tui.shell_world import shell_app
from tests.tui.test_year_world import PPK, Host, live_bidang, profile, screen_text
from tui.screens.monitoring.screen import MonitoringScreen


async def _shown(app: Host) -> str:
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#mon-table", DataTable)
        rows = [" | ".join(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]
        return screen_text(app) + "\n" + "\n".join(rows)


async def test_the_admin_reads_the_server_report_then_its_copy_offline(
    live_server: LiveServer, tmp_path: Path
) -> None:
    admin = live_bidang(live_server, tmp_path)["admin"]
    admin.sync()
    online = await _shown(Host(lambda: MonitoringScreen(admin.services)))
    assert "Seluruh instansi · Tahunan 2026 · data per" in online
    assert "salinan luring" not in online
    assert "Bidang Pelayanan Perizinan" in online

    live_server.stop()
    offline = await _shown(Host(lambda: MonitoringScreen(admin.services)))
    made = online.split("data per ", 1)[1][:16]
    assert f"data per {made} · salinan luring" in offline
    assert "Bidang Pelayanan Perizinan" in offline


async def test_ctrl_r_opens_a_ppks_team_dashboard_offline(tmp_path: Path) -> None:
    services = profile(tmp_path, PPK)  # a Kepala Bidang who leads no unit record; no server
    app = shell_app(tmp_path, services)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MonitoringScreen)
        text = screen_text(app)
        assert "Tim saya · Tahunan 2026 · dari rekaman di komputer ini" in text
        table = app.screen.query_one("#mon-table", DataTable)
        # Siti's approved SKP; Fadli and Hasnah have none yet
        assert [str(c) for c in table.get_row_at(0)][1:7] == ["0", "0", "1", "0", "2", "3"]

        # The early warning: nothing recorded by 18 December, so Siti is behind on each IKI.
        await pilot.press("v", "v")
        await app.workers.wait_for_complete()
        await pilot.pause()
        first = [str(c) for c in table.get_row_at(0)]
        assert first[0] == "Siti Marwah" and first[3:] == ["0%", "tertinggal"]
