"""A bidang of a Sofifi office for the review screens' tests (helpers, no tests).

Records go into real stores in temporary profile folders as a sync would
have pulled them (a server version, nothing pending), with fixed ids and a
fixed clock, so that screens and snapshots repeat. ``Host`` shows one screen
as the shell would.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen

from client.services import Services
from store import Store, open_store
from store.records import record_key
from tui.themes import ANSI_THEME, DEFAULT, DEFAULT_THEME

KADIS = "196805121990011001"  # Kepala Dinas: the PPK's atasan
PPK = "197503142000031002"  # Kepala Bidang: the staff's PPK
STAFF = "199001152019032001"
STAFF_2 = "199105202019031002"
STAFF_3 = "199207082020122003"
UNIT = "00000000-0000-4000-8000-0000000000a1"
ANNUAL = "00000000-0000-4000-8000-0000000a2026"
Q1 = "00000000-0000-4000-8000-0000000a2061"
PLAN = "00000000-0000-4000-8000-0000000b0001"
ITEM_1 = "00000000-0000-4000-8000-0000000c0001"
ITEM_2 = "00000000-0000-4000-8000-0000000c0002"
FIXED_NOW = datetime(2026, 12, 18, 2, 0, tzinfo=UTC)


def _person(nip: str, name: str, position: str, atasan: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "nip": nip,
        "name": name,
        "kind": "PNS",
        "rank": "Penata (III/c)",
        "position": position,
        "unit_id": UNIT,
        "roles": [],
        "active": True,
    }
    if atasan:
        data["atasan_nip"] = atasan
    return data


EMPLOYEES = (
    _person(KADIS, "Ir. Rahmat Hasan", "Kepala Dinas", None),
    _person(PPK, "Nurlaila Abdullah, S.H.", "Kepala Bidang Pelayanan", KADIS),
    _person(STAFF, "Siti Marwah", "Analis Perizinan", PPK),
    _person(STAFF_2, "Fadli Umasugi", "Pengelola Perizinan", PPK),
    _person(STAFF_3, "Hasnah Duwila", "Verifikator Perizinan", PPK),
)

PERIODS = (
    (
        ANNUAL,
        {
            "name": "Tahunan 2026",
            "kind": "annual",
            "year": 2026,
            "start": "2026-01-01",
            "end": "2026-12-31",
        },
    ),
    (
        Q1,
        {
            "name": "Triwulan I 2026",
            "kind": "quarterly",
            "year": 2026,
            "start": "2026-01-01",
            "end": "2026-03-31",
        },
    ),
)

PLAN_DATA: dict[str, Any] = {
    "period_id": ANNUAL,
    "ppk_nip": PPK,
    "approach": "quantitative",
    "status": "approved",
    "expectations": {
        "service": "Menjawab setiap permohonan dalam 1 hari kerja",
        "accountable": "Laporan bulanan tepat waktu",
    },
    "attachments": {"resources": [], "accountability": [], "consequences": []},
}
# The plan as its owner writes it: the Ekspektasi Khusus Pimpinan are the PPK's
# to write (domain.permissions), so the owner leaves them out.
OWNER_PLAN_DATA: dict[str, Any] = {**PLAN_DATA, "expectations": {}}
ITEMS: tuple[tuple[str, dict[str, Any]], ...] = (
    (
        ITEM_1,
        {
            "plan_id": PLAN,
            "kind": "main",
            "text": "Permohonan izin diselesaikan tepat waktu",
            "indicators": [
                {
                    "aspect": "quantity",
                    "indicator": "Permohonan selesai",
                    "target": 120,
                    "unit": "berkas",
                },
                {
                    "aspect": "time",
                    "indicator": "Rata-rata waktu penyelesaian",
                    "target": 3,
                    "unit": "hari",
                },
            ],
        },
    ),
    (
        ITEM_2,
        {
            "plan_id": PLAN,
            "kind": "additional",
            "text": "Basis data perizinan diperbarui",
            "indicators": [
                {"aspect": "quality", "indicator": "Data lengkap", "target": 100, "unit": "%"}
            ],
        },
    ),
)


def put_pulled(
    store: Store,
    collection: str,
    record_id: str,
    owner: str | None,
    data: dict[str, Any],
    *,
    by: str = KADIS,
    seq: int = 1,
) -> None:
    """Store a record as a sync would have pulled it: server version 1, nothing pending."""
    record = {
        "collection": collection,
        "id": record_id,
        "rev": 1,
        "seq": seq,
        "deleted": False,
        "owner": owner,
        "updated_by": by,
        "updated_at": "2026-12-01T08:00:00+09:00",
        "conflicts": [],
        "data": data,
        "base": {"rev": 1, "deleted": False, "data": data},
        "pending": None,
        "rejected": None,
        "local_conflict": None,
    }
    with store.transaction() as tx:
        tx.put("records", record_key(collection, record_id), record)


def seed_bidang(store: Store, org_rating: str | None = "good") -> None:
    """The people, the unit with its rating, the periods, STAFF's approved SKP."""
    for person in EMPLOYEES:
        put_pulled(store, "employee", person["nip"], person["nip"], dict(person))
    unit: dict[str, Any] = {"name": "Bidang Pelayanan Perizinan", "ratings": {}}
    if org_rating:
        unit["ratings"] = {ANNUAL: org_rating, Q1: org_rating}
    put_pulled(store, "unit", UNIT, None, unit)
    for period_id, data in PERIODS:
        put_pulled(store, "period", period_id, None, data)
    put_pulled(store, "plan", PLAN, STAFF, PLAN_DATA, by=STAFF)
    for item_id, data in ITEMS:
        put_pulled(store, "plan_item", item_id, STAFF, data, by=STAFF)


def profile(home: Path, me: str, *, seed: bool = True, org_rating: str | None = "good") -> Services:
    """A profile folder for ``me`` with the bidang in its store."""
    home.mkdir(parents=True, exist_ok=True)
    store = open_store(home)
    if seed:
        seed_bidang(store, org_rating)
    return Services(store=store, me=me, home=home, lang="id", clock=lambda: FIXED_NOW)


class Host(App[None]):
    """Shows one screen as the shell would, in the default or the ANSI theme."""

    def __init__(self, make_screen: Callable[[], Screen[Any]], theme: str = DEFAULT) -> None:
        super().__init__()
        self.animation_level = "none"
        self.make_screen = make_screen
        self.register_theme(DEFAULT_THEME)
        self.register_theme(ANSI_THEME)
        self.theme = theme

    def on_mount(self) -> None:
        self.push_screen(self.make_screen())


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Types ``text`` key by key, as a person would."""
    await pilot.press(*["space" if ch == " " else ch for ch in text])


def screen_text(app: App[Any]) -> str:
    """What the current screen shows in its Static texts and tables (for assertions)."""
    from textual.widgets import DataTable, Static

    parts: list[str] = []
    for widget in app.screen.query(Static):
        if widget.display:
            parts.append(str(widget.render()))
    for table in app.screen.query(DataTable):
        for row in range(table.row_count):
            parts.append(" | ".join(str(cell) for cell in table.get_row_at(row)))
    return "\n".join(parts)


class Device:
    """One person's computer against a live server: a profile folder, its
    Services for the screens, and a sync round on demand."""

    def __init__(self, home: Path, server: Any, nip: str) -> None:
        from sync.local import put_meta
        from sync.session import Session, save_session

        self.server = server
        self.nip = nip
        self.token = server.login(nip)
        self.services = profile(home, nip, seed=False)
        self.store = self.services.store
        save_session(home, Session(self.token, None, nip, None, ()))
        with self.store.transaction() as tx:
            put_meta(tx, "server_url", server.root_url)
            put_meta(tx, "nip", nip)

    def sync(self) -> Any:
        from sync.engine import SyncEngine
        from sync.link import Link, Patience

        patience = Patience(
            connect=5, read=10, attempts=3, total=20, backoff_initial=0.01, backoff_max=0.05
        )
        link = Link(self.server.root_url, self.token, patience=patience, sleep=lambda _s: None)
        engine = SyncEngine(self.store, link)
        with engine.link:
            report = engine.run_round()
        assert report.error is None, report
        return report

    def edit(
        self, collection: str, record_id: str, data: dict[str, Any], owner: str | None
    ) -> None:
        existing = self.store.records.get(collection, record_id)
        if existing is None:
            self.store.records.edit(collection, record_id, data, owner=owner, by=self.nip)
        else:
            self.store.records.edit(collection, record_id, data, by=self.nip)

    def get(self, collection: str, record_id: str) -> dict[str, Any]:
        found = self.store.records.get(collection, record_id)
        assert found is not None, (collection, record_id)
        return found


def live_bidang(server: Any, home: Path) -> dict[str, Device]:
    """The bidang on a live server: an HR admin who writes the periods and the
    unit's rating, the Kepala Bidang (PPK) and the staff; each on a device."""
    admin = "198001012005011001"
    unit = "Bidang Pelayanan Perizinan"
    server.add_employee(KADIS, "Ir. Rahmat Hasan", unit=unit, position="Kepala Dinas")
    server.add_employee(PPK, "Nurlaila Abdullah, S.H.", KADIS, unit=unit)
    for person in EMPLOYEES[2:]:
        server.add_employee(person["nip"], person["name"], PPK, unit=unit)
    server.add_employee(admin, "Rina Kahar", roles=("admin",), unit="BKD")
    for nip in (admin, PPK, STAFF):
        server.set_password(nip)
    devices = {
        "admin": Device(home / "admin", server, admin),
        "ppk": Device(home / "ppk", server, PPK),
        "staff": Device(home / "staff", server, STAFF),
    }
    bkd = devices["admin"]
    for period_id, data in PERIODS:
        bkd.edit("period", period_id, dict(data), None)
    bkd.sync()
    return devices


FEEDBACK_1 = "00000000-0000-4000-8000-0000000f0001"
FEEDBACK_2 = "00000000-0000-4000-8000-0000000f0002"


def seed_feedback(store: Store) -> None:
    """Umpan balik the PPK gave Siti: one on an RHK (read), one dialog note."""
    put_pulled(
        store,
        "feedback",
        FEEDBACK_1,
        STAFF,
        {
            "period_id": Q1,
            "plan_item_id": ITEM_1,
            "text": "Target berkas sudah di jalur, pertahankan.",
            "acknowledged_at": "2026-03-20T08:00:00+09:00",
        },
        by=PPK,
    )
    put_pulled(
        store,
        "feedback",
        FEEDBACK_2,
        STAFF,
        {"period_id": Q1, "text": "Dialog kinerja 2026-03-25: Bahas kendala verifikasi berkas."},
        by=PPK,
    )


def seed_conflict(store: Store) -> None:
    """FEEDBACK_1 as a sync leaves it after a clash: ours, theirs, and the fields."""
    key = record_key("feedback", FEEDBACK_1)
    with store.transaction() as tx:
        record = dict(tx.get("records", key))
        theirs = {**record["data"], "text": "Target berkas hampir tercapai.", "period_id": ANNUAL}
        record.update(
            base={"rev": 2, "deleted": False, "data": theirs},
            data={**record["data"], "text": "Target berkas tercapai, pertahankan."},
            updated_by=PPK,
            updated_at="2026-03-21T09:15:00+09:00",
            rev=2,
            local_conflict={
                "rev": 2,
                "seq": 40,
                "deleted": False,
                "data": theirs,
                "by": PPK,
                "at": "2026-03-21T10:40:00+09:00",
                "mutation_ids": ["00000000-0000-4000-8000-000000000m01"],
                "fields": {"mine": [], "theirs": ["period_id"], "clashes": ["text"]},
                "merged": None,
            },
        )
        tx.put("records", key, record)


def seed_rejected(store: Store) -> None:
    """FEEDBACK_2 changed here and refused by the server."""
    key = record_key("feedback", FEEDBACK_2)
    with store.transaction() as tx:
        record = dict(tx.get("records", key))
        record.update(
            data={**record["data"], "text": "Dialog kinerja 2026-03-26: Bahas kendala berkas."},
            rejected={
                "mutation_id": "00000000-0000-4000-8000-000000000m02",
                "code": "forbidden",
                "message": "Hanya PPK pegawai ini yang boleh menulis umpan balik.",
            },
        )
        tx.put("records", key, record)
