"""The Kinerja app: the shell that the screens of each area plug into.

Areas are Textual modes, one screen stack each, listed in tui/areas.py. A screen
class is imported when its area is first opened, so start-up stays cheap and
an area whose module is missing or broken only shows a message. Each area
screen is constructed as ``ScreenClass(services)`` (client/services.py).

What every screen can count on:
- ``app.sub_title`` is the sync status line ("Daring · 2 tertunda ·
  sinkron terakhir 09:12"): a screen that yields Textual's ``Header()``
  shows it;
- every open screen receives ``tui.sync_worker.SyncDone`` after a sync
  round (handle ``on_sync_done`` to re-read the store);
- the app's keys (ids in tui/actions.py): ctrl+q quit, F1 Bantuan (the keys of
  the current screen), ctrl+p the command palette, F2-F7 and F10-F12 the areas, F9 sync;
- ``services.request_sync()`` asks the background worker for a round.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandInput, CommandPalette
from textual.screen import Screen
from textual.widget import AwaitMount

from client.services import Services
from client.sync_status import describe, read_state, run_round
from tui.actions import bindings, key_for, key_help, keys_not_now, localise
from tui.areas import AREA_BY_ID, AREAS, is_for
from tui.builtins import NoMatchPalette, localise_textual
from tui.key_order import KeysInOrder
from tui.settings import Settings, load_settings
from tui.sync_worker import SyncRunner, SyncWorkerMixin
from tui.terminal import fit_to_terminal
from tui.texts import _, terminal_

if TYPE_CHECKING:
    from tui.widgets.person_picker import PeopleSwitch

# A blank screen to stand on while the area screens of one person are
# removed and those of another are made (the demo's switch).
HOLDING_MODE = "holding"
FUNCTION_KEY = re.compile(r"^f\d{1,2}$")


def load_screen_class(target: str) -> Callable[[Services], Screen[Any]]:
    """The area screen class named ``"package.module:ClassName"``, imported now."""
    module_name, _sep, class_name = target.partition(":")
    found = getattr(importlib.import_module(module_name), class_name)
    if not (isinstance(found, type) and issubclass(found, Screen)):
        raise TypeError(f"{target} is not a Screen")
    return cast(Callable[[Services], Screen[Any]], found)


class KinerjaApp(KeysInOrder, SyncWorkerMixin, App[str]):
    TITLE = "Kinerja"
    # Beranda's stylesheet (beside it) is loaded with the app's: it is always
    # the first screen, and a screen's own CSS_PATH would restyle everything
    # once more when it first shows.
    CSS_PATH: ClassVar[list[str | PurePath]] = [
        "app.tcss",
        "nocolor.tcss",
        "screens/home/home.tcss",
    ]
    ENABLE_COMMAND_PALETTE = True
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {HOLDING_MODE: Screen}
    BINDINGS: ClassVar[list[BindingType]] = list(bindings("app"))

    def __init__(
        self,
        home: Path,
        services: Services | None = None,
        *,
        settings: Settings | None = None,
        switch_profiles: PeopleSwitch | None = None,
        sync_runner: SyncRunner = run_round,
        notices: list[str] | None = None,
    ) -> None:
        """``home`` is the profile folder; ``services`` None means first run.

        ``switch_profiles`` (the demo's) offers the sample people to switch
        to, making the "switch person" key (a picker) available. ``notices``
        are shown once the app is up (e.g. a store file that was set aside).
        """
        super().__init__()
        localise(self)
        localise_textual()
        self.animation_level = "none"
        self.home = home
        self.services = services
        self.settings = settings if settings is not None else load_settings(home)
        self._switch_profiles = switch_profiles
        self.sync_runner = sync_runner
        self._notices = list(notices or ())
        # Called once the first screen a person can use is on show (the
        # startup benchmark exits there).
        self.on_first_screen: Callable[[], None] | None = None
        fit_to_terminal(self, self.settings.theme, os.environ)
        self.set_keymap(self.settings.keymap)

    def on_mount(self) -> None:
        for problem in self.settings.problems:
            self.notify(problem, title=_("Settings"), severity="warning", timeout=10)
        for notice in self._notices:
            self.notify(notice, severity="error", timeout=30)
        if self.services is None:
            from tui.screens.first_run.screen import FirstRunScreen

            self.push_screen(FirstRunScreen(self.home), callback=None)
            self.call_after_refresh(self._first_screen_shown)
        else:
            self._show_profile(self.services)
            self._tell_of_drafts()

    def _tell_of_drafts(self) -> None:
        from tui.widgets.unsaved import drafts_notice

        notice = drafts_notice(self.home)
        if notice is not None:
            self.notify(notice, severity="warning", timeout=30)

    def _first_screen_shown(self) -> None:
        hook, self.on_first_screen = self.on_first_screen, None
        if hook is not None:
            hook()

    # -- profiles -------------------------------------------------------------

    def enter_profile(self, services: Services) -> None:
        """Show ``services``' person: fresh area screens, Beranda first."""
        self.run_worker(self._enter_profile(services), group="profile", exclusive=True)

    async def _enter_profile(self, services: Services) -> None:
        if self.current_mode in AREA_BY_ID:
            await self.switch_mode(HOLDING_MODE)
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        for area in AREAS:
            if area.id in self._modes:
                await self.remove_mode(area.id)
        self.stop_sync()
        self._show_profile(services)

    def _show_profile(self, services: Services) -> None:
        """Beranda of ``services``' person, then their first sync round."""
        self.services = services
        services.sync_requester = self.request_sync
        self.sync_state = read_state(services, online=None)
        self.sub_title = describe(self.sync_state, services.now())
        self.open_area("home")

        def shown_then_sync() -> None:
            # The first round (and its import of httpx) only once Beranda is up.
            self._first_screen_shown()
            self.start_sync(services, self.settings.sync_minutes)

        self.call_after_refresh(shown_then_sync)

    def action_switch_person(self) -> None:
        switch, services = self._switch_profiles, self.services
        if switch is None or services is None:
            return
        from tui.widgets.person_picker import PersonPicker

        picker = PersonPicker(switch.people(services), services.me, services.lang)
        self.push_screen(picker, self._switch_to)

    def _switch_to(self, key: str | None) -> None:
        if key is None or self.services is None or key == self.services.me:
            return
        # Opening may sign the person in first: off the screen's thread.
        self.run_worker(lambda: self._open_person(key), thread=True, group="switch")

    def _open_person(self, key: str) -> None:
        assert self._switch_profiles is not None
        try:
            services = self._switch_profiles.open(key)
        except Exception as error:  # a failed sign-in is a message, never a crash
            reason = _("Could not switch person: {reason}").format(reason=error)
            self.call_from_thread(self.notify, reason, severity="error", timeout=15)
            return
        self.call_from_thread(self.enter_profile, services)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "switch_person":
            return self._switch_profiles is not None and self.services is not None
        if action in ("open_area", "sync_now"):
            return self.services is not None
        return True

    # -- areas ----------------------------------------------------------------

    def action_open_area(self, area_id: str) -> None:
        if not self._asked_before_leaving(lambda: self.open_area(area_id)):
            self.open_area(area_id)

    async def action_quit(self) -> None:
        if not self._asked_before_leaving(self.exit):
            self.exit()

    def _asked_before_leaving(self, then: Callable[[], object]) -> bool:
        """An open form with unsaved changes asks first (tui/widgets/unsaved.py)."""
        from tui.widgets.unsaved import unsaved_form

        form = unsaved_form(self)
        if form is None:
            return False
        form.ask_before_leaving(then)
        return True

    def action_go_home(self) -> None:
        """Escape on an area's own screen: back to Beranda (it did nothing on F3/F4)."""
        if self.services is not None and self.current_mode != "home":
            self.open_area("home")

    def open_area(self, area_id: str) -> AwaitMount | None:
        """Switch to an area, importing its screen the first time."""
        area = AREA_BY_ID[area_id]
        services = self.services
        if services is None:
            return None
        if not is_for(area, services):
            self.notify(
                _("{area} is not for your account.").format(area=_(area.label)), severity="warning"
            )
            return None
        if area_id not in self._modes:
            try:
                screen = load_screen_class(area.target)(services)
            except Exception as exc:  # an unfinished area must not stop the others
                self.notify(
                    _("{area} is not available: {reason}").format(area=_(area.label), reason=exc),
                    severity="error",
                )
                return None
            self.add_mode(area_id, lambda: screen)
        return self.switch_mode(area_id)

    def get_key_display(self, binding: Binding) -> str:
        # "F5" as printed on keyboards, not Textual's "f5".
        shown = super().get_key_display(binding)
        return shown.upper() if FUNCTION_KEY.match(shown) else shown

    # -- help, palette, sync --------------------------------------------------

    def action_help(self) -> None:
        from tui.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        keys = key_help(self.screen) + keys_not_now(self.screen)
        self.push_screen(HelpScreen(keys, screen_title=self.screen.title or ""))

    def action_command_palette(self) -> None:
        if CommandPalette.is_open(cast(App[object], self)):
            return
        palette = NoMatchPalette(placeholder=_("Search for a command…"), id="--command-palette")
        self.push_screen(palette)

        def steady_cursor() -> None:  # no blinking over SSH
            palette.query_one(CommandInput).cursor_blink = False

        palette.call_after_refresh(steady_cursor)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        from tui.palette import shell_commands

        yield from shell_commands(self, screen)

    def action_help_quit(self) -> None:
        # Textual's ctrl+c notice, in the person's language.
        key = key_for(self.screen, "app.quit") or "ctrl+q"
        self.notify(
            terminal_("Press [b]{key}[/b] to quit the app").format(key=key),
            title=terminal_("Do you want to quit?"),
        )

    def action_sync_now(self) -> None:
        self.request_sync()
