"""server.db.one_round_trip: writes sent together still commit, or fail, as a whole."""

from __future__ import annotations

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from server import db


def _remembered(mutation_id: str) -> dict[str, object]:
    return {
        "nip": "1",
        "mutation_id": mutation_id,
        "collection": "training",
        "record_id": "r",
        "result": {},
    }


@pytest.fixture(params=["sqlite", "postgresql"])
def engine_url(request: pytest.FixtureRequest, tmp_path: object) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/db.sqlite3"
    return str(request.getfixturevalue("pg_database"))


def _count(engine: object) -> int:
    with db.reading(engine) as conn:  # type: ignore[arg-type]
        return int(conn.execute(select(func.count()).select_from(db.mutation_results)).scalar())


def test_writes_in_one_round_trip_are_all_stored(engine_url: str) -> None:
    engine = db.make_engine(engine_url)
    db.init(engine)
    with db.writing(engine) as conn, db.one_round_trip(conn):
        conn.execute(insert(db.mutation_results), [_remembered("a"), _remembered("b")])
        conn.execute(insert(db.mutation_results), [_remembered("c")])
        db.store_sequence(conn, 3)
    assert _count(engine) == 3
    with db.reading(engine) as conn:
        assert db.current_seq(conn) == 3
    engine.dispose()


@pytest.mark.parametrize("commit", [False, True], ids=["then-commit", "commit-inside"])
def test_a_failing_write_in_one_round_trip_raises_and_keeps_nothing(
    engine_url: str, commit: bool
) -> None:
    engine = db.make_engine(engine_url)
    db.init(engine)
    with pytest.raises(IntegrityError), db.writing(engine) as conn, db.one_round_trip(conn):
        conn.execute(insert(db.mutation_results), [_remembered("a")])
        conn.execute(insert(db.mutation_results), [_remembered("a")])
        if commit:
            conn.commit()
    assert _count(engine) == 0
    # The connection went back to the pool in a usable state.
    with db.writing(engine) as conn, db.one_round_trip(conn):
        conn.execute(insert(db.mutation_results), [_remembered("b")])
        conn.commit()
    assert _count(engine) == 1
    engine.dispose()
