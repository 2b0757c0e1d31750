"""The texts of the operators' commands (serve's workers and logs, backup, restore,
doctor, web): their own gettext domain ``server_ops``, so that they never
collide with the API's texts in ``server``."""

from __future__ import annotations

from domain.i18n import translator


def _(msgid: str) -> str:
    """Translated at once: these texts are shown by a command, in the caller's language."""
    return translator("server_ops")(msgid)
