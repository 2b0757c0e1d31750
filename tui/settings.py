"""The profile's settings.toml: theme, sync interval and the user's keymap.

The file is optional and read strictly: a value of the wrong type or an
unknown name is reported (the app shows the problems once at start) and its
default is used, so that one typo never stops anyone from working.

    theme = "ansi"            # "default" or "ansi"; env KINERJA_THEME wins
    sync_minutes = 5          # between background sync rounds while online

    [keys]
    "plan.submit" = "ctrl+s"  # binding id = key(s), comma separated
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tui.actions import Keymap, parse_keymap
from tui.texts import _

SETTINGS_FILE = "settings.toml"
THEMES = ("default", "ansi")
DEFAULT_SYNC_MINUTES = 5.0


@dataclass(frozen=True)
class Settings:
    theme: str | None = None
    sync_minutes: float = DEFAULT_SYNC_MINUTES
    keymap: Keymap = field(default_factory=dict)
    problems: tuple[str, ...] = ()


def load_settings(home: Path) -> Settings:
    path = home / SETTINGS_FILE
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Settings(
            problems=(_("{file} could not be read: {reason}").format(file=path, reason=exc),)
        )

    problems: list[str] = []
    theme = raw.pop("theme", None)
    if theme is not None and theme not in THEMES:
        problems.append(
            _("{file}: theme must be one of {choices}").format(file=path, choices=", ".join(THEMES))
        )
        theme = None
    minutes = raw.pop("sync_minutes", DEFAULT_SYNC_MINUTES)
    if isinstance(minutes, bool) or not isinstance(minutes, int | float) or minutes <= 0:
        problems.append(_("{file}: sync_minutes must be a number above 0").format(file=path))
        minutes = DEFAULT_SYNC_MINUTES
    keys = raw.pop("keys", {})
    if not isinstance(keys, dict):
        problems.append(_("{file}: [keys] must be a table").format(file=path))
        keys = {}
    keymap, key_problems = parse_keymap(keys)
    problems.extend(f"{path}: {problem}" for problem in key_problems)
    problems.extend(
        _("{file}: unknown setting {name}").format(file=path, name=name) for name in raw
    )
    return Settings(
        theme=theme, sync_minutes=float(minutes), keymap=keymap, problems=tuple(problems)
    )
