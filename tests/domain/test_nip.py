"""NIPs good and bad (domain.md, "NIP: 18 digits, YYYYMMDD YYYYMM G NNN")."""

from __future__ import annotations

from datetime import date

import pytest

from domain.nip import (
    MAX_APPOINTMENT_AGE,
    MIN_APPOINTMENT_AGE,
    format_nip,
    is_valid_nip,
    parse_nip,
)
from domain.validation import ValidationError

TODAY = date(2026, 11, 27)


def test_a_good_nip_is_read_field_by_field() -> None:
    nip = parse_nip("19860926 201505 1 001", today=TODAY)
    assert nip.digits == "198609262015051001"
    assert nip.birth_date == date(1986, 9, 26)
    assert (nip.tmt_year, nip.tmt_month) == (2015, 5)
    assert nip.gender == "male"
    assert nip.sequence == 1
    assert nip.grouped == "19860926 201505 1 001"


def test_female_and_later_sequence() -> None:
    nip = parse_nip("199001152019032017", today=TODAY)
    assert nip.gender == "female"
    assert nip.sequence == 17


@pytest.mark.parametrize(
    ("text", "code", "words_id", "words_en"),
    [
        ("198613262015051001", "nip_birth_month", "13 bukan bulan", "13 is not a month"),
        ("198609322015051001", "nip_birth_day", "tanggal 32", "day 32"),
        ("198602302015051001", "nip_birth_day", "tanggal 30 tidak ada pada bulan 02", "day 30"),
        ("198609262015053001", "nip_gender", "bukan 3", "not 3"),
        ("19860926201505100", "nip_length", "sekarang 17 angka", "it has 17"),
        ("1986092620150510011", "nip_length", "sekarang 19 angka", "it has 19"),
        ("1986O9262015051001", "nip_characters", '"O"', '"O"'),
        ("198609261985051001", "nip_tmt_before_birth", "1985-05", "1985-05"),
        ("198609262015131001", "nip_tmt_month", "13 bukan bulan", "13 is not a month"),
        ("198609262000051001", "nip_tmt_age", "umur 13 tahun", "age 13"),
        ("194001012015051001", "nip_tmt_age", "umur 75 tahun", "age 75"),
        ("202701012045051001", "nip_birth_future", "2027-01-01", "2027-01-01"),
        ("198609262015051000", "nip_sequence", "000", "000"),
    ],
)
def test_bad_nips_say_what_is_wrong(text: str, code: str, words_id: str, words_en: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_nip(text, today=TODAY)
    assert code in [issue.code for issue in caught.value.issues]
    assert caught.value.message("id").startswith("NIP")
    assert words_id in caught.value.message("id")
    assert words_en in caught.value.message("en")
    assert not is_valid_nip(text, today=TODAY)


def test_several_faults_are_all_reported() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_nip("198613262015153000", today=TODAY)
    codes = {issue.code for issue in caught.value.issues}
    assert codes == {"nip_birth_month", "nip_tmt_month", "nip_gender", "nip_sequence"}


def test_appointment_age_bounds_are_inclusive() -> None:
    # born 26 September 1986; TMT has no day, so the first of the month counts
    assert (MIN_APPOINTMENT_AGE, MAX_APPOINTMENT_AGE) == (18, 60)
    later = date(2100, 1, 1)
    assert not is_valid_nip("198609262004091001", today=later)  # 17 on 1 Sep 2004
    assert is_valid_nip("198609262004101001", today=later)  # 18
    assert is_valid_nip("198609262047091001", today=later)  # 60
    assert not is_valid_nip("198609262047101001", today=later)  # 61


def test_pppk_numbers_are_accepted_only_as_pppk() -> None:
    pppk = "199203152023211004"  # month 21 in the TMT place: not a PNS layout
    assert not is_valid_nip(pppk)
    nip = parse_nip(pppk, kind="PPPK")
    assert nip.kind == "PPPK"
    assert nip.birth_date is None and nip.gender is None
    assert nip.grouped == "19920315 202321 1 004"
    assert not is_valid_nip("19920315202321100", kind="PPPK")
    assert not is_valid_nip("19920315202321100x", kind="PPPK")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("198609262015051001", "19860926 201505 1 001"),
        (" 19860926 201505 1 001 ", "19860926 201505 1 001"),
        ("12345", "12345"),
        ("not a nip", "not a nip"),
    ],
)
def test_grouped_display(text: str, shown: str) -> None:
    assert format_nip(text) == shown
