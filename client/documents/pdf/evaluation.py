"""The evaluation drawn as the BKN 2022 form: the SKP's rows with realisasi and
umpan balik, the two ratings and the predikat (landscape A4)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from client.documents.dates import rentang
from client.documents.model import EvaluationDocument
from client.documents.pdf.page import (
    BOLD,
    CELL,
    SECTION,
    bold,
    grid,
    page_width,
    people_table,
    render,
)
from client.documents.pdf.skp import PEGAWAI, PENILAI, footer, sign_off, title_block
from client.documents.pdf.tables import behaviour_table, result_table
from sync.commands.output import write_file


def _rating(label: str, value: str, width: float) -> Any:
    table = grid(
        [[bold(label), Paragraph(f"<b>{value}</b>", CELL)]],
        [width * 0.35, width * 0.65],
        heading_rows=0,
    )
    table.setStyle([("FONTNAME", (0, 0), (-1, -1), BOLD)])
    return table


def evaluation_pdf_bytes(doc: EvaluationDocument) -> bytes:
    """The evaluation as PDF (landscape A4)."""
    width = page_width(wide=True)
    period = f"{doc.period_name}\n{rentang(doc.period_start, doc.period_end)}"
    story: list[Flowable] = title_block(
        "EVALUASI KINERJA PEGAWAI", doc.approach, doc.agency, period, width
    )
    people = [(PEGAWAI, doc.pegawai), (PENILAI, doc.penilai)]
    people.append(("ATASAN PEJABAT PENILAI KINERJA", doc.atasan_penilai))
    story.append(people_table(people, width))
    story.append(Spacer(1, 2 * mm))
    story.append(_rating("CAPAIAN KINERJA ORGANISASI", doc.organisation_rating, width))
    if doc.draft:
        story.append(Paragraph(f"<b>Status evaluasi:</b> {doc.status}", SECTION))
    story.append(bold("HASIL KERJA", SECTION))
    widths = [7 * mm, 36 * mm, 38 * mm, 15 * mm, 44 * mm, 22 * mm, 52 * mm, 0]
    widths[-1] = width - sum(widths)
    story.append(result_table(doc.main, doc.additional, widths, evaluation=True))
    story.append(_rating("RATING HASIL KERJA", doc.result_rating, width))
    story.append(bold("PERILAKU KERJA", SECTION))
    widths = [7 * mm, 110 * mm, 60 * mm, 0]
    widths[-1] = width - sum(widths)
    story.append(behaviour_table(doc.behaviours, widths, feedback=True))
    story.append(_rating("RATING PERILAKU KERJA", doc.behaviour_rating, width))
    story.append(Spacer(1, 2 * mm))
    story.append(_rating("PREDIKAT KINERJA PEGAWAI", doc.predikat, width))
    story += sign_off(doc, width)
    return render(
        story,
        title=f"Evaluasi Kinerja {doc.pegawai.name} {doc.period_name}",
        footer=footer("Evaluasi Kinerja", doc.pegawai, doc.period_name),
        draft=doc.draft,
        wide=True,
    )


def write_evaluation_pdf(doc: EvaluationDocument, path: Path | str) -> Path:
    """Write the evaluation to ``path`` (replacing a file there) and return the path."""
    return write_file(path, evaluation_pdf_bytes(doc), True)
