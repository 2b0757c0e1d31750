"""client.writes.save_all: many writes judged in order, stored all or none."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest

from client import admin
from client.writes import Failed, Issues, Saved, save_all
from demo.office import HEAD, HR_ADMIN, SECOND_SUPERIOR, SUPERIOR
from store.errors import StoreWriteFailed
from store.keys import record_key
from tests.tui.shell_world import signed_in


def test_a_refused_write_stores_none_of_the_batch(tmp_path: Path) -> None:
    services = signed_in(tmp_path, HR_ADMIN.nip)
    view = admin.read(services)
    moved = admin.employee_write(view, SUPERIOR.nip, {"atasan_nip": SECOND_SUPERIOR.nip})
    # the Kepala Dinas under the Kepala Bidang he is atasan of: a loop, refused
    loop = admin.employee_write(view, HEAD.nip, {"atasan_nip": SUPERIOR.nip})
    result = save_all(services, [moved, loop])
    assert isinstance(result, Issues)
    assert "atasan" in " ".join(result.messages).lower()
    assert services.store.records.outbox() == []
    # the organisation the store's snapshots share was not touched by the batch's checks
    assert admin.read(services).org.atasan_of(SUPERIOR.nip) == HEAD.nip


def test_a_later_write_is_judged_with_the_earlier_ones(tmp_path: Path) -> None:
    services = signed_in(tmp_path, HR_ADMIN.nip)
    view = admin.read(services)
    unit = admin.unit_write(view, None, {"name": "Bidang Baru"})
    newcomer = admin.employee_write(
        view,
        "199001152019032009",
        {
            "name": "Rizal Tomagola",
            "kind": "PNS",
            "rank": "Penata (III/c)",
            "position": "Analis",
            "unit_id": unit.record_id,
            "atasan_nip": SUPERIOR.nip,
        },
    )
    # the newcomer's staff, named before the newcomer is stored
    staff = admin.employee_write(
        view,
        "199105202019031009",
        {
            "name": "Yusuf Djafar",
            "kind": "PNS",
            "rank": "Penata Muda (III/a)",
            "position": "Pengelola",
            "unit_id": unit.record_id,
            "atasan_nip": "199001152019032009",
        },
    )
    assert isinstance(save_all(services, [unit, newcomer, staff]), Saved)
    assert len(services.store.records.outbox()) == 3


def test_a_failure_midway_stores_none_of_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fails on the second write of three: the first is not left stored alone."""
    services = signed_in(tmp_path, HR_ADMIN.nip)
    view = admin.read(services)
    writes = [
        admin.unit_write(view, None, {"name": f"Bidang {n}"}) for n in ("Satu", "Dua", "Tiga")
    ]
    records = services.store.records
    real_edit = records.edit
    calls: list[str] = []

    def edit(collection: str, record_id: str, *args: Any, **kwargs: Any) -> Any:
        calls.append(record_id)
        if len(calls) == 2:
            raise StoreWriteFailed(tmp_path, OSError(errno.ENOSPC, "No space left on device"))
        return real_edit(collection, record_id, *args, **kwargs)

    monkeypatch.setattr(records, "edit", edit)
    result = save_all(services, writes)
    assert isinstance(result, Failed) and "No space left" in result.message
    assert records.outbox() == []
    assert all(
        services.store.get("records", record_key("unit", w.record_id)) is None for w in writes
    )
