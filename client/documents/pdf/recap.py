"""A unit's recapitulation of predikat drawn as PDF: the people, the counts, the curve."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from client.documents.dates import rentang
from client.documents.model import GOVERNMENT, RecapDocument, Signature
from client.documents.pdf.page import (
    BODY,
    HEAD,
    SECTION,
    SUBTITLE,
    TITLE,
    bold,
    grid,
    page_width,
    render,
    signatures,
    text,
)
from sync.commands.output import write_file

ROW_HEADINGS = (
    "NO",
    "NAMA / NIP",
    "JABATAN",
    "RATING HASIL KERJA",
    "RATING PERILAKU KERJA",
    "PREDIKAT KINERJA",
    "STATUS",
)


def _facts(doc: RecapDocument, width: float) -> Any:
    rows = [
        ["Unit Kerja", doc.unit],
        ["Instansi", doc.agency],
        ["Periode Penilaian", f"{doc.period_name} ({rentang(doc.period_start, doc.period_end)})"],
        ["Predikat Kinerja Organisasi", doc.organisation_rating],
        ["Pegawai dinilai", f"{doc.rated} dari {len(doc.rows)}"],
    ]
    return grid([[bold(k), text(v)] for k, v in rows], [50 * mm, width - 50 * mm], heading_rows=0)


def _people(doc: RecapDocument, width: float) -> Any:
    rows: list[list[Any]] = [[bold(h, HEAD) for h in ROW_HEADINGS]]
    for row in doc.rows:
        rows.append(
            [
                text(str(row.number)),
                [bold(row.name), text(f"NIP {row.nip}")],
                text(row.position),
                text(row.result_rating),
                text(row.behaviour_rating),
                bold(row.predikat),
                text(row.status),
            ]
        )
    if not doc.rows:
        rows.append([text("-")] + [""] * 6)
    widths = [7 * mm, 45 * mm, 38 * mm, 24 * mm, 24 * mm, 24 * mm, 0]
    widths[-1] = width - sum(widths)
    return grid(rows, widths)


def _counts(doc: RecapDocument, width: float) -> Any:
    rows: list[list[Any]] = [[bold(h, HEAD) for h in ("PREDIKAT", "JUMLAH", "PERSENTASE")]]
    rows += [[text(c.predikat), text(str(c.count)), text(c.percent)] for c in doc.counts]
    rows.append([bold("Jumlah dinilai"), bold(str(doc.rated)), text("")])
    rows.append([text("Belum dinilai"), text(str(doc.unrated)), text("")])
    return grid(rows, [60 * mm, 25 * mm, 30 * mm])


def _curve(doc: RecapDocument, width: float) -> list[Flowable]:
    story: list[Flowable] = [
        bold(f"KURVA DISTRIBUSI (PREDIKAT ORGANISASI: {doc.organisation_rating.upper()})", SECTION)
    ]
    if doc.rules:
        rows: list[list[Any]] = [[bold(h, HEAD) for h in ("ATURAN", "TERPENUHI", "KETERANGAN")]]
        rows += [
            [text(r.rule), bold("Ya" if r.met else "Tidak"), text(r.detail)] for r in doc.rules
        ]
        story.append(grid(rows, [70 * mm, 20 * mm, width - 90 * mm]))
    story.append(Spacer(1, 1.5 * mm))
    story.append(text(doc.curve_note, BODY))
    return story


def recap_pdf_bytes(doc: RecapDocument) -> bytes:
    """The recapitulation as PDF (portrait A4)."""
    width = page_width(wide=False)
    story: list[Flowable] = [
        text("REKAPITULASI PREDIKAT KINERJA PEGAWAI", TITLE),
        text(doc.unit.upper(), SUBTITLE),
        text(f"{GOVERNMENT}", SUBTITLE),
        Spacer(1, 3 * mm),
        _facts(doc, width),
        bold("PREDIKAT KINERJA PEGAWAI", SECTION),
        _people(doc, width),
        bold("JUMLAH PER PREDIKAT", SECTION),
        _counts(doc, width),
        *_curve(doc, width),
        Spacer(1, 6 * mm),
        signatures(
            None, Signature("Pimpinan Unit Kerja,", doc.head), doc.place, doc.signed_on, width
        ),
    ]
    return render(
        story,
        title=f"Rekapitulasi Predikat {doc.unit} {doc.period_name}",
        footer=f"Rekapitulasi Predikat · {doc.unit} · {doc.period_name}",
        draft=doc.draft,
    )


def write_recap_pdf(doc: RecapDocument, path: Path | str) -> Path:
    """Write the recapitulation to ``path`` (replacing a file there) and return the path."""
    return write_file(path, recap_pdf_bytes(doc), True)
