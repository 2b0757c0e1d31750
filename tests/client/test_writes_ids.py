"""The client's one write path refuses a record id that is not a UUID, before storing anything.

The server refuses such an id too, but only at the push, when the person has
long left the form; here they learn it at the save, in their language.
"""

from __future__ import annotations

from pathlib import Path

from client.services import Services
from client.writes import Issues, Saved, Write, save, save_all
from tests.tui.test_year_world import OWNER_PLAN_DATA, STAFF, profile

NOT_A_UUID = "skp-2026"


DRAFT_DATA = {**OWNER_PLAN_DATA, "status": "draft"}


def _draft(record_id: str) -> Write:
    return Write("plan", record_id, STAFF, DRAFT_DATA)


def _nothing_stored(services: Services) -> bool:
    return services.store.records.get("plan", NOT_A_UUID) is None and (
        services.store.records.outbox() == []
    )


def test_a_record_id_that_is_not_a_uuid_is_refused_with_nothing_stored(tmp_path: Path) -> None:
    staff = profile(tmp_path, STAFF)
    result = save(staff, _draft(NOT_A_UUID))
    assert isinstance(result, Issues)
    assert result.fields == {
        "id": "ID harus berupa UUID, misalnya 0b8f6c1e-4f1a-4c7e-9a57-2d5d3c1f9e10; "
        "biarkan aplikasi yang membuatnya."
    }
    assert _nothing_stored(staff)


def test_the_refusal_speaks_english_to_an_english_reader(tmp_path: Path) -> None:
    staff = profile(tmp_path, STAFF)
    staff.lang = "en"
    result = save(staff, _draft(NOT_A_UUID))
    assert isinstance(result, Issues)
    assert result.fields["id"].startswith("ID must be a UUID")
    assert _nothing_stored(staff)


def test_a_batch_with_one_wrong_id_stores_none_of_it(tmp_path: Path) -> None:
    staff = profile(tmp_path, STAFF)
    good = _draft("00000000-0000-4000-8000-0000000b0097")
    result = save_all(staff, [good, _draft(NOT_A_UUID)])
    assert isinstance(result, Issues) and "id" in result.fields
    assert staff.store.records.get("plan", good.record_id) is None
    assert _nothing_stored(staff)


def test_a_record_stored_with_a_wrong_id_can_still_be_deleted(tmp_path: Path) -> None:
    staff = profile(tmp_path, STAFF)
    # as a Kinerja from before this check could store it: never sent, so simply dropped
    staff.store.records.edit("plan", NOT_A_UUID, dict(DRAFT_DATA), owner=STAFF, by=STAFF)
    result = save(staff, Write("plan", NOT_A_UUID, STAFF, None))
    assert isinstance(result, Saved)
    assert _nothing_stored(staff)
