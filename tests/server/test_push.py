"""Every push status through a live server: applied, duplicate, conflict, rejected."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from sqlalchemy import select

from server import db
from tests.server import samples
from tests.support.live_server import LiveServer, make_nip, mutation

STAFF, PPK = make_nip(2), make_nip(1)


@pytest.fixture
def office(live_server: LiveServer) -> dict[str, str]:
    live_server.add_employee(PPK, "Kepala Bidang")
    live_server.add_employee(STAFF, "Staf Pelayanan", atasan_nip=PPK)
    return {"ppk": live_server.token_for(PPK), "staff": live_server.token_for(STAFF)}


def _seq(live_server: LiveServer) -> int:
    with db.reading(live_server.engine) as conn:
        return db.current_seq(conn)


def test_applied_then_duplicate_returns_the_first_result(
    live_server: LiveServer, office: dict[str, str]
) -> None:
    first = mutation("training", samples.training(), owner=STAFF)
    [applied] = live_server.push(office["staff"], [first], client_id="laptop-1")
    assert applied["status"] == "applied"
    assert applied["rev"] == 1 and applied["seq"] == _seq(live_server)
    assert applied["error"] is None
    [again] = live_server.push(office["staff"], [first], client_id="laptop-1")
    assert again == dict(applied, status="duplicate")
    record = live_server.record_of("training", id=first["id"])
    assert (record["rev"], record["updated_by"], record["data"]) == (1, STAFF, first["data"])


def test_audit_trail_keeps_who_when_where_and_what_changed(
    live_server: LiveServer, office: dict[str, str]
) -> None:
    create = mutation("training", samples.training(jp=8), owner=STAFF)
    live_server.push(office["staff"], [create], client_id="laptop-1")
    edit = mutation("training", samples.training(jp=12), owner=STAFF, id=create["id"], base_rev=1)
    live_server.push(office["staff"], [edit], client_id="laptop-2")
    with db.reading(live_server.engine) as conn:
        rows = conn.execute(
            select(db.history)
            .where(db.history.c.record_id == create["id"])
            .order_by(db.history.c.seq)
        ).all()
    assert [(r.by_nip, r.client_id, r.mutation_id, r.rev, r.status) for r in rows] == [
        (STAFF, "laptop-1", create["mutation_id"], 1, "applied"),
        (STAFF, "laptop-2", edit["mutation_id"], 2, "applied"),
    ]
    assert rows[0].change == {"set": create["data"], "unset": [], "deleted": False}
    assert rows[1].change == {"set": {"jp": 12}, "unset": []}
    assert rows[0].before is rows[0].after is rows[1].before is rows[1].after is None
    assert len({r.stamp for r in rows}) == 2


def test_conflict_is_kept_then_resolved(live_server: LiveServer, office: dict[str, str]) -> None:
    create = mutation("training", samples.training(jp=8), owner=STAFF)
    live_server.push(office["staff"], [create])
    ours = mutation("training", samples.training(jp=10), owner=STAFF, id=create["id"], base_rev=1)
    live_server.push(office["staff"], [ours], client_id="laptop-1")
    stale = mutation("training", samples.training(jp=16), owner=STAFF, id=create["id"], base_rev=1)
    seq_before = _seq(live_server)
    [result] = live_server.push(office["staff"], [stale], client_id="laptop-2")
    assert result["status"] == "conflict"
    current = result["current"]
    assert current["rev"] == 2 and current["data"]["jp"] == 10  # the server keeps its version
    assert result["seq"] == current["seq"] == seq_before + 1  # a new seq, so readers pull it
    [kept] = current["conflicts"]
    assert kept["mutation_id"] == stale["mutation_id"] and kept["by"] == STAFF
    assert kept["deleted"] is False and kept["data"]["jp"] == 16
    # The PPK reads the conflict in the feed too.
    changes, _next = live_server.pull_all(office["ppk"], since=seq_before)
    assert [c["conflicts"][0]["mutation_id"] for c in changes] == [stale["mutation_id"]]
    # Sending it again is a duplicate, answered with the record as it stands.
    [again] = live_server.push(office["staff"], [stale], client_id="laptop-2")
    assert again["status"] == "duplicate" and again["current"]["conflicts"] == current["conflicts"]
    # Resolving against an old rev is one more conflict, not a resolution.
    late = mutation(
        "training",
        samples.training(jp=13),
        owner=STAFF,
        id=create["id"],
        base_rev=1,
        resolves=[stale["mutation_id"]],
    )
    assert live_server.push(office["staff"], [late])[0]["status"] == "conflict"
    settle = mutation(
        "training",
        samples.training(jp=13),
        owner=STAFF,
        id=create["id"],
        base_rev=2,
        resolves=[stale["mutation_id"], late["mutation_id"]],
    )
    [settled] = live_server.push(office["staff"], [settle])
    assert settled["status"] == "applied" and settled["rev"] == 3
    record = live_server.record_of("training", id=create["id"])
    assert record["conflicts"] == [] and record["data"]["jp"] == 13


def test_resolving_only_some_conflicts_keeps_the_others(
    live_server: LiveServer, office: dict[str, str]
) -> None:
    create = mutation("training", samples.training(), owner=STAFF)
    live_server.push(office["staff"], [create])
    one, two = (
        mutation("training", samples.training(jp=n), owner=STAFF, id=create["id"], base_rev=0)
        for n in (3, 4)
    )
    live_server.push(office["staff"], [one, two])
    settle = mutation(
        "training",
        samples.training(jp=5),
        owner=STAFF,
        id=create["id"],
        base_rev=1,
        resolves=[one["mutation_id"]],
    )
    assert live_server.push(office["staff"], [settle])[0]["status"] == "applied"
    record = live_server.record_of("training", id=create["id"])
    assert [c["mutation_id"] for c in record["conflicts"]] == [two["mutation_id"]]


def test_edit_against_a_delete_is_a_conflict(
    live_server: LiveServer, office: dict[str, str]
) -> None:
    create = mutation("training", samples.training(), owner=STAFF)
    live_server.push(office["staff"], [create])
    gone = mutation("training", {}, owner=STAFF, id=create["id"], op="delete", base_rev=1)
    [deleted] = live_server.push(office["staff"], [gone])
    assert deleted["status"] == "applied" and deleted["rev"] == 2
    edit = mutation("training", samples.training(jp=9), owner=STAFF, id=create["id"], base_rev=1)
    [result] = live_server.push(office["staff"], [edit])
    assert result["status"] == "conflict"
    assert result["current"]["deleted"] is True and result["current"]["rev"] == 2
    # Bringing it back as the settlement of that conflict is allowed.
    back = mutation(
        "training",
        samples.training(jp=9),
        owner=STAFF,
        id=create["id"],
        base_rev=2,
        resolves=[edit["mutation_id"]],
    )
    [restored] = live_server.push(office["staff"], [back])
    assert restored["status"] == "applied"
    record = live_server.record_of("training", id=create["id"])
    assert record["deleted"] is False and record["conflicts"] == [] and record["rev"] == 3


def _rejected(result: dict[str, Any], code: str) -> None:
    assert result["status"] == "rejected", result
    assert result["error"]["code"] == code
    assert result["error"]["message"] and result["error"]["message_en"]
    assert result["rev"] is None and result["seq"] is None


def test_each_rejection_code_and_the_rest_of_the_batch_still_applies(
    live_server: LiveServer, office: dict[str, str]
) -> None:
    period_id = samples.new_id()
    live_server.add_employee(make_nip(3), "Admin BKD", roles=["admin"])
    admin = live_server.token_for(make_nip(3))
    live_server.push(admin, [mutation("period", samples.period(), owner=None, id=period_id)])
    plan = mutation("plan", samples.plan(period_id, PPK, status="submitted"), owner=STAFF)
    live_server.push(office["staff"], [plan])
    approve = mutation(
        "plan",
        samples.plan(period_id, PPK, status="approved"),
        owner=STAFF,
        id=plan["id"],
        base_rev=1,
    )
    assert live_server.push(office["ppk"], [approve])[0]["status"] == "applied"
    seq_before = _seq(live_server)

    invalid = mutation("training", samples.training(jp="dua puluh"), owner=STAFF)  # type: ignore[arg-type]
    good_one = mutation("training", samples.training(), owner=STAFF)
    forbidden = mutation("period", samples.period(), owner=None)  # only admin writes periods
    immutable = mutation(
        "plan", samples.plan(period_id, PPK, status="draft"), owner=STAFF, id=plan["id"], base_rev=2
    )
    good_two = mutation("training", samples.training(title="Orientasi"), owner=STAFF)
    results = live_server.push(office["staff"], [invalid, good_one, forbidden, immutable, good_two])

    assert [r["mutation_id"] for r in results] == [
        m["mutation_id"] for m in (invalid, good_one, forbidden, immutable, good_two)
    ]
    _rejected(results[0], "invalid")
    assert (
        "JP" in results[0]["error"]["message"] or "jp" in results[0]["error"]["message_en"].lower()
    )
    _rejected(results[2], "forbidden")
    _rejected(results[3], "immutable")
    assert [results[1]["status"], results[4]["status"]] == ["applied", "applied"]
    assert _seq(live_server) == seq_before + 2  # nothing stored for the rejected ones
    # A rejected mutation is not remembered: the same one is judged again, not a duplicate.
    _rejected(live_server.push(office["staff"], [forbidden])[0], "forbidden")


def test_the_owner_of_a_record_never_changes(
    live_server: LiveServer, office: dict[str, str]
) -> None:
    create = mutation("training", samples.training(), owner=STAFF)
    live_server.push(office["staff"], [create])
    moved = mutation("training", samples.training(), owner=PPK, id=create["id"], base_rev=1)
    _rejected(live_server.push(office["ppk"], [moved])[0], "invalid")
    assert live_server.record_of("training", id=create["id"])["owner"] == STAFF


def test_invalid_nip_and_shape_of_a_mutation_are_rejected_invalid(
    live_server: LiveServer, office: dict[str, str]
) -> None:
    bad_owner = mutation("training", samples.training(), owner="19800101")
    not_a_uuid = dict(mutation("training", samples.training(), owner=STAFF), id="rekam-1")
    plan_item_without_plan = mutation("plan_item", samples.plan_item(samples.new_id()), owner=STAFF)
    results = live_server.push(office["staff"], [bad_owner, not_a_uuid, plan_item_without_plan])
    for result in results:
        _rejected(result, "invalid")
    assert "SKP" in results[2]["error"]["message"]


def test_another_users_mutation_id_is_never_their_duplicate(
    live_server: LiveServer, office: dict[str, str]
) -> None:
    mine = mutation("training", samples.training(title="Milik staf"), owner=STAFF)
    assert live_server.push(office["staff"], [mine])[0]["status"] == "applied"
    # The PPK (or anyone who saw the id go by) sends another change under the same id.
    theirs = dict(
        mutation("feedback", samples.feedback(), owner=STAFF), mutation_id=mine["mutation_id"]
    )
    [result] = live_server.push(office["ppk"], [theirs])
    assert result["status"] == "applied"
    assert live_server.record_of("feedback", id=theirs["id"])["updated_by"] == PPK
    # Each sender still gets their own first result back.
    assert live_server.push(office["staff"], [mine])[0]["status"] == "duplicate"
    assert live_server.push(office["ppk"], [theirs])[0]["status"] == "duplicate"


def _history_of(live_server: LiveServer, record_id: str) -> list[Any]:
    with db.reading(live_server.engine) as conn:
        return conn.execute(
            select(db.history).where(db.history.c.record_id == record_id).order_by(db.history.c.seq)
        ).all()


def _edited_by_staff_with_an_admin(
    live_server: LiveServer, office: dict[str, str]
) -> tuple[dict[str, Any], str, str]:
    """A training of STAFF at rev 2 (so base_rev 1 is stale), and an admin's NIP and token."""
    admin_nip = make_nip(3)
    live_server.add_employee(admin_nip, "Admin BKD", roles=["admin"])
    create = mutation("training", samples.training(), owner=STAFF)
    live_server.push(office["staff"], [create])
    live_server.push(
        office["staff"],
        [mutation("training", samples.training(jp=9), owner=STAFF, id=create["id"], base_rev=1)],
    )
    return create, admin_nip, live_server.token_for(admin_nip)


def test_a_record_keeps_one_conflict_per_author_and_history_keeps_each_once(
    live_server: LiveServer, office: dict[str, str]
) -> None:
    create, admin_nip, admin = _edited_by_staff_with_an_admin(live_server, office)
    stale = [
        mutation("training", samples.training(jp=n), owner=STAFF, id=create["id"], base_rev=1)
        for n in range(10, 60)
    ]
    for batch in (stale[:25], stale[25:]):
        assert {r["status"] for r in live_server.push(office["staff"], batch)} == {"conflict"}
    [by_admin] = live_server.push(
        admin,
        [mutation("training", samples.training(jp=7), owner=STAFF, id=create["id"], base_rev=1)],
    )
    record = live_server.record_of("training", id=create["id"])
    assert [(c["by"], c["data"]["jp"]) for c in record["conflicts"]] == [
        (STAFF, 59),
        (admin_nip, 7),
    ]
    assert by_admin["current"]["conflicts"] == record["conflicts"]
    rows = _history_of(live_server, create["id"])
    conflicts = [r for r in rows if r.status == "conflict"]
    assert len(conflicts) == 51
    # Each row keeps that mutation's data once, whatever came before it.
    first = conflicts[0].change
    assert set(first) == {"conflict"} and first["conflict"]["data"] == stale[0]["data"]
    assert first["conflict"]["mutation_id"] == stale[0]["mutation_id"]
    assert conflicts[-2].change["replaced"] == stale[-2]["mutation_id"]
    sizes = {len(orjson.dumps(r.change)) for r in conflicts[1:-1]}
    assert max(sizes) - min(sizes) <= 2  # the 50th costs what the 2nd did


def test_a_stolen_mutation_id_cannot_take_anothers_conflict(
    live_server: LiveServer, office: dict[str, str]
) -> None:
    create, admin_nip, admin = _edited_by_staff_with_an_admin(live_server, office)
    staff_stale = mutation(
        "training", samples.training(jp=3), owner=STAFF, id=create["id"], base_rev=1
    )
    assert live_server.push(office["staff"], [staff_stale])[0]["status"] == "conflict"
    # The admin reads the conflict, then sends a stale change under the staff member's id.
    forged = dict(
        mutation("training", samples.training(jp=99), owner=STAFF, id=create["id"], base_rev=1),
        mutation_id=staff_stale["mutation_id"],
    )
    _rejected(live_server.push(admin, [forged])[0], "invalid")
    record = live_server.record_of("training", id=create["id"])
    assert [(c["by"], c["data"]["jp"]) for c in record["conflicts"]] == [(STAFF, 3)]
