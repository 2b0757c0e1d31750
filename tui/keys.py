"""Binding ids, the user's keymap, and the key list that F1 "Bantuan" shows.

Every Binding in the app carries an ``id`` "<area>.<action>" (e.g.
``plan.submit``) so that a user can rebind it in the profile's
settings.toml (``[keys] "plan.submit" = "ctrl+s"``); Textual's
``App.set_keymap`` applies the result. Screens declare their bindings with
Textual's own ``Binding`` and a gettext description; ``binding()`` below is a
shorthand that insists on the id.

The shell's own ids: ``app.quit``, ``app.help``, ``app.palette``,
``app.sync``, ``app.switch_person`` and ``nav.<area>`` for each area of
tui/app.py's ``AREAS``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tui.texts import _

if TYPE_CHECKING:
    from textual.binding import Binding
    from textual.screen import Screen

Keymap = dict[str, str]

BINDING_ID = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")
# One key: modifiers joined by "+" and a key name ("f5", "ctrl+s", "shift+tab").
KEY = re.compile(r"^([a-z]+\+)*[a-z0-9_]+$")


def binding(
    binding_id: str,
    key: str,
    action: str,
    description: str,
    *,
    show: bool = True,
    priority: bool = False,
) -> Binding:
    """A Textual Binding that a user can remap: ``binding_id`` is required."""
    from textual.binding import Binding

    if not BINDING_ID.match(binding_id):
        raise ValueError(f"binding id {binding_id!r} is not '<area>.<action>'")
    return Binding(key, action, description, show=show, priority=priority, id=binding_id)


def parse_keymap(table: Mapping[str, object]) -> tuple[Keymap, list[str]]:
    """The [keys] table of settings.toml as a keymap, and what was wrong in it.

    A bad entry is left out (its default key stays) and reported.
    """
    keymap: Keymap = {}
    problems: list[str] = []
    for binding_id, value in table.items():
        if not BINDING_ID.match(binding_id):
            problems.append(
                _("[keys] {id}: not a binding id like plan.submit").format(id=binding_id)
            )
            continue
        keys = [k.strip().lower() for k in value.split(",")] if isinstance(value, str) else []
        if not keys or not all(KEY.match(k) for k in keys):
            problems.append(
                _("[keys] {id}: {value!r} is not a key like ctrl+s or f5").format(
                    id=binding_id, value=value
                )
            )
            continue
        keymap[binding_id] = ",".join(keys)
    return keymap, problems


@dataclass(frozen=True)
class KeyHelp:
    key: str
    description: str
    binding_id: str | None


def key_help(screen: Screen[Any], bindings: Iterable[Binding] | None = None) -> list[KeyHelp]:
    """The keys that work on ``screen`` now, as the user has mapped them.

    Screen and focused-widget keys first, the app's own after, each once.
    """
    app = screen.app
    if bindings is None:
        bindings = [active.binding for active in screen.active_bindings.values()]
    rows: list[KeyHelp] = []
    seen: set[tuple[str, str]] = set()
    for bound in bindings:
        # Only Kinerja's own keys: Textual's widget keys (scrolling, focus)
        # carry no id and work the same everywhere.
        if not bound.description or bound.id is None:
            continue
        shown = (app.get_key_display(bound), bound.description)
        if shown in seen:
            continue
        seen.add(shown)
        rows.append(KeyHelp(shown[0], shown[1], bound.id))
    return rows


def key_for(screen: Screen[Any], binding_id: str) -> str | None:
    """How the key of ``binding_id`` is shown now on ``screen`` (after remapping)."""
    for active in screen.active_bindings.values():
        if active.binding.id == binding_id:
            return screen.app.get_key_display(active.binding)
    return None
