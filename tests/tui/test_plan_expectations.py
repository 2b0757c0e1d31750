"""The Ekspektasi Khusus Pimpinan is the PPK's to write (protocol 2), not the employee's."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from client.services import Services
from tests.tui.test_plan_world import PLAN, PPK, STAFF, Host, profile, seed_plan, type_text
from tui.screens.plan.screen import PlanScreen


def as_ppk(staff: Services) -> Services:
    return Services(store=staff.store, me=PPK, home=staff.home, lang="id", clock=staff.clock)


async def test_the_employee_reads_the_expectations_but_cannot_type_them(tmp_path: Path) -> None:
    staff = profile(tmp_path / "staff", STAFF)
    seed_plan(staff, "draft")
    app = Host(lambda: PlanScreen(staff))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+4")
        field = app.screen.query_one("#exp-service", Input)
        assert field.value == "Ramah dan cepat melayani pemohon izin"
        assert field.disabled
        assert not app.screen.query_one("#att-resources").disabled  # her lampiran: hers


async def test_the_ppk_writes_them_on_a_submitted_skp_and_nothing_else_changes(
    tmp_path: Path,
) -> None:
    staff = profile(tmp_path / "staff", STAFF)
    seed_plan(staff, "submitted")
    ppk = as_ppk(staff)
    app = Host(lambda: PlanScreen(ppk, PLAN))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+4")
        screen = app.screen
        field = screen.query_one("#exp-accountable", Input)
        assert not field.disabled
        assert screen.query_one("#att-resources").disabled  # the lampiran is the employee's
        assert screen.check_action("save", ()) is True
        field.focus()
        await type_text(pilot, "Laporan tepat waktu setiap bulan")
        await pilot.press("ctrl+s")
        await pilot.pause()
    plan = staff.store.records.get("plan", PLAN)
    assert plan["pending"] is not None
    assert plan["data"]["expectations"] == {
        "service": "Ramah dan cepat melayani pemohon izin",
        "accountable": "Laporan tepat waktu setiap bulan",
    }
    assert plan["data"]["status"] == "submitted"
    assert plan["data"]["attachments"]["resources"] == ["Akses aplikasi perizinan"]
