"""A small office on a live server, for the tests of protocol 2's rules.

KEPALA is the atasan of PPK, who is the atasan (PPK) of STAFF; STRANGER
stands in no relation to them; ADMIN is the admin kinerja. ``Office``
pushes as any of them and builds plans up to a status.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import update

from server import db, recordstore
from tests.server import samples
from tests.support.live_server import LiveServer, make_nip, mutation

KEPALA, PPK, STAFF, STRANGER, ADMIN = (make_nip(n) for n in (1, 2, 3, 4, 5))


class Office:
    def __init__(self, server: LiveServer) -> None:
        self.server = server
        server.add_employee(KEPALA, "Kepala Dinas")
        server.add_employee(PPK, "Kepala Bidang", atasan_nip=KEPALA)
        server.add_employee(STAFF, "Staf Pelayanan", atasan_nip=PPK)
        server.add_employee(STRANGER, "Staf Bidang Lain")
        server.add_employee(ADMIN, "Admin BKD", roles=["admin"])
        self.tokens = {nip: server.token_for(nip) for nip in (KEPALA, PPK, STAFF, STRANGER, ADMIN)}
        self.period_id = samples.new_id()
        self.write(ADMIN, "period", samples.period(), owner=None, id=self.period_id)

    def push(self, nip: str, collection: str, data: dict[str, Any], **kw: Any) -> dict[str, Any]:
        [result] = self.server.push(self.tokens[nip], [mutation(collection, data, **kw)])
        return result

    def write(self, nip: str, collection: str, data: dict[str, Any], **kw: Any) -> dict[str, Any]:
        """A push that must apply; returns the record's id and rev."""
        kw.setdefault("id", samples.new_id())
        result = self.push(nip, collection, data, **kw)
        assert result["status"] == "applied", result
        return {"id": kw["id"], "rev": result["rev"]}

    def finalised_days_ago(self, evaluation_id: str, days: float) -> None:
        """Time passes: the server finalised this evaluation ``days`` ago."""
        with db.writing(self.server.engine) as conn:
            record = recordstore.get(conn, "evaluation", evaluation_id)
            assert record is not None
            data = dict(record["data"], finalised_at=samples.instant(days))
            conn.execute(
                update(db.records)
                .where(db.records.c.collection == "evaluation", db.records.c.id == evaluation_id)
                .values(data=data)
            )

    def plan(self, status: str = "draft", items: int = 0) -> dict[str, Any]:
        """A plan of STAFF with ``items`` RHK, brought to ``status``; its id, rev and items."""
        made = self.write(STAFF, "plan", samples.plan(self.period_id, PPK), owner=STAFF)
        made["items"] = [
            self.write(STAFF, "plan_item", samples.plan_item(made["id"]), owner=STAFF)["id"]
            for _ in range(items)
        ]
        steps = {"submitted": [STAFF], "approved": [STAFF, PPK]}.get(status, [])
        for nip, step in zip(steps, ("submitted", "approved"), strict=False):
            self.write(
                nip,
                "plan",
                samples.plan(self.period_id, PPK, status=step),
                owner=STAFF,
                id=made["id"],
                base_rev=made["rev"],
            )
            made["rev"] += 1
        return made


def code(result: dict[str, Any]) -> str:
    """The status of an answer, or its error code when rejected."""
    return str(result["error"]["code"] if result["status"] == "rejected" else result["status"])
