"""The SKP drawn as the BKN 2022 form for administrators and functional staff."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table

from client.documents.dates import rentang
from client.documents.model import (
    GOVERNMENT,
    BehaviourRow,
    Person,
    ResultRow,
    Signature,
    SkpDocument,
)
from client.documents.output import write_file
from client.documents.pdf.page import (
    BODY,
    HEAD,
    SECTION,
    SUBTITLE,
    TITLE,
    bold,
    grid,
    lines,
    page_width,
    people_table,
    render,
    section_row,
    signatures,
    text,
)

PEGAWAI = "PEGAWAI YANG DINILAI"
PENILAI = "PEJABAT PENILAI KINERJA"
RESULT_HEADINGS = (
    "NO",
    "RENCANA HASIL KERJA ATASAN YANG DIINTERVENSI",
    "RENCANA HASIL KERJA",
    "ASPEK",
    "INDIKATOR KINERJA INDIVIDU",
    "TARGET",
)

# One RHK's cells after its indicator cells: nothing on the SKP; the evaluation adds two.
RowTail = Callable[[ResultRow], list[Any]]


def title_block(
    title: str, approach: str, agency: str, period: str, width: float
) -> list[Flowable]:
    """The form's title, the approach, the government and instansi, the period."""
    place = Table(
        [
            [
                text(f"{GOVERNMENT}\n{agency}".strip(), BODY),
                text(f"PERIODE PENILAIAN:\n{period}", BODY),
            ]
        ],
        colWidths=[width * 0.6, width * 0.4],
    )
    place.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    return [
        text(title, TITLE),
        text(f"PENDEKATAN HASIL KERJA {approach.upper()}", SUBTITLE),
        text("BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL", SUBTITLE),
        Spacer(1, 3 * mm),
        place,
        Spacer(1, 2 * mm),
    ]


def result_table(
    main: Sequence[ResultRow],
    additional: Sequence[ResultRow],
    widths: Sequence[float],
    headings: Sequence[str] = RESULT_HEADINGS,
    indicator_tail: Callable[[int, ResultRow], list[Any]] | None = None,
    tail: RowTail | None = None,
    tail_columns: int = 0,
) -> Table:
    """Hasil Kerja: A. Utama and B. Tambahan; an RHK spans the rows of its indicators.

    ``indicator_tail(i, row)`` adds cells after an indicator's (the evaluation's
    realisasi); ``tail(row)`` adds ``tail_columns`` cells spanning the RHK (its
    umpan balik).
    """
    columns = len(headings)
    rows: list[list[Any]] = [[bold(h, HEAD) for h in headings]]
    style: list[tuple[Any, ...]] = []
    spanned = 3  # NO, the atasan's RHK, the RHK
    for label, entries in (("A. UTAMA", main), ("B. TAMBAHAN", additional)):
        cells, extra = section_row(label, columns, len(rows))
        rows.append(cells)
        style += extra
        if not entries:
            rows.append([text("-")] + [""] * (columns - 1))
            style.append(("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)))
        for entry in entries:
            first = len(rows)
            indicators = entry.indicators or ()
            for i in range(max(len(indicators), 1)):
                lead = (
                    [text(str(entry.number)), text(entry.atasan_rhk), text(entry.rhk)]
                    if i == 0
                    else ["", "", ""]
                )
                if indicators:
                    ind = indicators[i]
                    middle: list[Any] = [text(ind.aspect), text(ind.indicator), text(ind.target)]
                else:
                    middle = [text("-"), text("-"), text("-")]
                more = indicator_tail(i, entry) if indicator_tail else []
                end = (tail(entry) if i == 0 else [""] * tail_columns) if tail else []
                rows.append(lead + middle + more + end)
            last = len(rows) - 1
            if last > first:
                style += [("SPAN", (c, first), (c, last)) for c in range(spanned)]
                style += [
                    ("SPAN", (c, first), (c, last)) for c in range(columns - tail_columns, columns)
                ]
    return grid(rows, widths, extra=style)


def behaviour_table(
    behaviours: Sequence[BehaviourRow], widths: Sequence[float], feedback: bool = False
) -> Table:
    """Perilaku Kerja: the seven BerAKHLAK values with their guides and expectations."""
    headings = ["NO", "PERILAKU KERJA", "EKSPEKTASI KHUSUS PIMPINAN"]
    if feedback:
        headings.append("UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG")
    rows: list[list[Any]] = [[bold(h, HEAD) for h in headings]]
    for row in behaviours:
        cells: list[Any] = [
            text(str(row.number)),
            [bold(row.value), lines(row.guides)],
            text(row.expectation),
        ]
        if feedback:
            cells.append(text(row.feedback or "-"))
        rows.append(cells)
    return grid(rows, widths)


def attachment_part(doc: SkpDocument, width: float) -> list[Flowable]:
    """Lampiran SKP: Dukungan Sumber Daya, Skema Pertanggungjawaban, Konsekuensi."""
    story: list[Flowable] = [
        text("LAMPIRAN SASARAN KINERJA PEGAWAI", TITLE),
        text(f"PERIODE PENILAIAN: {rentang(doc.period_start, doc.period_end)}", SUBTITLE),
        text(f"{doc.pegawai.name} (NIP {doc.pegawai.nip})", SUBTITLE),
        Spacer(1, 3 * mm),
    ]
    for title, entries in doc.attachments:
        story.append(bold(title.upper(), SECTION))
        rows: list[list[Any]] = [[bold("NO", HEAD), bold(title.upper(), HEAD)]]
        rows += [[text(str(n)), text(entry)] for n, entry in enumerate(entries, start=1)]
        if not entries:
            rows.append([text("-"), text("-")])
        story.append(grid(rows, [10 * mm, width - 10 * mm]))
    return story


def sign_off(doc: Any, width: float) -> list[Flowable]:
    """The pegawai signs on the left, the pejabat penilai on the right under the place and date."""
    left = Signature("Pegawai yang Dinilai,", doc.pegawai)
    right = Signature("Pejabat Penilai Kinerja,", doc.penilai)
    return [Spacer(1, 6 * mm), signatures(left, right, doc.place, doc.signed_on, width)]


def footer(kind: str, who: Person, period: str) -> str:
    return f"{kind} · {who.name} · NIP {who.nip} · {period}"


def skp_pdf_bytes(doc: SkpDocument) -> bytes:
    """The SKP as PDF (portrait A4)."""
    width = page_width(wide=False)
    period = rentang(doc.period_start, doc.period_end)
    story: list[Flowable] = title_block(
        "SASARAN KINERJA PEGAWAI", doc.approach, doc.agency, period, width
    )
    story.append(people_table([(PEGAWAI, doc.pegawai), (PENILAI, doc.penilai)], width))
    if doc.draft:
        story.append(Paragraph(f"<b>Status SKP:</b> {doc.status}", SECTION))
    story.append(bold("HASIL KERJA", SECTION))
    widths = [7 * mm, 36 * mm, 36 * mm, 16 * mm, 55 * mm, 0]
    widths[-1] = width - sum(widths)
    story.append(result_table(doc.main, doc.additional, widths))
    story.append(bold("PERILAKU KERJA", SECTION))
    story.append(behaviour_table(doc.behaviours, [7 * mm, 103 * mm, width - 110 * mm]))
    story += sign_off(doc, width)
    story.append(PageBreak())
    story += attachment_part(doc, width)
    story += sign_off(doc, width)
    return render(
        story,
        title=f"SKP {doc.pegawai.name} {period}",
        footer=footer("SKP", doc.pegawai, period),
        draft=doc.draft,
    )


def write_skp_pdf(doc: SkpDocument, path: Path | str) -> Path:
    """Write the SKP to ``path`` (replacing a file there) and return the path."""
    return write_file(path, skp_pdf_bytes(doc))
