"""A province's year of records, generated: the data the province-sized benchmarks run on.

Maluku Utara has about 10,000 civil servants in some 40 units. ``generate``
builds such an instansi deterministically (a seed gives the same records
every time): a Sekretaris Daerah at the top, each unit with a head, section
heads under the head and staff under the section heads, one BKD admin, the
year's periods, and for each employee the year's records: an SKP (most
approved, some draft, submitted, returned or missing), its RHK with
indicators, realisasi per quarter, umpan balik, quarterly evaluations,
training and, for some, a follow-up. About 31 records a person, as the
issue measured (10,000 people, 310,000 records).

Records come out as protocol envelopes in ``seq`` order, valid under
``domain.validation`` (tests/bench/test_province.py checks a small
instansi), so benchmarks and tests can load them into a server database
or a client store. Everything here is fictional; the NIPs are valid in form
and belong to no one.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

YEAR = 2026
_NAMESPACE = uuid.UUID("2f8e7c1a-5b3d-4e6f-8a9b-0c1d2e3f4a5b")
_AT = f"{YEAR}-10-15T09:00:00+09:00"
_BERAKHLAK = (
    "service",
    "accountable",
    "competent",
    "harmonious",
    "loyal",
    "adaptive",
    "collaborative",
)
_FIRST = (
    "Ahmad",
    "Siti",
    "Rizal",
    "Nurhayati",
    "Fadli",
    "Wahyuni",
    "Hasan",
    "Rahma",
    "Yusuf",
    "Fitri",
)
_LAST = ("Sangadji", "Hasan", "Tomagola", "Umasangadji", "Abdullah", "Latif", "Mahmud", "Djafar")
_RANKS = ("Penata Muda (III/a)", "Penata (III/c)", "Pembina (IV/a)", "Pengatur (II/c)")
_QUARTERS = (1, 2, 3, 4)
_DONE_QUARTERS = (1, 2, 3)  # by mid-October, three quarters have realisasi and evaluations


def record_id(*parts: object) -> str:
    return str(uuid.uuid5(_NAMESPACE, "/".join(str(p) for p in parts)))


@dataclass
class Person:
    nip: str
    name: str
    unit_id: str
    atasan: str | None
    position: str
    roles: list[str] = field(default_factory=list)


@dataclass
class Province:
    """The generated instansi: its people, and every record in seq order."""

    people: list[Person]
    records: list[dict[str, Any]]
    admin: str
    top: str
    unit_heads: list[str]

    def staff_of(self, nip: str) -> list[str]:
        return [p.nip for p in self.people if p.atasan == nip]

    def owned_by(self, nips: set[str]) -> list[dict[str, Any]]:
        return [r for r in self.records if r["owner"] in nips]


class _Nips:
    """Valid, distinct NIPs: a real birth date, appointment at 23-30, gender, sequence 001."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._used: set[str] = set()

    def next(self) -> str:
        while True:
            birth = date(1965, 1, 1) + timedelta(days=self._rng.randrange(365 * 33))
            tmt_year = birth.year + self._rng.randint(23, 30)
            nip = f"{birth:%Y%m%d}{tmt_year}{self._rng.randint(1, 12):02d}{self._rng.randint(1, 2)}001"
            if nip not in self._used:
                self._used.add(nip)
                return nip


def _people(employees: int, units: int, rng: random.Random) -> tuple[list[Person], list[str], str]:
    nips = _Nips(rng)

    def name() -> str:
        return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"

    top = Person(nips.next(), name(), record_id("unit", 0), None, "Sekretaris Daerah")
    admin = Person(
        nips.next(), name(), record_id("unit", 0), top.nip, "Analis SDM Aparatur", ["admin"]
    )
    people = [top, admin]
    heads: list[str] = []
    spread, extra = divmod(max(0, employees - len(people)), units)
    for unit in range(1, units + 1):
        per_unit = max(3, spread + (1 if unit <= extra else 0))
        unit_id = record_id("unit", unit)
        head = Person(nips.next(), name(), unit_id, top.nip, f"Kepala Unit {unit}")
        heads.append(head.nip)
        people.append(head)
        sections = [
            Person(nips.next(), name(), unit_id, head.nip, f"Kepala Bidang {unit}.{s}")
            for s in range(1, max(2, per_unit // 50) + 1)
        ]
        people.extend(sections)
        room = per_unit - 1 - len(sections)
        for index in range(max(0, room)):
            boss = sections[index % len(sections)]
            people.append(Person(nips.next(), name(), unit_id, boss.nip, "Pelaksana"))
    return people[:employees] if len(people) > employees else people, heads, admin.nip


class _Seq:
    def __init__(self) -> None:
        self.value = 0
        self.records: list[dict[str, Any]] = []

    def add(
        self, collection: str, rid: str, owner: str | None, by: str | None, data: dict[str, Any]
    ) -> None:
        self.value += 1
        self.records.append(
            {
                "collection": collection,
                "id": rid,
                "rev": 1,
                "seq": self.value,
                "deleted": False,
                "owner": owner,
                "created_by": by,
                "created_at": _AT,
                "updated_by": by,
                "updated_at": _AT,
                "conflicts": [],
                "data": data,
            }
        )


def _organisation(seq: _Seq, people: list[Person], units: int, admin: str, top: str) -> None:
    heads = {p.unit_id: p.nip for p in people if p.position.startswith("Kepala Unit")}
    for unit in range(0, units + 1):
        unit_id = record_id("unit", unit)
        data = {
            "name": "Sekretariat Daerah" if unit == 0 else f"Unit Kerja {unit}",
            "parent_id": None if unit == 0 else record_id("unit", 0),
            "head_nip": top if unit == 0 else heads.get(unit_id),
            "ratings": {}
            if unit == 0
            else {period_id("annual"): ("good", "outstanding", "needs_improvement")[unit % 3]},
        }
        seq.add("unit", unit_id, None, None, data)
    for person in people:
        data = {
            "nip": person.nip, "name": person.name, "kind": "PNS", "rank": _RANKS[len(person.name) % 4],
            "position": person.position, "unit_id": person.unit_id, "atasan_nip": person.atasan,
            "roles": person.roles, "active": True,
        }  # fmt: skip
        seq.add("employee", record_id("employee", person.nip), person.nip, None, data)
    seq.add("period", period_id("annual"), None, admin, {
        "name": f"Tahun {YEAR}", "kind": "annual", "year": YEAR, "start": f"{YEAR}-01-01",
        "end": f"{YEAR}-12-31", "fill_deadline": f"{YEAR}-01-31",
    })  # fmt: skip
    for quarter in _QUARTERS:
        start = date(YEAR, 3 * quarter - 2, 1)
        end = (date(YEAR, 3 * quarter + 1, 1) if quarter < 4 else date(YEAR + 1, 1, 1)) - timedelta(
            days=1
        )
        seq.add("period", period_id("quarterly", quarter), None, admin, {
            "name": f"Triwulan {quarter} {YEAR}", "kind": "quarterly", "year": YEAR,
            "start": start.isoformat(), "end": end.isoformat(), "fill_deadline": None,
        })  # fmt: skip


def period_id(kind: str, number: int = 0) -> str:
    return record_id("period", YEAR, kind, number)


def _plan_status(rng: random.Random) -> str | None:
    roll = rng.random()
    if roll < 0.03:
        return None  # no SKP yet
    if roll < 0.08:
        return "draft"
    if roll < 0.12:
        return "submitted"
    if roll < 0.15:
        return "returned"
    return "approved"


def _year_of(seq: _Seq, person: Person, rng: random.Random) -> None:
    nip, ppk = person.nip, person.atasan
    status = _plan_status(rng) if ppk else "approved"
    if status is None or ppk is None:
        return
    plan = record_id("plan", nip)
    seq.add("plan", plan, nip, nip, {
        "period_id": period_id("annual"), "ppk_nip": ppk, "approach": "quantitative", "status": status,
        "return_note": "Lengkapi indikator kualitas" if status == "returned" else None,
        "expectations": {"service": "Melayani dengan ramah dan tuntas"},
        "attachments": {"resources": ["Komputer"], "accountability": [], "consequences": []},
    })  # fmt: skip
    items = []
    for number in range(1, 6):
        item = record_id("plan_item", nip, number)
        items.append(item)
        target = rng.choice((12, 24, 100, 120))
        seq.add("plan_item", item, nip, nip, {
            "plan_id": plan, "kind": "main" if number < 5 else "additional", "parent_item_id": None,
            "text": f"Hasil kerja {number} terselesaikan tepat waktu",
            "indicators": [
                {"aspect": "quantity", "indicator": f"Jumlah dokumen {number}", "target": target,
                 "unit": "dokumen", "target_text": None},
            ],
        })  # fmt: skip
    if status != "approved":
        return
    pace = rng.uniform(0.5, 1.2)  # some fall behind: the early warning finds them
    for item in items:
        for quarter in _DONE_QUARTERS:
            seq.add("progress", record_id("progress", item, quarter), nip, nip, {
                "plan_item_id": item, "period_id": period_id("quarterly", quarter),
                "values": [round(quarter * 6 * pace)], "note": None,
                "evidence": [{"label": "Laporan", "url": f"https://arsip.example/{nip}/{quarter}.pdf"}],
            })  # fmt: skip
        seq.add("progress", record_id("progress", item, 4), nip, nip, {
            "plan_item_id": item, "period_id": period_id("quarterly", 4), "values": [None],
            "note": None, "evidence": [],
        })  # fmt: skip
    for number in range(3):
        seq.add("feedback", record_id("feedback", nip, number), nip, ppk, {
            "period_id": period_id("quarterly", number + 1), "plan_item_id": items[number],
            "text": "Pertahankan capaian; lengkapi bukti dukung.", "acknowledged_at": None,
        })  # fmt: skip
    for quarter in _DONE_QUARTERS:
        result, behaviour = (
            rng.choice(("above", "as_expected", "as_expected", "below")),
            "as_expected",
        )
        seq.add("evaluation", record_id("evaluation", nip, quarter), nip, ppk, {
            "period_id": period_id("quarterly", quarter), "plan_id": plan, "result_rating": result,
            "behaviour_rating": behaviour,
            "behaviour_notes": dict.fromkeys(_BERAKHLAK[:2], "Sesuai ekspektasi"), "item_notes": {},
            "predikat": {"above": "good", "as_expected": "good", "below": "needs_improvement"}[result],
            "status": "final", "finalised_at": _AT,
        })  # fmt: skip
    for number in range(rng.choice((0, 1, 2, 2))):
        seq.add("training", record_id("training", nip, number), nip, nip, {
            "title": f"Pelatihan teknis {number + 1}", "path": "classical", "jp": rng.choice((8, 12, 16)),
            "start": f"{YEAR}-0{number + 3}-02", "end": f"{YEAR}-0{number + 3}-05",
            "organiser": "BPSDM Maluku Utara", "certificate": None,
        })  # fmt: skip


def generate(employees: int = 10_000, units: int = 40, seed: int = 1) -> Province:
    """The instansi and its year; deterministic for a given size and seed."""
    rng = random.Random(seed)
    people, heads, admin = _people(employees, units, rng)
    top = people[0].nip
    seq = _Seq()
    _organisation(seq, people, units, admin, top)
    for person in people:
        _year_of(seq, person, rng)
    return Province(people=people, records=seq.records, admin=admin, top=top, unit_heads=heads)


def iter_records(province: Province) -> Iterator[dict[str, Any]]:
    yield from province.records


if __name__ == "__main__":
    made = generate()
    counts: dict[str, int] = {}
    for record in made.records:
        counts[record["collection"]] = counts.get(record["collection"], 0) + 1
    print(f"{len(made.people)} people, {len(made.records)} records: {counts}")
