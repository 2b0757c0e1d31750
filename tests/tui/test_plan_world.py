"""A small Sofifi office for the Rencana and Realisasi tests (helpers, no tests).

Records are put into real stores in temporary profile folders as if a sync
had pulled them from the server (a base version, nothing pending), with
fixed ids and a fixed clock so that screens and snapshots repeat.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen

from client.services import Services
from store import Store, open_store
from store.records import record_key
from tui.themes import ANSI, ANSI_THEME, DEFAULT, DEFAULT_THEME

KEPALA_DINAS = "196805121990011001"
PPK = "197503142000031002"  # Kepala Bidang Pelayanan: the staff's atasan
STAFF = "199001152019032001"  # a staff member of that bidang
ORPHAN = "199203032020121001"  # a staff member whose atasan is missing
UNIT = "00000000-0000-4000-8000-000000000001"
ANNUAL = "00000000-0000-4000-8000-000000002026"
QUARTERS = [f"00000000-0000-4000-8000-00000000202{q}" for q in range(1, 5)]
FIXED_NOW = datetime(2026, 1, 20, 9, 30, tzinfo=UTC)

EMPLOYEES: tuple[dict[str, Any], ...] = (
    {
        "nip": KEPALA_DINAS,
        "name": "Ir. Rahmat Hasan",
        "kind": "PNS",
        "rank": "Pembina Utama Muda (IV/c)",
        "position": "Kepala Dinas",
        "unit_id": UNIT,
        "roles": [],
        "active": True,
    },
    {
        "nip": PPK,
        "name": "Nurlaila Abdullah, S.H.",
        "kind": "PNS",
        "rank": "Pembina (IV/a)",
        "position": "Kepala Bidang Pelayanan Perizinan",
        "unit_id": UNIT,
        "atasan_nip": KEPALA_DINAS,
        "roles": [],
        "active": True,
    },
    {
        "nip": STAFF,
        "name": "Siti Marwah",
        "kind": "PNS",
        "rank": "Penata Muda (III/a)",
        "position": "Analis Perizinan",
        "unit_id": UNIT,
        "atasan_nip": PPK,
        "roles": [],
        "active": True,
    },
    {
        "nip": ORPHAN,
        "name": "Yusuf Sangaji",
        "kind": "PNS",
        "rank": "Pengatur (II/c)",
        "position": "Pengadministrasi Umum",
        "unit_id": UNIT,
        "roles": [],
        "active": True,
    },
)


def periods() -> list[tuple[str, dict[str, Any]]]:
    found = [
        (
            ANNUAL,
            {
                "name": "Tahunan 2026",
                "kind": "annual",
                "year": 2026,
                "start": "2026-01-01",
                "end": "2026-12-31",
                "fill_deadline": "2026-01-31",
            },
        )
    ]
    bounds = [("01-01", "03-31"), ("04-01", "06-30"), ("07-01", "09-30"), ("10-01", "12-31")]
    for number, (period_id, (start, end)) in enumerate(zip(QUARTERS, bounds, strict=True), 1):
        found.append(
            (
                period_id,
                {
                    "name": f"Triwulan {'I' * number if number < 4 else 'IV'} 2026",
                    "kind": "quarterly",
                    "year": 2026,
                    "start": f"2026-{start}",
                    "end": f"2026-{end}",
                },
            )
        )
    return found


def put_pulled(
    store: Store, collection: str, record_id: str, owner: str | None, data: dict[str, Any], seq: int
) -> None:
    """Store a record as a sync would have pulled it: server version 1, nothing pending."""
    record = {
        "collection": collection,
        "id": record_id,
        "rev": 1,
        "seq": seq,
        "deleted": False,
        "owner": owner,
        "updated_by": KEPALA_DINAS,
        "updated_at": "2026-01-02T08:00:00+09:00",
        "conflicts": [],
        "data": data,
        "base": {"rev": 1, "deleted": False, "data": data},
        "pending": None,
        "rejected": None,
        "local_conflict": None,
    }
    with store.transaction() as tx:
        tx.put("records", record_key(collection, record_id), record)


def seed_office(store: Store, employees: Iterable[dict[str, Any]] = EMPLOYEES) -> None:
    seq = 0
    for person in employees:
        seq += 1
        put_pulled(store, "employee", person["nip"], person["nip"], dict(person), seq)
    for period_id, data in periods():
        seq += 1
        put_pulled(store, "period", period_id, None, data, seq)


def profile(home: Path, me: str, lang: str = "id", seed: bool = True) -> Services:
    """A profile folder for ``me`` with the office in its store."""
    home.mkdir(parents=True, exist_ok=True)
    store = open_store(home)
    if seed:
        seed_office(store)
    return Services(store=store, me=me, home=home, lang=lang, clock=lambda: FIXED_NOW)


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


ANSI_THEME_NAME = ANSI


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Types ``text`` key by key, as a person would."""
    await pilot.press(*["space" if ch == " " else ch for ch in text])


def records(services: Services, collection: str, owner: str | None = None) -> list[dict[str, Any]]:
    return services.store.records.list(collection, owner=owner)


def screen_text(app: App[Any]) -> str:
    """Everything the current screen shows, as plain text (for assertions)."""
    from textual.widgets import Static

    parts: list[str] = []
    for widget in app.screen.query(Static):
        if widget.display:
            parts.append(str(widget.render()))
    return "\n".join(parts)


PLAN = "00000000-0000-4000-8000-0000000000a1"
ITEM_MAIN = "00000000-0000-4000-8000-0000000000b1"
ITEM_EXTRA = "00000000-0000-4000-8000-0000000000b2"


def seed_plan(services: Services, status: str, return_note: str | None = None) -> None:
    """The staff member's 2026 SKP with two RHK, as pulled from the server."""
    data: dict[str, Any] = {
        "period_id": ANNUAL,
        "ppk_nip": PPK,
        "approach": "quantitative",
        "status": status,
        "expectations": {"service": "Ramah dan cepat melayani pemohon izin"},
        "attachments": {
            "resources": ["Akses aplikasi perizinan"],
            "accountability": ["Laporan bulanan ke Kepala Bidang"],
            "consequences": [],
        },
    }
    if return_note:
        data["return_note"] = return_note
    put_pulled(services.store, "plan", PLAN, STAFF, data, 100)
    put_pulled(
        services.store,
        "plan_item",
        ITEM_MAIN,
        STAFF,
        {
            "plan_id": PLAN,
            "kind": "main",
            "text": "Permohonan izin diselesaikan tepat waktu",
            "indicators": [
                {
                    "aspect": "time",
                    "indicator": "Rata-rata waktu penyelesaian",
                    "target": 3,
                    "unit": "hari kerja",
                },
                {
                    "aspect": "quantity",
                    "indicator": "Berkas selesai",
                    "target": 120,
                    "unit": "berkas",
                },
            ],
        },
        101,
    )
    put_pulled(
        services.store,
        "plan_item",
        ITEM_EXTRA,
        STAFF,
        {
            "plan_id": PLAN,
            "kind": "additional",
            "text": "Sosialisasi layanan daring",
            "indicators": [
                {
                    "aspect": "quantity",
                    "indicator": "Kegiatan sosialisasi",
                    "target": 4,
                    "unit": "kali",
                }
            ],
        },
        102,
    )


def notices(app: App[Any]) -> str:
    """The notifications on show (toasts), as plain text."""
    return "\n".join(str(notice.message) for notice in app._notifications)
