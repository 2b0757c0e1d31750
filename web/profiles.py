"""One profile folder per person under the web service's data folder.

Signing in goes through sync's own ``sign_in``: the token lands in the
person's profile exactly as ``kinerja login`` keeps it, so the app started
there finds itself signed in and syncs as in a terminal.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from domain.nip import nip_issues
from store import StoreDamaged, open_store
from sync.link import Patience
from sync.session import Session
from sync.signin import sign_in

FOLDER_MODE = 0o700
# a person waits at the sign-in page: a short try, then the page says why
PATIENCE = Patience(connect=5.0, read=30.0, attempts=2, total=20.0)


def web_home(server_home: Path) -> Path:
    """The web service's data folder: beside the server's own files."""
    return server_home / "web"


def person_home(root: Path, nip: str) -> Path:
    """The profile folder of one person; ``nip`` must already be a checked NIP."""
    if not nip.isdigit():  # never a path of the caller's choosing
        raise ValueError("a NIP is digits only")
    return root / "people" / nip


def clean_nip(typed: str) -> str | None:
    """The NIP as typed without spaces, or None when it is not shaped like one."""
    nip = "".join(typed.split())
    if not nip.isdigit() or nip_issues(nip, kind="PPPK"):  # the shape only, as `kinerja login`
        return None
    return nip


def _prepare(folder: Path) -> bool:
    """Make the folder (and its parents) the service user's alone; True when it is new."""
    new = not folder.exists()
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    for path in (folder.parent.parent, folder.parent, folder):
        os.chmod(path, FOLDER_MODE)
    return new


def sign_in_person(
    root: Path, api_url: str, nip: str, password: str, browser_address: str
) -> Session:
    """Sign ``nip`` in at the API and keep the token in their profile folder.

    ``browser_address`` goes to the API as X-Forwarded-For, for its sign-in brake.

    Raises what ``sync.signin.sign_in`` raises. A first attempt that fails
    leaves no folder behind, so wrong guesses fill no disk.
    """
    home = person_home(root, nip)
    new = _prepare(home)
    try:
        try:
            store = open_store(home)
        except StoreDamaged as damaged:
            store = damaged.store
        session = sign_in(
            store, api_url, nip, password, on_behalf_of=browser_address, patience=PATIENCE
        )
    except BaseException:
        if new:
            shutil.rmtree(home, ignore_errors=True)
        raise
    return session
