"""Where a profile's store lives, and the names of its files."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def profile_home(home: Path | None = None) -> Path:
    """The profile folder: ``home`` if given, else ``KINERJA_HOME``, else the user data folder."""
    if home is not None:
        return Path(home)
    # Taken as written (not resolved), so the token that sync keeps beside the
    # store lands in the same folder whichever way the path was spelled.
    from_env = os.environ.get("KINERJA_HOME")
    if from_env:
        return Path(from_env)
    # platformdirs is imported only here: most runs set KINERJA_HOME or pass home.
    from platformdirs import user_data_path

    return user_data_path("kinerja", appauthor=False)


@dataclass(frozen=True)
class StoreFiles:
    """The files of one store inside its profile folder."""

    home: Path

    @property
    def snapshot(self) -> Path:
        return self.home / "store.json"

    @property
    def journal(self) -> Path:
        return self.home / "store.journal"

    @property
    def lock(self) -> Path:
        return self.home / "store.lock"
