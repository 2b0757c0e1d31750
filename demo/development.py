"""Where the demo's year leads: follow-ups (tindak lanjut) and training (pelatihan).

- a reward (penghargaan) for Hendra's Sangat Baik in the third quarter;
- a coaching path (pembinaan, PP 30/2019) for Irfan, Butuh Perbaikan since
  the first quarter: six months of coaching, then the competency test, and
  the next step (a fitting position) due in January;
- a development follow-up for Yusuf, short of his 20 JP;
- training records for the year: in the Perizinan team Siti (12 JP) and
  Yusuf (6 JP) are short of the 20 JP minimum, everyone else has it; the
  BKD records the newcomer's orientation, the others record their own.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from demo.ids import YEAR, Write, demo_id, evaluation_id
from demo.office import EMPLOYEE, HR_ADMIN, NEWCOMER, SECOND_SUPERIOR, STAFF, SUPERIOR

SITI, YUSUF, FITRIANI = STAFF[1], STAFF[2], STAFF[3]
HENDRA, WAHYUNI, IRFAN, DEWI = STAFF[4], STAFF[5], STAFF[6], STAFF[7]


def _follow_up(by: str, owner: str, key: str, **data: Any) -> Write:
    data.setdefault("steps", [])
    return Write(by, "follow_up", demo_id("follow_up", key), owner, data)


def follow_ups() -> list[Write]:
    return [
        _follow_up(
            SECOND_SUPERIOR.nip,
            HENDRA.nip,
            "hendra-reward",
            kind="reward",
            description="Piagam penghargaan pegawai berkinerja Sangat Baik Triwulan III dan "
            "prioritas mengikuti pelatihan fasilitator investasi tingkat nasional.",
            start=f"{YEAR}-10-12",
            status="done",
            evaluation_id=evaluation_id(HENDRA.nip, 3),
        ),
        _follow_up(
            SECOND_SUPERIOR.nip,
            IRFAN.nip,
            "irfan-coaching",
            kind="coaching",
            description="Pembinaan kinerja: target profil peluang investasi tidak tercapai sejak "
            "Triwulan I. Pendampingan mingguan oleh analis senior dan rencana pengembangan.",
            start=f"{YEAR}-04-13",
            due=f"{YEAR + 1}-01-29",
            status="open",
            evaluation_id=evaluation_id(IRFAN.nip, 1),
            steps=[
                {
                    "step": "coaching",
                    "date": f"{YEAR}-04-13",
                    "note": "Enam bulan pembinaan, pendamping: Hendra Latuconsina.",
                },
                {
                    "step": "competency_test",
                    "date": f"{YEAR}-10-26",
                    "note": "Uji kompetensi oleh BKD: disarankan penempatan pada jabatan yang "
                    "sesuai kompetensinya.",
                },
            ],
        ),
        _follow_up(
            SUPERIOR.nip,
            YUSUF.nip,
            "yusuf-development",
            kind="development",
            description="Mengikuti Pelatihan Pelayanan Prima (klasikal) untuk memenuhi 20 JP "
            "tahun ini.",
            start=f"{YEAR}-11-02",
            due=f"{YEAR}-12-18",
            status="open",
        ),
    ]


class Course(NamedTuple):
    owner: str
    title: str
    path: str
    jp: int
    start: str  # MM-DD of the year
    end: str
    organiser: str
    by: str | None = None  # the admin, when the BKD records it; else the owner


BPSDM = "BPSDM Provinsi Maluku Utara"
COURSES: tuple[Course, ...] = (
    Course(EMPLOYEE.nip, "Analisis Perizinan Berbasis Risiko", "classical", 16, "03-09", "03-11", BPSDM),
    Course(EMPLOYEE.nip, "Webinar OSS RBA untuk Analis", "non_classical", 8, "08-19", "08-19", "Kementerian Investasi/BKPM"),
    Course(SITI.nip, "E-learning Kearsipan Digital", "non_classical", 12, "05-04", "05-15", "ANRI"),
    Course(YUSUF.nip, "Webinar Pelayanan Publik Inklusif", "non_classical", 6, "06-10", "06-10", "KemenPANRB"),
    Course(FITRIANI.nip, "Pelayanan Publik bagi PPPK", "classical", 20, "02-16", "02-18", BPSDM),
    Course(NEWCOMER.nip, "Orientasi Pegawai Baru Pemerintah Provinsi", "classical", 32, "01-12", "01-16", BPSDM, by=HR_ADMIN.nip),
    Course(SUPERIOR.nip, "Manajemen Kinerja ASN bagi Pejabat Administrator", "classical", 24, "04-21", "04-23", BPSDM),
    Course(HENDRA.nip, "Fasilitator Investasi Daerah", "classical", 30, "07-13", "07-16", "Kementerian Investasi/BKPM"),
    Course(WAHYUNI.nip, "Verifikasi LKPM Daring", "non_classical", 21, "03-02", "03-06", "Kementerian Investasi/BKPM"),
    Course(IRFAN.nip, "Penyusunan Profil Peluang Investasi", "classical", 20, "05-18", "05-20", BPSDM),
    Course(DEWI.nip, "Analisis Kebijakan Publik", "classical", 24, "09-07", "09-09", "LAN RI"),
)  # fmt: skip


def trainings(*, by_admin: bool) -> list[Write]:
    """The courses the BKD records (``by_admin``), or those people record themselves."""
    writes = []
    for number, course in enumerate(COURSES):
        if (course.by is not None) != by_admin:
            continue
        data = {
            "title": course.title,
            "path": course.path,
            "jp": course.jp,
            "start": f"{YEAR}-{course.start}",
            "end": f"{YEAR}-{course.end}",
            "organiser": course.organiser,
            "certificate": f"{number + 1:03d}/SERT/{YEAR}",
        }
        tid = demo_id("training", course.owner, course.title)
        writes.append(Write(course.by or course.owner, "training", tid, course.owner, data))
    return writes
