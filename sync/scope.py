"""Letting go of what the user no longer works on (protocol.md, "What a client holds").

The server's feed carries a user's own records, their team's and their
second line's (acting included, for its dates), and the instansi's
``employee``, ``unit``, ``period`` and ``acting`` records. When the
organisation changes (a subordinate moves to another atasan, an acting
assignment ends) the feed stops carrying that person's records, but says
nothing of those already held: the client works the scope out itself, from
the employee and acting records it holds, with the server's own rule
(``domain.permissions.carried``), and drops what fell out of it. A record with an edit of
ours waiting (to be pushed, after a rejection, in a conflict) stays until a
person settles it. Should the person come back into scope, the server's
backfill (server.visibility) brings their records again.
"""

from __future__ import annotations

from datetime import date

from domain.org import Organisation
from domain.permissions import Actor, carried
from sync.local import RECORDS, Tx, get_meta, record_key

ORG_COLLECTIONS = ("employee", "acting")


def let_go(tx: Tx, today: date) -> int:
    """Drop the records outside the user's scope on ``today``; how many were dropped."""
    me = get_meta(tx, "nip")
    if not me:
        return 0
    held = list(tx.peek(RECORDS))
    org = Organisation(r for r in held if r.get("collection") in ORG_COLLECTIONS)
    day = org.on(today)
    actor = Actor(nip=str(me), roles=day.roles_of(str(me)))
    scope = day.scope_of(actor.nip)
    gone = [
        record_key(r["collection"], r["id"])
        for r in held
        if not carried(actor, r["collection"], r.get("owner"), day, scope)
        and not (r.get("pending") or r.get("rejected") or r.get("local_conflict"))
    ]
    for key in gone:
        tx.remove(RECORDS, key)
    return len(gone)
