"""Dialog kinerja notes inside feedback text, and threads."""

from __future__ import annotations

from datetime import date

from client.feedback import dialog_text, entries, feedback_data, parse_dialog


def test_a_dialog_note_keeps_its_date_and_reads_back() -> None:
    text = dialog_text(date(2026, 3, 14), "  Bahas target berkas  ")
    assert text == "Dialog kinerja 2026-03-14: Bahas target berkas"
    assert parse_dialog(text) == (date(2026, 3, 14), "Bahas target berkas")
    assert parse_dialog("Target berkas sudah baik") is None
    assert parse_dialog("Dialog kinerja 2026-02-30: tanggal salah") is None


def test_feedback_data_leaves_out_what_is_not_given() -> None:
    assert feedback_data("ok", None, None) == {"text": "ok"}
    assert feedback_data("ok", "p1", "i1") == {
        "text": "ok",
        "period_id": "p1",
        "plan_item_id": "i1",
    }


def test_entries_group_a_period_thread_by_thread() -> None:
    def rec(i: str, item: str | None, at: str, period: str = "p1") -> dict[str, object]:
        data = feedback_data(f"text {i}", period, item)
        return {"id": i, "owner": "n", "updated_at": at, "updated_by": "ppk", "data": data}

    found = entries(
        [
            rec("a", "i2", "2026-01-03"),
            rec("b", None, "2026-01-02"),
            rec("c", "i2", "2026-01-01"),
            rec("d", None, "2026-01-01", period="p2"),
        ],
        "p1",
    )
    assert [e.id for e in found] == ["b", "c", "a"]
