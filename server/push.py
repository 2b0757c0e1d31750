"""Applying one pushed batch: each mutation applied, kept as a conflict, or rejected.

The caller holds the write transaction (``db.writing``) and the sequence
row, so the checks here and the writes they decide see one state. One bad
mutation never blocks the others: each gets its own result, in order.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, insert, select

from domain.permissions import Actor
from domain.validation import ValidationError, validate_mutation
from server import acting, db, recordstore, visibility
from server.admission import readable, refusal, rejected
from server.messages import rejection
from server.org import ORG_COLLECTIONS, OrgCache
from server.stamping import with_server_values

ORGLESS = ("unit", "period")


def screen(mutations: list[dict[str, Any]]) -> list[dict[str, Any] | None]:
    """Each mutation's rejection for bad field values, or None; pure, so it is
    done before the push takes the writer's lock."""
    verdicts: list[dict[str, Any] | None] = []
    for mutation in mutations:
        try:
            validate_mutation(mutation)
            verdicts.append(None)
        except ValidationError as error:
            verdicts.append(
                rejected(
                    mutation["mutation_id"], "invalid", error.message("id"), error.message("en")
                )
            )
    return verdicts


class Batch:
    """One push: who sends it, from which client, against which organisation.

    What the decisions need (the organisation, the mutations seen before, the
    records they touch) is read before the sequence row is taken, so that
    other pushes need not wait for it; under the row, one query finds what
    was written meanwhile, and only that is read again (``_read_ahead``).
    """

    def __init__(self, conn: Connection, nip: str, client_id: str, orgs: OrgCache) -> None:
        self.conn = conn
        self.nip = nip
        self._orgs = orgs
        self._author = recordstore.Author(by=nip, client_id=client_id)
        self._firsts: dict[str, dict[str, Any]] = {}
        self._fresh = 0  # how many of _firsts were found in the database, not decided here

    @property
    def actor(self) -> Actor:
        return Actor(nip=self.nip, roles=self.org.roles_of(self.nip))

    def apply_all(
        self, mutations: list[dict[str, Any]], verdicts: list[dict[str, Any] | None] | None = None
    ) -> list[dict[str, Any]]:
        """The result of each mutation, in order, written (not committed).

        ``verdicts`` from ``screen`` if done already.
        """
        results = self.decide_all(mutations, verdicts)
        self.write()
        return results

    def decide_all(
        self, mutations: list[dict[str, Any]], verdicts: list[dict[str, Any] | None] | None = None
    ) -> list[dict[str, Any]]:
        """The result of each mutation, in order, with the writes kept for ``write``."""
        verdicts = screen(mutations) if verdicts is None else verdicts
        valid = [m for m, verdict in zip(mutations, verdicts, strict=True) if verdict is None]
        self._read_ahead(
            [m["mutation_id"] for m in valid], [(m["collection"], m["id"]) for m in valid]
        )
        fresh = len(self._firsts)
        results = [
            verdict or self.apply(mutation)
            for mutation, verdict in zip(mutations, verdicts, strict=True)
        ]
        self._fresh = fresh
        return results

    def write(self, *, commit: bool = False) -> None:
        """Send the decided writes, and the commit if asked, in one round trip (PostgreSQL)."""
        remembered = [
            {
                "nip": self.nip,
                "mutation_id": mutation_id,
                "collection": first["collection"],
                "record_id": first["id"],
                "result": first,
            }
            for mutation_id, first in list(self._firsts.items())[self._fresh :]
        ]
        with db.one_round_trip(self.conn):
            self.writer.finish()
            if remembered:
                self.conn.execute(insert(db.mutation_results), remembered)
            if commit:
                self.conn.commit()

    def _read_ahead(self, mutation_ids: list[str], keys: list[tuple[str, str]]) -> None:
        """Read what the decisions need, take the sequence row, then catch up with what changed."""
        # Every write up to ``seen`` is committed, so the reads below see it;
        # a write committed later has a higher seq, which ``changed_since`` finds.
        seen = db.current_seq(self.conn)
        self.org = self._orgs.get(self.conn)  # shared: copied by _store before a change
        self._load_firsts(mutation_ids)
        records = recordstore.read_many(self.conn, keys)
        self.writer = recordstore.Writer(self.conn, self._author)  # takes the sequence row
        if self.writer.seqs.start != seen:
            changed = recordstore.changed_since(self.conn, seen, keys)
            if any(record["collection"] in ORG_COLLECTIONS for record in changed):
                self.org = self._orgs.get(self.conn)
            mine = [record for record in changed if (record["collection"], record["id"]) in records]
            if mine:
                # Whoever wrote these records may have taken one of our mutations too (a retry).
                self._load_firsts(mutation_ids)
                records.update({(record["collection"], record["id"]): record for record in mine})
        self.writer.know(records)

    @property
    def last_seq(self) -> int:
        return self.writer.seqs.last

    def _load_firsts(self, mutation_ids: list[str]) -> None:
        """The first results of those mutations this sender has pushed before, in one query."""
        table = db.mutation_results
        rows = self.conn.execute(
            select(table.c.mutation_id, table.c.result).where(
                table.c.nip == self.nip, table.c.mutation_id.in_(set(mutation_ids))
            )
        )
        self._firsts = {mutation_id: dict(result) for mutation_id, result in rows}

    def apply(self, mutation: dict[str, Any]) -> dict[str, Any]:
        """One mutation that passed ``screen``."""
        mutation_id = mutation["mutation_id"]
        first = self._firsts.get(mutation_id)
        if first is not None:
            return self._duplicate(mutation_id, first)
        current = self.writer.get(mutation["collection"], mutation["id"])
        problem = self._shape_problem(mutation, current)
        if problem is not None:
            return rejected(mutation_id, "invalid", *rejection(problem))
        moment = db.now()
        if mutation["op"] == "upsert":
            stored = None if current is None else current["data"]
            data = with_server_values(
                mutation["collection"], stored, mutation["data"], moment.isoformat()
            )
            mutation = dict(mutation, data=data)
        refused = refusal(self.writer, self.actor, self.org, mutation, current, moment)
        if refused is not None:
            return refused
        if current is not None and _conflicts(mutation, current):
            return self._keep_conflict(mutation, current)
        return self._store(mutation, current)

    def _shape_problem(
        self, mutation: Mapping[str, Any], current: Mapping[str, Any] | None
    ) -> str | None:
        collection, owner, op = mutation["collection"], mutation["owner"], mutation["op"]
        if current is not None and current["owner"] != owner:
            return "owner_changed"
        if current is None and op == "delete":
            return "delete_unknown"
        if collection in ORGLESS and owner is not None:
            return "owner_not_null"
        if collection not in ORGLESS and owner is None:
            return "owner_missing"
        if collection == "employee" and op == "upsert":
            if mutation["data"].get("nip") != owner:
                return "employee_owner"
            if current is None and self.org.known(owner):
                return "employee_exists"
        return None

    def _keep_conflict(
        self, mutation: Mapping[str, Any], current: dict[str, Any]
    ) -> dict[str, Any]:
        """Keep the mutation beside the server's version: one entry per author, the newest."""
        mutation_id = mutation["mutation_id"]
        if any(
            c["mutation_id"] == mutation_id and c["by"] != self.nip for c in current["conflicts"]
        ):
            return rejected(mutation_id, "invalid", *rejection("mutation_id_taken"))
        entry = {
            "mutation_id": mutation_id,
            "by": self.nip,
            "at": db.now().isoformat(),
            "deleted": mutation["op"] == "delete",
            "data": dict(mutation["data"] or {}),
        }
        replaced = next((c for c in current["conflicts"] if c["by"] == self.nip), None)
        others = [c for c in current["conflicts"] if c["by"] != self.nip]
        record = dict(current, conflicts=[*others, entry])
        stored = self.writer.save(
            record,
            existed=True,
            change=recordstore.conflict_change(
                entry, None if replaced is None else replaced["mutation_id"]
            ),
            mutation_id=mutation_id,
            status="conflict",
            op=mutation["op"],
        )
        result = _result(mutation_id, "conflict", stored["rev"], stored["seq"], current=stored)
        self._remember(mutation, result)
        return result

    def _store(self, mutation: Mapping[str, Any], current: dict[str, Any] | None) -> dict[str, Any]:
        resolves = set(mutation.get("resolves") or [])
        deleting = mutation["op"] == "delete"
        moment = db.now().isoformat()
        record = {
            "collection": mutation["collection"],
            "id": mutation["id"],
            "rev": 1 if current is None else current["rev"] + 1,
            "deleted": deleting,
            "owner": mutation["owner"],
            "created_by": self.nip if current is None else current["created_by"],
            "created_at": moment if current is None else current["created_at"],
            "updated_by": self.nip,
            "updated_at": moment,
            "conflicts": [
                c for c in (current or {}).get("conflicts", []) if c["mutation_id"] not in resolves
            ],
            "data": dict(current["data"]) if deleting and current else dict(mutation["data"]),
        }
        before_org = self.org if mutation["collection"] in ORG_COLLECTIONS else None
        stored = self.writer.save(
            record,
            existed=current is not None,
            change=recordstore.change_of(current, record),
            mutation_id=mutation["mutation_id"],
            status="applied",
            op=mutation["op"],
        )
        if before_org is not None:
            # Copied on write: the organisation of the cache is shared by every request.
            self.org = before_org.copy()
            self.org.apply(stored)
            if mutation["collection"] == "acting":
                acting.note_acting_change(self.conn, before_org, self.org, stored)
            else:
                visibility.note_employee_change(
                    self.conn,
                    before_org,
                    self.org,
                    None if current is None or current["deleted"] else current["data"],
                    None if deleting else stored["data"],
                    stored["seq"],
                )
        result = _result(mutation["mutation_id"], "applied", stored["rev"], stored["seq"])
        self._remember(mutation, result)
        return result

    def _remember(self, mutation: Mapping[str, Any], result: Mapping[str, Any]) -> None:
        """Keep the first result, so that the same mutation again is a duplicate."""
        self._firsts[mutation["mutation_id"]] = {
            "status": result["status"],
            "rev": result["rev"],
            "seq": result["seq"],
            "collection": mutation["collection"],
            "id": mutation["id"],
        }

    def _duplicate(self, mutation_id: str, first: dict[str, Any]) -> dict[str, Any]:
        """The first result again; after a conflict, with the record as it stands now.

        The status says ``duplicate`` (protocol.md); a client whose first
        answer was lost finds its own mutation_id in ``current.conflicts``.
        """
        current = None
        if first["status"] == "conflict":
            current = self._readable(self.writer.get(first["collection"], first["id"]))
        return _result(mutation_id, "duplicate", first["rev"], first["seq"], current=current)

    def _readable(self, record: dict[str, Any] | None) -> dict[str, Any] | None:
        return readable(self.actor, self.org, record, db.now())


def _conflicts(mutation: Mapping[str, Any], current: Mapping[str, Any]) -> bool:
    """A stale base, a create over an existing id, or an edit over a delete."""
    if mutation["base_rev"] != current["rev"]:
        return True
    if current["deleted"] and mutation["op"] == "upsert":
        # Bringing a deleted record back is allowed only as a settled conflict.
        open_ids = {c["mutation_id"] for c in current["conflicts"]}
        return not open_ids or not open_ids <= set(mutation.get("resolves") or [])
    return False


def _result(
    mutation_id: str,
    status: str,
    rev: int | None,
    seq: int | None,
    *,
    error: dict[str, str] | None = None,
    current: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "mutation_id": mutation_id,
        "status": status,
        "rev": rev,
        "seq": seq,
        "error": error,
        "current": current,
    }
