"""The SKP drawn as the BKN 2022 form for administrators and functional staff."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table

from client.documents.dates import rentang
from client.documents.model import (
    GOVERNMENT,
    Person,
    Signature,
    SkpDocument,
)
from client.documents.pdf.page import (
    BODY,
    HEAD,
    SECTION,
    SUBTITLE,
    TITLE,
    bold,
    grid,
    page_width,
    people_table,
    render,
    signatures,
    text,
)
from client.documents.pdf.tables import behaviour_table, result_table
from sync.commands.output import write_file

PEGAWAI = "PEGAWAI YANG DINILAI"
PENILAI = "PEJABAT PENILAI KINERJA"


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
    return write_file(path, skp_pdf_bytes(doc), True)
