"""Every action of the app in one registry: bindings, footer, F1 and the palette come from it.

As in Harlequin's actions and keymap: each ``Action`` has an id
"<area>.<action>" (``plan.submit``), a default key, the Textual action it
runs, its footer label, and, when it belongs in the command palette (ctrl+p),
the palette's name and help. A screen declares ``BINDINGS = bindings("plan")``
and calls ``localise(self, lang)`` once made; the palette's ``ScreenCommands``
offers what the screen allows now (its ``check_action``), F1 lists the same
bindings with their ids, and a user's ``[keys]`` in settings.toml rebinds any
id (``App.set_keymap``). Labels are English msgids of the action's gettext
domain, translated per screen instance in the person's language.

The rows are written per area in tui/keymaps/ (with the helpers of
tui/action_rows.py); this module joins them and is the one that screens import.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from domain.i18n import translator
from tui.action_rows import (
    ADMIN,
    DOCUMENTS,
    LISTS,
    MONITORING,
    PLAN,
    REVIEW,
    SHELL,
    TAB_KEYS,
    TERMINAL,
    YEAR,
    Action,
)
from tui.keymaps import admin, monitoring, plan, review, shell, year
from tui.texts import _

if TYPE_CHECKING:
    from textual.binding import Binding, BindingType
    from textual.dom import DOMNode
    from textual.screen import Screen

Keymap = dict[str, str]

BINDING_ID = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")
# One key: modifiers joined by "+" and a key name ("f5", "ctrl+s", "shift+tab").
KEY = re.compile(r"^([a-z]+\+)*[a-z0-9_]+$")

# The public names; the row helpers' names are re-exported so that screens and
# tests import everything of the registry from here, as before the split.
__all__ = [
    "ACTIONS",
    "ADMIN",
    "BINDING_ID",
    "BY_SCOPE",
    "DOCUMENTS",
    "DOMAIN_OF",
    "KEY",
    "LISTS",
    "MONITORING",
    "PLAN",
    "REVIEW",
    "SHELL",
    "TAB_KEYS",
    "TERMINAL",
    "YEAR",
    "Action",
    "KeyHelp",
    "Keymap",
    "bindings",
    "key_for",
    "key_help",
    "keys_not_now",
    "localise",
    "palette_entries",
    "parse_keymap",
    "runner",
]

# In this order: F1, the footer and the README's key tables (scripts/key_tables.py)
# list the keys in the registry's order.
ACTIONS: tuple[Action, ...] = (
    *shell.ACTIONS,
    *plan.ACTIONS,
    *review.FEEDBACK_AND_EVALUATION,
    *monitoring.ACTIONS,
    *review.EVALUATION_FILES_AND_CONFLICTS,
    *admin.ACTIONS,
    *year.ACTIONS,
)

BY_SCOPE: Mapping[str, tuple[Action, ...]] = {
    scope: tuple(a for a in ACTIONS if a.scope == scope) for scope in {a.scope for a in ACTIONS}
}
DOMAIN_OF: Mapping[str, str] = {a.id: a.domain for a in ACTIONS}
for _action in ACTIONS:
    if not BINDING_ID.match(_action.id):
        raise ValueError(f"binding id {_action.id!r} is not '<area>.<action>'")


def bindings(scope: str) -> list[BindingType]:
    """The Textual bindings of one screen or dialog, from the registry."""
    from textual.binding import Binding

    found: list[BindingType] = [
        Binding(a.key, a.action, a.label, show=a.show, priority=a.priority, id=a.id)
        for a in BY_SCOPE[scope]
    ]
    return found


def localise(node: DOMNode, lang: str | None = None) -> None:
    """Give ``node`` its own bindings with labels in ``lang`` (ids and keys unchanged,
    so the user's keymap still applies)."""
    from textual.binding import BindingsMap

    translated = BindingsMap()
    for found in node._bindings.key_to_bindings.values():
        for bound in found:
            domain = DOMAIN_OF.get(bound.id or "", SHELL)
            words = translator(domain, lang)(bound.description) if bound.description else ""
            translated._add_binding(dataclasses.replace(bound, description=words))
    node._bindings = translated


def palette_entries(screen: Screen[Any], scopes: Iterable[str]) -> list[tuple[str, str, str]]:
    """(name, action, help) of what ``screen`` allows now, for the command palette."""
    lang = getattr(getattr(screen, "services", None), "lang", None)
    found = []
    for scope in scopes:
        for a in BY_SCOPE[scope]:
            if a.palette is None or screen.check_action(a.action.partition("(")[0], ()) is not True:
                continue
            words = translator(a.domain, lang)
            found.append((words(a.palette), a.action, words(a.help) if a.help else ""))
    return found


# --- the user's keymap -------------------------------------------------------------


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


# --- F1 ---------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class KeyHelp:
    key: str
    description: str
    binding_id: str | None


def key_help(screen: Screen[Any], bound: Iterable[Binding] | None = None) -> list[KeyHelp]:
    """The keys that work on ``screen`` now, as the user has mapped them.

    Screen and focused-widget keys first, the app's own after, each once.
    """
    app = screen.app
    if bound is None:
        bound = [active.binding for active in screen.active_bindings.values()]
    rows: list[KeyHelp] = []
    seen: set[tuple[str, str]] = set()
    for binding in bound:
        # Only Kinerja's own keys: Textual's widget keys (scrolling, focus)
        # carry no id and work the same everywhere.
        if not binding.description or binding.id is None:
            continue
        shown = (app.get_key_display(binding), binding.description)
        if shown in seen:
            continue
        seen.add(shown)
        rows.append(KeyHelp(shown[0], shown[1], binding.id))
    return rows


def keys_not_now(screen: Screen[Any]) -> list[KeyHelp]:
    """The screen's own keys that don't work at this moment (another tab, another
    state of the record), marked so: F1 lists every key of a screen, the footer
    only what works now (it must fit 80 columns)."""
    from textual.binding import Binding

    active_ids = {active.binding.id for active in screen.active_bindings.values()}
    rows: list[KeyHelp] = []
    seen: set[str] = set()
    for found in screen._bindings.key_to_bindings.values():
        for binding in found:
            if not binding.description or binding.id is None or binding.id in active_ids:
                continue
            if binding.id in seen:
                continue
            seen.add(binding.id)
            shown = screen.app.get_key_display(Binding(binding.key, binding.action))
            words = _("{what} (not now)").format(what=binding.description)
            rows.append(KeyHelp(shown, words, binding.id))
    return rows


def key_for(screen: Screen[Any], binding_id: str) -> str | None:
    """How the key of ``binding_id`` is shown now on ``screen`` (after remapping)."""
    for active in screen.active_bindings.values():
        if active.binding.id == binding_id:
            return screen.app.get_key_display(active.binding)
    return None


def runner(screen: Screen[Any], action: str) -> Callable[[], Any]:
    async def run() -> None:
        await screen.run_action(action)

    return run
