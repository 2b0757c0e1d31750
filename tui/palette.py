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

from tui.actions import BY_SCOPE, key_for
from tui.areas import AREAS, is_for
from tui.texts import _
from tui.themes import ANSI, DEFAULT

if TYPE_CHECKING:
    from tui.app import KinerjaApp


def shell_commands(app: KinerjaApp, screen: Screen[Any]) -> Iterator[SystemCommand]:
    """The areas, the app's own actions of the registry that work now, and the themes."""
    if app.services is not None:
        for area in AREAS:
            if not is_for(area, app.services):
                continue
            yield SystemCommand(
                _("Open {area}").format(area=_(area.label)),
                _("Go to the {area} area ({key})").format(
                    area=_(area.label), key=key_for(screen, f"nav.{area.id}") or area.key
                ),
                partial(app.open_area, area.id),
            )
    yield from _app_actions(app, ("app.sync", "app.switch_person", "app.help"))
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
    yield from _app_actions(app, ("app.quit",))


def _app_actions(app: KinerjaApp, ids: tuple[str, ...]) -> Iterator[SystemCommand]:
    """The registry's palette entries of the app's actions ``ids`` that work now."""
    for action in BY_SCOPE["app"]:
        if action.id not in ids or action.palette is None:
            continue
        if not app.check_action(action.action, ()):
            continue
        yield SystemCommand(
            _(action.palette), _(action.help), partial(app.run_action, action.action)
        )
