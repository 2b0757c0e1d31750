"""``kinerja logout``: end the session on the server and forget the token.

Pending changes stay in the profile. Offline, the token is still forgotten
here and the user is told the server could not be reached.
"""

from __future__ import annotations

import argparse

from sync.commands.common import OK, open_profile_store, polite, say, tr

HELP = "end the session on the server and forget the token; pending changes stay"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No options: logout always concerns the current profile."""


@polite
def run(args: argparse.Namespace) -> int:
    from sync.choices import waiting
    from sync.link import AuthExpired, Link, LinkError, Patience
    from sync.local import get_meta
    from sync.session import forget_session, load_session, profile_home

    _ = tr()
    store = open_profile_store()
    home = profile_home(store)
    session = load_session(home)
    if session is None:
        say(_("Not signed in; nothing to do."))
        return OK
    with store.transaction() as tx:
        url = get_meta(tx, "server_url")
    problem: str | None = None
    if url:
        try:
            with Link(str(url), session.token, patience=Patience(attempts=2, total=20.0)) as link:
                link.close_session()
        except AuthExpired:
            pass  # the server had already ended it
        except LinkError as error:
            problem = str(error)
    forget_session(home)
    pending = waiting(store).pending
    if problem is None:
        say(
            _("Signed out. Changes waiting to be sent stay in this profile: {count}.").format(
                count=pending
            )
        )
    else:
        say(
            _(
                "Signed out on this computer, but the server could not be told ({detail}); "
                "the token stops working when it expires. Changes waiting to be sent stay "
                "in this profile: {count}."
            ).format(detail=problem, count=pending)
        )
    return OK
