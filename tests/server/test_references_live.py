"""References and limits through a live server: what a hostile user tried, refused; the rest applied.

Each attack of issue 9 point 2 and 5 is pushed as that user would, and the
stored records are checked unchanged after it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.server import samples
from tests.server.office import ADMIN, KEPALA, PPK, STAFF, STRANGER, Office, code
from tests.support.live_server import LiveServer, make_nip, mutation


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    server = LiveServer.start(Path(tmp_path_factory.mktemp("references")))
    yield Office(server)
    server.close()


def _message(result: dict[str, Any]) -> str:
    return str(result["error"]["message_en"])


def test_an_rhk_of_an_approved_skp_cannot_move_to_a_draft(office: Office) -> None:
    approved = office.plan("approved", items=1)
    draft = office.plan("draft")
    [item_id] = approved["items"]
    moved = samples.plan_item(draft["id"])
    result = office.push(STAFF, "plan_item", moved, owner=STAFF, id=item_id, base_rev=1)
    assert code(result) == "invalid" and "cannot change once saved" in _message(result)
    stored = office.server.record_of("plan_item", id=item_id)
    assert stored["data"]["plan_id"] == approved["id"] and stored["rev"] == 1
    # Deleting it is refused too: its plan is approved.
    gone = office.push(STAFF, "plan_item", {}, owner=STAFF, id=item_id, op="delete", base_rev=1)
    assert code(gone) == "immutable"


def test_a_realisasi_evaluation_or_objection_cannot_be_repointed(office: Office) -> None:
    plan = office.plan("approved", items=1)
    other = office.plan("approved", items=1)
    progress = office.write(
        STAFF, "progress", samples.progress(plan["items"][0], office.period_id), owner=STAFF
    )
    moved = samples.progress(other["items"][0], office.period_id)
    kw: dict[str, Any] = {"owner": STAFF, "id": progress["id"], "base_rev": 1}
    assert code(office.push(STAFF, "progress", moved, **kw)) == "invalid"
    evaluation = office.write(
        PPK, "evaluation", samples.evaluation(office.period_id, plan["id"]), owner=STAFF
    )
    moved = samples.evaluation(office.period_id, other["id"])
    kw["id"] = evaluation["id"]
    assert code(office.push(PPK, "evaluation", moved, **kw)) == "invalid"


def test_an_evaluation_names_an_existing_plan_of_its_owner_once_per_period(office: Office) -> None:
    mine = office.plan("approved")
    foreign = office.write(STRANGER, "plan", samples.plan(office.period_id, ADMIN), owner=STRANGER)
    for plan_id in (samples.new_id(), foreign["id"]):
        result = office.push(
            PPK, "evaluation", samples.evaluation(office.period_id, plan_id), owner=STAFF
        )
        assert code(result) == "invalid", plan_id
    final = samples.evaluation(office.period_id, mine["id"], final_days_ago=0)
    assert code(office.push(PPK, "evaluation", final, owner=STAFF)) == "applied"
    second = office.push(PPK, "evaluation", final, owner=STAFF)
    assert code(second) == "invalid" and "already an evaluation" in _message(second)


def test_an_evaluation_becomes_final_only_on_an_approved_plan(office: Office) -> None:
    submitted = office.plan("submitted")
    final = samples.evaluation(office.period_id, submitted["id"], final_days_ago=0)
    assert code(office.push(PPK, "evaluation", final, owner=STAFF)) == "invalid"
    draft = office.write(
        PPK, "evaluation", samples.evaluation(office.period_id, submitted["id"]), owner=STAFF
    )
    kw = {"owner": STAFF, "id": draft["id"], "base_rev": 1}
    assert code(office.push(PPK, "evaluation", final, **kw)) == "invalid"


def test_a_returned_skp_gets_no_final_evaluation(office: Office) -> None:
    """Issue 11: it could, on a returned SKP with no realisasi."""
    plan = office.plan("submitted")
    returned = samples.plan(office.period_id, PPK, status="returned", return_note="Lengkapi IKI")
    office.write(PPK, "plan", returned, owner=STAFF, id=plan["id"], base_rev=plan["rev"])
    final = samples.evaluation(office.period_id, plan["id"], final_days_ago=0)
    result = office.push(PPK, "evaluation", final, owner=STAFF)
    assert code(result) == "invalid" and "only once its SKP is approved" in _message(result)


def test_references_must_exist_and_be_the_owners(office: Office) -> None:
    plan = office.plan("draft")
    mine = office.plan("approved", items=1)
    cases = [
        ("plan", samples.plan(samples.new_id(), PPK)),  # no such period
        ("plan_item", samples.plan_item(samples.new_id())),
        ("feedback", dict(samples.feedback(), plan_item_id=samples.new_id())),
        ("follow_up", dict(samples.follow_up(), evaluation_id=samples.new_id())),
        ("objection", samples.objection(samples.new_id())),
        ("progress", dict(samples.progress(mine["items"][0], samples.new_id()))),
    ]
    for collection, data in cases:
        writer = {"feedback": PPK, "follow_up": PPK}.get(collection, STAFF)
        assert code(office.push(writer, collection, data, owner=STAFF)) == "invalid", collection
    # STRANGER names STAFF's plan for an RHK of their own.
    assert (
        code(office.push(STRANGER, "plan_item", samples.plan_item(plan["id"]), owner=STRANGER))
        == "invalid"
    )


LIMITS: list[tuple[str, str, dict[str, Any]]] = [
    # who, collection, data that once applied
    (STAFF, "training", samples.training(jp=1e9)),
    (STAFF, "training", samples.training(title="x" * 4_000_000)),
    (STAFF, "training", samples.training(title="Judul \x1b[2J\x1b[H")),
    (STAFF, "training", samples.training(jp=1000.5)),
]


@pytest.mark.parametrize(
    "who, collection, data", LIMITS, ids=["jp-1e9", "title-4MB", "esc", "jp-1000.5"]
)
def test_absurd_values_are_refused_and_their_edges_applied(
    office: Office, who: str, collection: str, data: dict[str, Any]
) -> None:
    assert code(office.push(who, collection, data, owner=STAFF)) == "invalid"


def test_indicators_targets_values_and_evidence_at_their_limits(office: Office) -> None:
    plan = office.plan("draft")
    indicator = samples.plan_item(plan["id"])["indicators"][0]
    for bad in (
        [dict(indicator, target=-10)],
        [dict(indicator, target=1e308)],
        [indicator] * 10_000,
    ):
        item = dict(samples.plan_item(plan["id"]), indicators=bad)
        assert code(office.push(STAFF, "plan_item", item, owner=STAFF)) == "invalid"
    edge = dict(samples.plan_item(plan["id"]), indicators=[dict(indicator, target=1e9)] * 20)
    assert code(office.push(STAFF, "plan_item", edge, owner=STAFF)) == "applied"
    approved = office.plan("approved", items=1)
    item_id = approved["items"][0]
    progress = samples.progress(item_id, office.period_id)
    for changes in (
        {"values": [1, 2, 3]},
        {"evidence": [{"label": "Klik", "url": "javascript:alert(document.cookie)"}]},
        {"evidence": [{"label": "x", "url": "https://a.example"}] * 21},
        {"note": "Catatan\x07"},
    ):
        assert (
            code(office.push(STAFF, "progress", dict(progress, **changes), owner=STAFF))
            == "invalid"
        )
    edge_progress = dict(
        progress, values=[1e9], evidence=[{"label": "x", "url": "https://a.example"}] * 20
    )
    assert code(office.push(STAFF, "progress", edge_progress, owner=STAFF)) == "applied"


def test_fifty_rhk_a_plan(office: Office) -> None:
    plan = office.plan("draft", items=50)
    extra = office.push(STAFF, "plan_item", samples.plan_item(plan["id"]), owner=STAFF)
    assert code(extra) == "invalid" and "50 RHK" in _message(extra)


def _employee(office: Office, nip: str) -> dict[str, Any]:
    return office.server.record_of("employee", owner=nip)


def test_the_atasan_chain_stays_a_tree_through_the_api(office: Office) -> None:
    kepala = _employee(office, KEPALA)
    kw = {"owner": KEPALA, "id": kepala["id"], "base_rev": kepala["rev"]}
    for atasan in (KEPALA, STAFF, PPK, make_nip(77)):  # own, two loops, nobody
        data = dict(kepala["data"], atasan_nip=atasan)
        assert code(office.push(ADMIN, "employee", data, **kw)) == "invalid", atasan
    data = dict(kepala["data"], atasan_nip="19800101")
    assert code(office.push(ADMIN, "employee", data, **kw)) == "invalid"
    assert _employee(office, KEPALA)["data"]["atasan_nip"] is None
    # A loop made in two steps of one push is seen too.
    stranger = _employee(office, STRANGER)
    first = dict(stranger["data"], atasan_nip=KEPALA)
    second = dict(kepala["data"], atasan_nip=STRANGER)
    results = office.server.push(
        office.tokens[ADMIN],
        [
            mutation(
                "employee", first, owner=STRANGER, id=stranger["id"], base_rev=stranger["rev"]
            ),
            mutation("employee", second, **kw),
        ],
    )
    assert [code(r) for r in results] == ["applied", "invalid"]


def test_ppk_and_acting_nips_name_other_existing_employees(office: Office) -> None:
    for ppk in (STAFF, make_nip(78)):
        assert (
            code(office.push(STAFF, "plan", samples.plan(office.period_id, ppk), owner=STAFF))
            == "invalid"
        )
    acting = {
        "nip": STRANGER, "for_nip": STRANGER, "kind": "plt",
        "start": "2026-07-01", "end": "2026-07-31", "decree": None,
    }  # fmt: skip
    assert code(office.push(ADMIN, "acting", acting, owner=STRANGER)) == "invalid"
    assert (
        code(office.push(ADMIN, "acting", dict(acting, for_nip=make_nip(79)), owner=STRANGER))
        == "invalid"
    )
    assert code(office.push(ADMIN, "acting", dict(acting, for_nip=PPK), owner=PPK)) == "invalid"
    assert (
        code(office.push(ADMIN, "acting", dict(acting, for_nip=PPK), owner=STRANGER)) == "applied"
    )
