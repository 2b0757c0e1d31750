"""The province generator makes records the product accepts: checked on a small instansi."""

from __future__ import annotations

from collections import Counter
from typing import Any

from bench.province import generate
from domain.nip import parse_nip
from domain.org import Organisation
from domain.references import Change, reference_issues
from domain.validation import validate_data


class Held:
    """The generated records as the reference rules look them up."""

    def __init__(self, records: list[dict[str, Any]]) -> None:
        self.by_id = {(r["collection"], r["id"]): r for r in records}
        self.by_owner: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for r in records:
            self.by_owner.setdefault((r["collection"], r["owner"]), []).append(r)

    def get(self, collection: str, record_id: str) -> dict[str, Any] | None:
        return self.by_id.get((collection, record_id))

    def owned_by(self, collection: str, owner: str) -> list[dict[str, Any]]:
        return self.by_owner.get((collection, owner), [])


def test_every_record_of_a_small_instansi_is_valid() -> None:
    province = generate(employees=300, units=4, seed=7)
    held = Held(province.records)
    assert len(held.by_id) == len(province.records)  # ids are distinct
    org = Organisation(province.records)
    for record in province.records:
        assert validate_data(record["collection"], record["data"]) == [], record
        change = Change(record["collection"], record["id"], record["owner"], None, record["data"])
        assert reference_issues(change, held, org) == [], record
    assert [r["seq"] for r in province.records] == list(range(1, len(province.records) + 1))


def test_the_organisation_is_a_tree_with_one_admin() -> None:
    province = generate(employees=300, units=4, seed=7)
    org = Organisation(province.records)
    for person in province.people:
        parse_nip(person.nip)  # valid in form
        assert not org.makes_cycle(person.nip, org.atasan_of(person.nip))
        assert (org.atasan_of(person.nip) is None) == (person.nip == province.top)
    assert [p.nip for p in province.people if "admin" in org.roles_of(p.nip)] == [province.admin]
    assert len(province.unit_heads) == 4


def test_the_same_seed_gives_the_same_year_and_about_31_records_a_person() -> None:
    first, second = (
        generate(employees=300, units=4, seed=7),
        generate(employees=300, units=4, seed=7),
    )
    assert first.records == second.records
    assert 25 <= len(first.records) / len(first.people) <= 36
    counts = Counter(r["collection"] for r in first.records)
    assert counts["employee"] == len(first.people)
    statuses = Counter(r["data"]["status"] for r in first.records if r["collection"] == "plan")
    assert {"approved", "draft", "submitted", "returned"} <= set(statuses)
