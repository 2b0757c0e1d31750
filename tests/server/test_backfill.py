"""When what someone may read grows, their next pull brings the older records too."""

from __future__ import annotations

from typing import Any

from tests.server import samples
from tests.support.live_server import LiveServer, make_nip, mutation

KEPALA, PPK, STAFF, ADMIN, NEWCOMER = (make_nip(n) for n in (1, 2, 3, 4, 5))


def _ids(changes: list[dict[str, Any]]) -> set[str]:
    return {change["id"] for change in changes}


def _setup(live_server: LiveServer) -> dict[str, str]:
    live_server.add_employee(KEPALA, "Kepala Dinas")
    live_server.add_employee(PPK, "Kepala Bidang", atasan_nip=KEPALA)
    live_server.add_employee(STAFF, "Staf Pindahan")  # no atasan yet
    live_server.add_employee(ADMIN, "Admin BKD", roles=["admin"])
    return {nip: live_server.token_for(nip) for nip in (KEPALA, PPK, STAFF, ADMIN)}


def test_a_new_subordinate_brings_their_older_records(live_server: LiveServer) -> None:
    tokens = _setup(live_server)
    period_id = samples.new_id()
    live_server.push(
        tokens[ADMIN], [mutation("period", samples.period(), owner=None, id=period_id)]
    )
    plan = mutation("plan", samples.plan(period_id, PPK), owner=STAFF)
    training = mutation("training", samples.training(), owner=STAFF)
    assert {r["status"] for r in live_server.push(tokens[STAFF], [plan, training])} == {"applied"}
    seen_by_ppk, ppk_cursor = live_server.pull_all(tokens[PPK])
    seen_by_kepala, kepala_cursor = live_server.pull_all(tokens[KEPALA])
    assert not _ids(seen_by_ppk) & {plan["id"], training["id"]}
    # The admin moves STAFF under PPK.
    employee = live_server.record_of("employee", owner=STAFF)
    moved = dict(employee["data"], atasan_nip=PPK)
    [result] = live_server.push(
        tokens[ADMIN],
        [mutation("employee", moved, owner=STAFF, id=employee["id"], base_rev=employee["rev"])],
    )
    assert result["status"] == "applied"
    # The PPK's next pull, from where it stood, brings the older plan and training.
    with live_server.client(tokens[PPK]) as client:
        page = client.get("/changes", params={"since": ppk_cursor}).json()
        assert {plan["id"], training["id"], employee["id"]} <= _ids(page["changes"])
        seqs = [change["seq"] for change in page["changes"]]
        assert seqs == sorted(seqs)
        # The answer was lost: the same pull brings them again.
        assert _ids(client.get("/changes", params={"since": ppk_cursor}).json()["changes"]) == _ids(
            page["changes"]
        )
        # Once past that page they do not come again.
        assert client.get("/changes", params={"since": page["next"]}).json()["changes"] == []
    # The atasan PPK now reads the plan, but not the training (owner, PPK and admin only).
    changes, _next = live_server.pull_all(tokens[KEPALA], since=kepala_cursor)
    assert plan["id"] in _ids(changes) and training["id"] not in _ids(changes)


def test_backfill_through_import_and_in_small_pages(live_server: LiveServer) -> None:
    tokens = _setup(live_server)
    trainings = [
        mutation("training", samples.training(title=f"T{n}"), owner=STAFF) for n in range(5)
    ]
    live_server.push(tokens[STAFF], trainings)
    _seen, cursor = live_server.pull_all(tokens[PPK])
    live_server.add_employee(STAFF, "Staf Pindahan", atasan_nip=PPK)  # the import-employees path
    got: set[str] = set()
    with live_server.client(tokens[PPK]) as client:
        while True:
            page = client.get("/changes", params={"since": cursor, "limit": 1}).json()
            got |= _ids(page["changes"])
            cursor = page["next"]
            if not page["more"]:
                break
    assert {m["id"] for m in trainings} <= got


def test_a_new_admin_pulls_their_own_scope_and_fetches_the_rest(live_server: LiveServer) -> None:
    tokens = _setup(live_server)
    live_server.add_employee(STAFF, "Staf", atasan_nip=PPK)
    feedback = mutation("feedback", samples.feedback(), owner=STAFF)
    training = mutation("training", samples.training(), owner=STAFF)
    assert live_server.push(tokens[PPK], [feedback])[0]["status"] == "applied"
    assert live_server.push(tokens[STAFF], [training])[0]["status"] == "applied"
    live_server.add_employee(NEWCOMER, "Calon Admin")
    token = live_server.token_for(NEWCOMER)
    _before, cursor = live_server.pull_all(token)
    _seen, kepala_cursor = live_server.pull_all(tokens[KEPALA])
    live_server.add_employee(NEWCOMER, "Calon Admin", roles=["admin"])
    after, _next = live_server.pull_all(token, since=cursor)
    assert not {feedback["id"], training["id"]} & _ids(after)  # an HR office syncs no more
    with live_server.client(token) as client:
        fetched = client.get("/records", params={"owner": STAFF}).json()["records"]
    assert {feedback["id"], training["id"]} <= _ids(fetched)
    # KEPALA, atasan PPK of STAFF, made admin: STAFF's training (in KEPALA's scope, unreadable
    # to an atasan PPK) becomes readable, and comes with the next pull.
    live_server.add_employee(KEPALA, "Kepala Dinas", roles=["admin"])
    changes, _next = live_server.pull_all(tokens[KEPALA], since=kepala_cursor)
    assert training["id"] in _ids(changes)
