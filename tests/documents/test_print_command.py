"""``kinerja print``: the command module run as the dispatcher runs it, on a real local store."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pytest

from client.documents import print_command
from tests.documents import world as w
from tests.documents.pdftext import text
from tests.documents.profile import seeded_profile


def run(
    home: Path, *argv: str, capsys: pytest.CaptureFixture[str], lang: str = "en"
) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="kinerja print")
    print_command.add_arguments(parser)
    os.environ["KINERJA_HOME"] = str(home)
    os.environ["KINERJA_LANG"] = lang
    code = print_command.run(parser.parse_args(list(argv)))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_HOME", "unset")
    monkeypatch.setenv("KINERJA_LANG", "en")


def test_prints_ones_own_skp_of_the_current_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = seeded_profile(tmp_path / "rizal", w.RIZAL)
    target = tmp_path / "skp.pdf"
    code, out, err = run(home, "skp", "--period", "tahun 2026", "-o", str(target), capsys=capsys)
    assert (code, err) == (0, "")
    assert out == f"Wrote {target}.\n"
    found = text(target.read_bytes())
    assert "Rizal Syamsuddin, S.Kom." in found and "Nurhayati Sangadji, S.H." in found


def test_without_o_the_name_comes_from_the_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    home = seeded_profile(tmp_path / "rizal", w.RIZAL, w.world(status="draft"))
    monkeypatch.chdir(tmp_path)
    code, out, _err = run(home, "skp", capsys=capsys)
    assert code == 0
    name = f"skp-{w.RIZAL}-tahun-2026.pdf"
    assert out.splitlines() == [
        f"Wrote {name}.",
        "It is not final yet, so every page is marked DRAF.",
    ]
    assert "DRAF" in text((tmp_path / name).read_bytes())


def test_an_existing_file_only_with_force_and_never_a_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = seeded_profile(tmp_path / "rizal", w.RIZAL)
    target = tmp_path / "skp.pdf"
    target.write_bytes(b"keep me")
    code, out, err = run(home, "skp", "-o", str(target), capsys=capsys)
    assert (code, out) == (2, "")
    assert err == f"kinerja: error: {target} already exists; add --force to replace it.\n"
    assert target.read_bytes() == b"keep me"
    code, _out, _err = run(home, "skp", "-o", str(target), "--force", capsys=capsys)
    assert code == 0 and target.read_bytes().startswith(b"%PDF")
    link = tmp_path / "link.pdf"
    link.symlink_to(target)
    code, _out, err = run(home, "skp", "-o", str(link), "--force", capsys=capsys)
    assert code == 2 and "is a symbolic link" in err


def test_the_ppk_prints_a_subordinates_evaluation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = seeded_profile(tmp_path / "kabid", w.KABID)
    target = tmp_path / "evaluasi.pdf"
    code, _out, err = run(
        home,
        "evaluasi",
        "--nip",
        "19890114 201503 1 001",
        "--period",
        "Triwulan III 2026",
        "-o",
        str(target),
        capsys=capsys,
    )
    assert (code, err) == (0, "")
    assert "PREDIKAT KINERJA PEGAWAI Baik" in text(target.read_bytes())


def test_others_only_as_far_as_one_may_read_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = seeded_profile(tmp_path / "siti", w.SITI)
    target = tmp_path / "evaluasi.pdf"
    code, out, err = run(home, "evaluasi", "--nip", w.RIZAL, "-o", str(target), capsys=capsys)
    assert (code, out) == (2, "")
    assert err.startswith(f"kinerja: error: You may not read the records of {w.RIZAL}")
    assert err.count("\n") == 1
    assert not target.exists()


def test_a_unit_recap_needs_every_members_evaluation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    head = seeded_profile(tmp_path / "kabid", w.KABID)
    target = tmp_path / "rekap.pdf"
    code, _out, err = run(
        head, "rekap", "--period", "Triwulan III 2026", "-o", str(target), capsys=capsys
    )
    assert (code, err) == (0, "")
    assert "REKAPITULASI PREDIKAT KINERJA PEGAWAI" in text(target.read_bytes())
    staff = seeded_profile(tmp_path / "rizal", w.RIZAL)
    code, _out, err = run(
        staff, "rekap", "--unit", w.LICENSING, "-o", str(tmp_path / "r2.pdf"), capsys=capsys
    )
    assert code == 2
    assert "You may read the evaluations of 1 of the 6 people of this unit" in err


def test_an_unknown_period_lists_those_there_are_in_indonesian_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = seeded_profile(tmp_path / "rizal", w.RIZAL)
    code, _out, err = run(home, "skp", "--period", "Tahun 2030", capsys=capsys, lang="id")
    assert code == 2
    assert err == (
        "kinerja: galat: Tidak ada periode bernama Tahun 2030; yang ada di penyimpanan lokal: "
        "Tahun 2026, Triwulan III 2026.\n"
    )


def test_a_profile_without_a_user_is_told_to_log_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = seeded_profile(tmp_path / "nobody", None)
    code, _out, err = run(home, "skp", capsys=capsys)
    assert code == 2 and "kinerja login URL --nip NIP" in err


def test_help_speaks_indonesian_and_english(monkeypatch: pytest.MonkeyPatch) -> None:
    for lang, words in (("id", "dokumen milik siapa"), ("en", "whose document")):
        monkeypatch.setenv("KINERJA_LANG", lang)
        parser = argparse.ArgumentParser(prog="kinerja print")
        print_command.add_arguments(parser)
        assert words in parser.format_help()
