"""Profiles for the shell's tests: the demo's office, put into real stores.

``signed_in(home, nip)`` gives a profile as a sign-in and a sync leave it
(tui/demo/offline.py: the sample records through the sync package's own
``apply_incoming``); the app gets a fixed clock and a sync runner that
answers "offline" at once, unless a test wants the real one.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from textual.widgets import Static

from client.services import Services, open_services
from client.sync_status import RoundOutcome
from demo.office import SUPERIOR
from demo.offline import install_profile
from tui.app import KinerjaApp

WIT = timezone(timedelta(hours=9))
FIXED_NOW = datetime(2026, 11, 27, 9, 30, tzinfo=WIT)


def offline_round(_services: Services, progress: Any) -> RoundOutcome:
    """A round whose server never answers, without waiting for it."""
    return RoundOutcome(online=False, report=None, error="unreachable")


def signed_in(home: Path, nip: str = SUPERIOR.nip, now: datetime = FIXED_NOW) -> Services:
    install_profile(home, nip)
    services = open_services(home, clock=lambda: now)
    assert services is not None
    return services


def shell_app(home: Path, services: Services | None = None, **kwargs: Any) -> KinerjaApp:
    kwargs.setdefault("sync_runner", offline_round)
    return KinerjaApp(home, services, **kwargs)


def screen_text(app: KinerjaApp) -> str:
    """Every Static's text on the current screen (what a person reads there)."""
    return "\n".join(str(widget.render()) for widget in app.screen.query(Static))
