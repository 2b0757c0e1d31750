"""The demo's office: DPMPTSP Provinsi Maluku Utara, and one HR admin of the BKD.

Everyone here is fictional; the NIPs are valid in form (a real birth date,
an appointment month at a plausible age, a gender digit) but belong to no
one. The rows are those of ``kinerja-server import-employees``' CSV.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

OFFICE = "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Provinsi Maluku Utara"
LICENSING = "Bidang Pelayanan Perizinan"
INVESTMENT = "Bidang Promosi dan Pengembangan Penanaman Modal"
BKD = "Badan Kepegawaian Daerah Provinsi Maluku Utara"

CSV_HEADER = ("nip", "name", "kind", "rank", "position", "unit", "atasan_nip", "roles")


@dataclass(frozen=True)
class Person:
    nip: str
    name: str
    kind: str
    rank: str
    position: str
    unit: str
    atasan_nip: str | None = None
    roles: tuple[str, ...] = ()


HEAD = Person(
    "197003121996031002",
    "Drs. Rahmat Hasan, M.Si.",
    "PNS",
    "Pembina Utama Muda (IV/c)",
    "Kepala Dinas",
    OFFICE,
)
SUPERIOR = Person(  # the demo signs in as her
    "197805212003122004",
    "Nurhayati Sangadji, S.H.",
    "PNS",
    "Pembina (IV/a)",
    "Kepala Bidang Pelayanan Perizinan",
    LICENSING,
    HEAD.nip,
)
SECOND_SUPERIOR = Person(
    "197508082001121003",
    "Ir. Fadli Umasugi",
    "PNS",
    "Pembina (IV/a)",
    "Kepala Bidang Promosi dan Pengembangan Penanaman Modal",
    INVESTMENT,
    HEAD.nip,
)
STAFF = (
    Person(
        "198901142015031001",
        "Rizal Syamsuddin, S.Kom.",
        "PNS",
        "Penata Muda Tk. I (III/b)",
        "Analis Perizinan",
        LICENSING,
        SUPERIOR.nip,
    ),
    Person(
        "199206302019022003",
        "Siti Marasabessy, S.E.",
        "PNS",
        "Penata Muda (III/a)",
        "Verifikator Berkas Perizinan",
        LICENSING,
        SUPERIOR.nip,
    ),
    Person(
        "198704112011011002",
        "Yusuf Abdullah",
        "PNS",
        "Pengatur Tk. I (II/d)",
        "Pengadministrasi Layanan",
        LICENSING,
        SUPERIOR.nip,
    ),
    Person(
        "199502172023212001",
        "Fitriani Hamid, A.Md.",
        "PPPK",
        "Golongan VII",
        "Petugas Layanan Informasi",
        LICENSING,
        SUPERIOR.nip,
    ),
    Person(
        "198610252010011004",
        "Hendra Latuconsina, S.T.",
        "PNS",
        "Penata (III/c)",
        "Analis Penanaman Modal",
        INVESTMENT,
        SECOND_SUPERIOR.nip,
    ),
    Person(
        "199103092017022002",
        "Wahyuni Bachmid, S.E.",
        "PNS",
        "Penata Muda Tk. I (III/b)",
        "Pengelola Data Investasi",
        INVESTMENT,
        SECOND_SUPERIOR.nip,
    ),
    Person(
        "198812192014031003",
        "Irfan Mahmud, S.Sos.",
        "PNS",
        "Penata Muda Tk. I (III/b)",
        "Analis Promosi Investasi",
        INVESTMENT,
        SECOND_SUPERIOR.nip,
    ),
    Person(
        "199404042020122001",
        "Dewi Kaplale, S.H.",
        "PNS",
        "Penata Muda (III/a)",
        "Analis Kebijakan Penanaman Modal",
        INVESTMENT,
        SECOND_SUPERIOR.nip,
    ),
    Person(  # appointed in 2025, joined the bidang this year: no SKP yet
        "199811032025031002",
        "Muhammad Arif Tuanany, S.AP.",
        "PNS",
        "Penata Muda (III/a)",
        "Pengelola Layanan Perizinan",
        LICENSING,
        SUPERIOR.nip,
    ),
)
EMPLOYEE = STAFF[0]  # the staff member with an approved SKP
NEWCOMER = STAFF[8]  # the one with no SKP yet
HR_ADMIN = Person(
    "198303152006042005",
    "Sarifah Alkatiri, S.Psi.",
    "PNS",
    "Penata Tk. I (III/d)",
    "Analis SDM Aparatur",
    BKD,
    roles=("admin",),
)
PEOPLE = (HEAD, SUPERIOR, SECOND_SUPERIOR, *STAFF, HR_ADMIN)
PASSWORD = "kinerja-demo"  # the one password of every sample account


def employees_csv() -> str:
    """The office as the CSV that ``kinerja-server import-employees`` reads."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for person in PEOPLE:
        writer.writerow(
            [
                person.nip,
                person.name,
                person.kind,
                person.rank,
                person.position,
                person.unit,
                person.atasan_nip or "",
                ";".join(person.roles),
            ]
        )
    return out.getvalue()
