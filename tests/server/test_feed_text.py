"""The feed sends each record as the database's JSON text: the same envelope the store reads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
from sqlalchemy import insert

from domain.org import Organisation
from server import db, feed, recordstore
from server.errors import JsonResponse

READER = "198001012005011001"


@pytest.fixture(params=["sqlite", "postgresql"])
def engine_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/db.sqlite3"
    return str(request.getfixturevalue("pg_database"))


def _row(seq: int, **values: Any) -> dict[str, Any]:
    row = {
        "collection": "training", "id": f"00000000-0000-4000-8000-{seq:012d}", "rev": 1,
        "seq": seq, "deleted": False, "owner": READER, "updated_by": READER,
        "updated_at": "2026-01-05T01:02:03.456789+00:00", "conflicts": [],
        "data": {"title": "Pelatihan", "jp": 20}, "created_by": READER,
        "created_at": "2026-01-04T00:00:00+00:00",
    }  # fmt: skip
    return row | values


ROWS = [
    _row(1, data={"title": "Pelayanan publik: “prima” é ✓", "jp": 1.5, "tags": [None, True]}),
    _row(2, deleted=True, data={}, rev=3),
    _row(3, created_at=None, created_by=None, updated_by=None),
    _row(4, created_at=""),
    _row(5, conflicts=[{"rev": 2, "by": READER, "data": {"jp": 2.0}}]),
    _row(6, collection="period", owner=None, data={"name": "2026", "year": 2026}),
]


def test_each_change_on_the_page_is_the_stored_envelope(engine_url: str) -> None:
    engine = db.make_engine(engine_url)
    db.init(engine)
    with db.writing(engine) as conn:
        conn.execute(insert(db.records), ROWS)
        db.store_sequence(conn, len(ROWS))
    org = Organisation([{"collection": "employee", "owner": READER, "data": {"nip": READER}}])
    with db.reading(engine) as conn:
        page = feed.pull(conn, READER, 0, 100, org)
        expected = [recordstore.get(conn, r["collection"], r["id"]) for r in ROWS]
    sent = orjson.loads(JsonResponse({"changes": page["changes"]}).body)["changes"]
    assert sent == expected
    assert [change["created_at"] for change in sent][2:4] == [ROWS[2]["updated_at"]] * 2
    assert sent[1]["deleted"] is True
    engine.dispose()
