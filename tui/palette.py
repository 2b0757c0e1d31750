"""The shell's commands in the palette (ctrl+p), in place of Textual's English ones.

Each area adds what it can do through its own screen's ``COMMANDS``
providers; these are the commands that work everywhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand
from textual.screen import Screen

from tui.keys import key_for
from tui.texts import _
from tui.themes import ANSI, DEFAULT

if TYPE_CHECKING:
    from tui.app import KinerjaApp


def shell_commands(app: KinerjaApp, screen: Screen[Any]) -> Iterator[SystemCommand]:
    from tui.app import AREAS

    if app.services is not None:
        for area in AREAS:
            yield SystemCommand(
                _("Open {area}").format(area=_(area.label)),
                _("Go to the {area} area ({key})").format(
                    area=_(area.label), key=key_for(screen, f"nav.{area.id}") or area.key
                ),
                partial(app.open_area, area.id),
            )
        yield SystemCommand(
            _("Sync now"),
            _("Send my changes and fetch new records from the server"),
            app.request_sync,
        )
        if app.check_action("switch_person", ()):
            yield SystemCommand(
                _("Switch person (demo)"),
                _("Show the app as the other sample person"),
                app.action_switch_person,
            )
    yield SystemCommand(_("Help"), _("The keys of this screen"), app.action_help)
    yield SystemCommand(
        _("Theme: default"),
        _("Colours for modern terminals"),
        partial(setattr, app, "theme", DEFAULT),
    )
    yield SystemCommand(
        _("Theme: ANSI"),
        _("The terminal's own 16 colours, for old terminals and SSH"),
        partial(setattr, app, "theme", ANSI),
    )
    yield SystemCommand(_("Quit"), _("Close Kinerja; your changes are kept"), app.exit)
