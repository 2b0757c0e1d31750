"""A push reads ahead before it takes the sequence row (server.push.Batch); one
that waited for the row must still decide on what the push before it wrote."""

from __future__ import annotations

import threading
import uuid
from typing import Any

from sqlalchemy import Engine, text

from server import db
from server.importer import Row, import_rows
from server.org import OrgCache
from server.push import Batch
from tests.server import samples
from tests.support.live_server import make_nip, mutation

STAFF = make_nip(1)


def _push(engine: Engine, orgs: OrgCache, mutations: list[dict[str, Any]]) -> list[str]:
    with db.writing(engine) as conn:
        results = Batch(conn, STAFF, "second", orgs).apply_all(mutations)
    return [result["status"] for result in results]


def _someone_waits_for_the_sequence(engine: Engine) -> None:
    """Block until another connection waits for a lock (polled, no timing assumed)."""
    while True:
        with engine.connect() as conn:
            if conn.execute(text("SELECT count(*) FROM pg_locks WHERE NOT granted")).scalar():
                return


def test_a_waiting_push_sees_the_mutations_and_revisions_written_meanwhile(
    pg_database: str,
) -> None:
    engine = db.make_engine(pg_database)
    db.init(engine)
    import_rows(engine, [Row(2, STAFF, "Staf", "PNS", "Penata", "Analis", "Bidang", None, ())])
    orgs = OrgCache()
    created = mutation("training", samples.training(), owner=STAFF)
    _push(engine, orgs, [created])
    retried = mutation("training", samples.training(jp=4), owner=STAFF)
    edit = mutation("training", samples.training(jp=8), owner=STAFF, id=created["id"], base_rev=1)
    stale_edit = dict(edit, mutation_id=str(uuid.uuid4()), data=samples.training(jp=9))

    answers: list[list[str]] = []
    with db.writing(engine) as conn:
        first = Batch(conn, STAFF, "first", orgs).apply_all([retried, edit])
        # The second push reads before this one commits, then waits for the sequence row.
        second = threading.Thread(
            target=lambda: answers.append(_push(engine, orgs, [retried, stale_edit]))
        )
        second.start()
        _someone_waits_for_the_sequence(engine)
    second.join()

    assert [result["status"] for result in first] == ["applied", "applied"]
    assert answers == [["duplicate", "conflict"]]
    engine.dispose()
