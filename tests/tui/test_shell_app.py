"""The shell, driven by keys at 80x24: Beranda, areas, Bantuan, palette, keymap."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from textual.command import CommandInput, CommandPalette
from textual.widgets import DataTable, OptionList

from demo.office import EMPLOYEE, STAFF, SUPERIOR
from demo.setup import switch_between
from tests.tui.shell_world import WIT, screen_text, shell_app, signed_in
from tui import app as app_module
from tui.areas import Area
from tui.help import HelpScreen
from tui.screens.home.screen import HomeScreen
from tui.themes import ANSI, DEFAULT


@pytest.fixture(autouse=True)
def indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_LANG", "id")


async def test_beranda_shows_my_skp_what_waits_and_the_sync(tmp_path: Path) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        text = screen_text(app)
        assert "Nurhayati Sangadji, S.H. · NIP 19780521 200312 2 004" in text
        assert "SKP saya Tahun 2026: Disetujui · 3 RHK" in text
        assert "Luring · sinkron terakhir 08:00" in text
        waiting = [str(o.prompt) for o in app.screen.query_one(OptionList).options]
        assert waiting == [
            "SKP untuk disetujui (1): Siti Marasabessy, S.E.",
            # hers, and the team of the Kepala Bidang she stands in for (Plt)
            "Evaluasi Triwulan IV 2026 untuk ditulis (4): Rizal Syamsuddin, S.Kom., "
            "Hendra Latuconsina, S.T., Wahyuni Bachmid, S.E. dan 1 lainnya",
            "Umpan balik belum dibaca (1)",
            "Tindak lanjut berjalan (2): Yusuf Abdullah 2026-12-18, "
            "Irfan Mahmud, S.Sos. 2027-01-29",
            # the early warning: his realisasi lags the target pro-rated to 27 November
            "Tertinggal dari target prorata hari ini (1): Rizal Syamsuddin, S.Kom.",
        ]
        assert app.sub_title == "Luring · sinkron terakhir 08:00"


async def test_a_staff_member_sees_only_their_own_work(tmp_path: Path) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path, EMPLOYEE.nip))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        waiting = [str(o.prompt) for o in app.screen.query_one(OptionList).options]
        assert waiting == ["Umpan balik belum dibaca (1)"]
        assert "Rizal Syamsuddin, S.Kom." in screen_text(app)


async def test_a_returned_skp_shows_the_note_and_the_deadline(tmp_path: Path) -> None:
    january = datetime(2026, 1, 20, 8, 0, tzinfo=WIT)
    app = shell_app(tmp_path, signed_in(tmp_path, STAFF[2].nip, now=january))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "SKP saya Tahun 2026: Dikembalikan · 1 RHK" in text
        assert "Dikembalikan dengan catatan: Tambahkan indikator kuantitas" in text
        assert "Batas pengisian: 31-01-2026." in text


async def test_enter_on_a_waiting_line_opens_its_area(tmp_path: Path) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")  # the second line: evaluations to write
        await pilot.pause()
        assert app.current_mode == "evaluation"


async def test_function_keys_switch_areas_and_keep_each_screen(tmp_path: Path) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        assert app.current_mode == "plan"
        plan_screen = app.screen
        await pilot.press("f5")
        assert app.current_mode == "feedback"
        await pilot.press("f2")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("f3")
        assert app.screen is plan_screen


async def test_an_area_that_fails_to_load_leaves_the_shell_working(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = Area("plan", "f3", "Plan", "tui.screens.not_there:Nothing")
    monkeypatch.setitem(app_module.AREA_BY_ID, "plan", broken)
    app = shell_app(tmp_path, signed_in(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("Rencana belum tersedia" in str(n.message) for n in app._notifications)
        await pilot.press("f5")
        assert app.current_mode == "feedback"


async def test_f1_lists_the_keys_of_the_current_screen(tmp_path: Path) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        rows = {table.get_row_at(i)[0]: table.get_row_at(i)[1] for i in range(table.row_count)}
        assert rows["F9"] == "Sinkronkan"
        assert rows["F3"] == "Rencana"
        assert rows["^q"] == "Keluar"
        assert "Scroll Up" not in rows.values()  # Textual's own widget keys are not listed
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_the_command_palette_speaks_indonesian(tmp_path: Path) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert CommandPalette.is_open(app)
        palette = app.screen
        assert palette.query_one(CommandInput).cursor_blink is False
        await pilot.press(*"buka umpan")
        await pilot.pause(0.3)
        shown = [str(o.prompt) for o in palette.query_one(OptionList).options]
        assert any("Buka Umpan balik" in line for line in shown)
        assert not any(word in " ".join(shown) for word in ("Quit", "Theme", "Screenshot"))
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "feedback"


async def test_a_keymap_in_settings_toml_moves_keys(tmp_path: Path) -> None:
    services = signed_in(tmp_path)
    (tmp_path / "settings.toml").write_text(
        '[keys]\n"nav.plan" = "ctrl+t"\n"app.help" = "f10"\n', encoding="utf-8"
    )
    app = shell_app(tmp_path, services)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        assert app.current_mode == "home"  # F3 no longer opens Rencana
        await pilot.press("f10")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        keys = {table.get_row_at(i)[1]: table.get_row_at(i)[0] for i in range(table.row_count)}
        assert keys["Rencana"] == "^t"
        await pilot.press("escape", "ctrl+t")
        assert app.current_mode == "plan"


async def test_mistakes_in_settings_toml_are_shown_and_defaults_kept(tmp_path: Path) -> None:
    services = signed_in(tmp_path)
    (tmp_path / "settings.toml").write_text(
        'theme = "neon"\n[keys]\n"nav.plan" = "ctrl+"\n', encoding="utf-8"
    )
    app = shell_app(tmp_path, services)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        messages = " ".join(str(n.message) for n in app._notifications)
        assert "theme harus salah satu dari default, ansi" in messages
        assert "nav.plan" in messages
        await pilot.press("f3")
        assert app.current_mode == "plan"


async def test_the_demo_key_switches_person_and_back(tmp_path: Path) -> None:
    superior_home, employee_home = tmp_path / "superior", tmp_path / "employee"
    services = signed_in(superior_home, SUPERIOR.nip)
    signed_in(employee_home, EMPLOYEE.nip)
    app = shell_app(
        superior_home, services, switch_profiles=switch_between(superior_home, employee_home)
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f3")  # an area screen of the first person...
        await pilot.press("f8", "enter")  # the picker offers the other person first
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        assert isinstance(app.screen, HomeScreen)
        assert app.services is not None and app.services.me == EMPLOYEE.nip
        assert "Rizal Syamsuddin, S.Kom." in screen_text(app)
        await pilot.press("f3")  # ...is not the second person's
        assert app.screen.services.me == EMPLOYEE.nip  # type: ignore[attr-defined]
        await pilot.press("f2", "f8", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        assert app.services.me == SUPERIOR.nip
        assert "Nurhayati Sangadji, S.H." in screen_text(app)


async def test_without_the_demo_there_is_no_switch_key(tmp_path: Path) -> None:
    app = shell_app(tmp_path, signed_in(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Ganti orang" not in {
            b.binding.description
            for b in app.screen.active_bindings.values()
            if app.screen.check_action(b.binding.action, ())
        }
        await pilot.press("f8")
        assert app.services is not None and app.services.me == SUPERIOR.nip


async def test_the_palette_switches_to_the_ansi_theme(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for chooser in ("KINERJA_THEME", "NO_COLOR"):
        monkeypatch.delenv(chooser, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    app = shell_app(tmp_path, signed_in(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == DEFAULT
        await pilot.press("ctrl+p", *"tema ansi")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == ANSI
