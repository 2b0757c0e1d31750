"""From a log to proposed realisasi: the period's count, median and percentile in working days."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bench.servicelog_data import write_log
from client.servicelog.log import LogRead, LogSpec
from client.servicelog.realisasi import percentile, propose, realisasi_from_log, summarise
from domain.workdays import default_calendar


def at(day: date, hour: int = 9) -> int:
    return day.toordinal() * 86400 + hour * 3600


@pytest.mark.parametrize(
    ("values", "p", "expected"),
    [
        ([1, 2, 3, 4], 50, 2.5),
        ([1, 2, 3, 4], 90, 3.7),  # PERCENTILE.INC({1,2,3,4}, 0.9)
        ([3, 1, 2], 50, 2),
        ([5], 90, 5),
        ([0, 0, 1, 10], 100, 10),
        ([0, 0, 1, 10], 0, 0),
        ([], 50, None),
    ],
)
def test_percentiles_as_a_spreadsheet_computes_them(
    values: list[int], p: float, expected: float | None
) -> None:
    result = percentile(sorted(values), p)
    assert result == pytest.approx(expected) if expected is not None else result is None


def test_a_percentile_out_of_range_is_refused() -> None:
    with pytest.raises(ValueError):
        percentile([1], 120)


def _read() -> LogRead:
    read = LogRead()
    for received, completed in [
        (date(2026, 8, 14), date(2026, 8, 18)),  # 1: the 17th is a holiday
        (date(2026, 8, 3), date(2026, 8, 3)),  # 0
        (date(2026, 8, 3), date(2026, 8, 6)),  # 3
        (date(2026, 7, 31), date(2026, 8, 10)),  # 6
        (date(2026, 9, 28), date(2026, 10, 1)),  # completed after the period
        (date(2026, 6, 30), date(2026, 7, 1)),  # 1: received before, completed in the period
    ]:
        read.received.append(at(received))
        read.completed.append(at(completed, 15))
    read.open_requests = 2
    read.rows = 8
    return read


def test_a_periods_summary_counts_only_requests_completed_in_it() -> None:
    summary = summarise(_read(), date(2026, 7, 1), date(2026, 9, 30), percentile_wanted=90)
    assert summary.completed == 5
    assert summary.days == (0, 1, 1, 3, 6)
    assert summary.median == 1
    assert summary.percentile_days == pytest.approx(4.8)
    assert (summary.outside_period, summary.open_requests, summary.rows) == (1, 2, 8)
    assert summary.share_within(3) == 80
    assert summary.unconfirmed_years == ()


def test_proposed_values_follow_each_indicators_aspect() -> None:
    summary = summarise(_read(), date(2026, 7, 1), date(2026, 9, 30))
    indicators = [
        {"aspect": "quantity", "indicator": "Permohonan selesai", "target": 120, "unit": "berkas"},
        {"aspect": "time", "indicator": "Rata-rata waktu", "target": 3, "unit": "hari kerja"},
        {"aspect": "quantity", "indicator": "Selesai tepat waktu", "target": 95, "unit": "%"},
        {"aspect": "quality", "indicator": "Kepuasan", "target": 85, "unit": "poin"},
    ]
    proposal = propose(summary, indicators, lang="en")
    assert proposal.values == [5.0, 1.0, 80.0, None]
    assert proposal.reasons == [
        "5 requests completed from 2026-07-01 to 2026-09-30.",
        "The median of 5 completion times: 1 working days.",
        "80 % of 5 requests completed within 3 working days.",
        "Not computed from a service log.",
    ]
    slow = propose(summary, indicators[1:2], time_figure="percentile", lang="id")
    assert slow.values == [4.8]
    assert slow.reasons == ["Persentil ke-90 dari 5 waktu penyelesaian: 4,8 hari kerja."]


def test_an_empty_period_proposes_nothing_and_says_why() -> None:
    summary = summarise(_read(), date(2026, 1, 1), date(2026, 3, 31))
    proposal = propose(summary, [{"aspect": "quantity", "unit": "berkas"}], lang="en")
    assert proposal.values == [None]
    assert proposal.reasons == ["No request was completed in the period."]


def test_a_year_without_confirmed_days_off_is_flagged() -> None:
    read = LogRead(received=[at(date(2027, 3, 1))], completed=[at(date(2027, 3, 12))])
    summary = summarise(read, date(2027, 1, 1), date(2027, 3, 31), calendar=default_calendar())
    assert summary.unconfirmed_years == (2027,)


def test_the_whole_path_on_a_generated_log(tmp_path: Path) -> None:
    path = tmp_path / "layanan.csv"
    spoiled = write_log(path, 5000, malformed_every=101)
    proposal = realisasi_from_log(
        path,
        LogSpec(3, 4, "iso", "iso"),
        [{"aspect": "quantity", "unit": "berkas"}, {"aspect": "time", "target": 3}],
        date(2026, 7, 1),
        date(2026, 9, 30),
    )
    summary = proposal.summary
    assert len(summary.malformed) == len(spoiled)
    assert summary.completed + summary.outside_period + summary.open_requests + len(spoiled) == 5000
    assert proposal.values[0] == summary.completed > 1000
    assert proposal.values[1] == summary.median and 0 <= summary.median <= 8  # type: ignore[operator]
