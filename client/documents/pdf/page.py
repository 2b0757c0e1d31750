"""What every document's pages share: A4, fonts, styles, tables, footer, watermark.

Fonts are the DejaVu Sans Condensed files shipped beside this module (cut to
Latin by scripts/subset_fonts.py), so a document looks the same on every
computer and any Latin name prints. Tables repeat their heading rows on each
page and may split a tall row; the footer says "Halaman N dari M"; a draft
carries "DRAF" across every page, under the text.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from client.documents.dates import tanggal
from client.documents.model import Person, Signature

FONTS = Path(__file__).with_name("fonts")
REGULAR, BOLD, ITALIC = "Kinerja", "Kinerja-Bold", "Kinerja-Italic"
WATERMARK = "DRAF"
MARGIN = 15 * mm
HEADING_FILL = colors.HexColor("#e6e6e6")
SECTION_FILL = colors.HexColor("#f3f3f3")


@cache
def register_fonts() -> None:
    for name, face in (
        (REGULAR, "DejaVuSansCondensed"),
        (BOLD, "DejaVuSansCondensed-Bold"),
        (ITALIC, "DejaVuSansCondensed-Oblique"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(FONTS / f"{face}.ttf")))
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD
    )


register_fonts()  # before any style or paragraph names them


def _style(name: str, size: float = 8, **extra: Any) -> ParagraphStyle:
    settings: dict[str, Any] = {"fontName": REGULAR, "fontSize": size, "leading": size * 1.25}
    return ParagraphStyle(name, **{**settings, **extra})


BODY = _style("body")
CELL = _style("cell", 7.5)
HEAD = _style("head", 7.5, fontName=BOLD, alignment=TA_CENTER)
TITLE = _style("title", 11, fontName=BOLD, alignment=TA_CENTER, spaceAfter=1 * mm)
SUBTITLE = _style("subtitle", 8.5, fontName=BOLD, alignment=TA_CENTER)
SECTION = _style("section", 8.5, fontName=BOLD, spaceBefore=3 * mm, spaceAfter=1.5 * mm)
NOTE = _style("note", 7.5, fontName=ITALIC)
CENTRED = _style("centred", 8, alignment=TA_CENTER)


def text(value: str, style: ParagraphStyle = CELL) -> Paragraph:
    """A paragraph of plain text: markup characters escaped, line breaks kept."""
    return Paragraph(escape(value).replace("\n", "<br/>"), style)


def bold(value: str, style: ParagraphStyle = CELL) -> Paragraph:
    return Paragraph(f"<b>{escape(value)}</b>", style)


def lines(values: Sequence[str], style: ParagraphStyle = CELL, bullet: str = "- ") -> Paragraph:
    """Several entries in one cell, one a line."""
    return Paragraph("<br/>".join(escape(bullet + v) for v in values), style)


def grid(
    rows: list[list[Any]],
    widths: Sequence[float],
    *,
    heading_rows: int = 1,
    extra: Sequence[tuple[Any, ...]] = (),
    merged: Sequence[Merge] = (),
) -> Table:
    """A ruled table whose first ``heading_rows`` rows repeat on every page it spans.

    A ``Merge`` joins cells down some columns by leaving out the rules between
    them, rather than spanning them: ReportLab cannot split a spanned block
    over a page break, and an RHK with twenty long indicators is taller than
    a page (tables.py cuts long texts so that no single row is).
    """
    table = Table(
        rows, colWidths=list(widths), repeatRows=heading_rows, hAlign="LEFT", splitInRow=0
    )
    commands: list[tuple[Any, ...]] = _rules(len(rows), len(widths), merged)
    commands += [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if heading_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, heading_rows - 1), HEADING_FILL),
            ("VALIGN", (0, 0), (-1, heading_rows - 1), "MIDDLE"),
        ]
    table.setStyle(TableStyle([*commands, *extra]))
    return table


@dataclass(frozen=True)
class Merge:
    """Rows ``first`` to ``last`` read as one cell in each of ``columns``."""

    first: int
    last: int
    columns: tuple[int, ...]


def _rules(row_count: int, column_count: int, merged: Sequence[Merge]) -> list[tuple[Any, ...]]:
    rule = (0.4, colors.black)
    if not merged:
        return [("GRID", (0, 0), (-1, -1), *rule)]
    commands: list[tuple[Any, ...]] = [
        ("BOX", (0, 0), (-1, -1), *rule),
        ("LINEAFTER", (0, 0), (-2, -1), *rule),
    ]
    inside: dict[int, set[int]] = {}
    for merge in merged:
        for row in range(merge.first, merge.last):
            inside.setdefault(row, set()).update(merge.columns)
    for row in range(row_count - 1):
        skipped = inside.get(row, set())
        for column in range(column_count):
            if column not in skipped:
                commands.append(("LINEBELOW", (column, row), (column, row), *rule))
    return commands


def section_row(label: str, columns: int, row: int) -> tuple[list[Any], list[tuple[Any, ...]]]:
    """A full-width row naming a part of a table ("A. UTAMA"), and its style."""
    cells: list[Any] = [bold(label)] + [""] * (columns - 1)
    return cells, [
        ("SPAN", (0, row), (-1, row)),
        ("BACKGROUND", (0, row), (-1, row), SECTION_FILL),
    ]


def people_table(people: Sequence[tuple[str, Person | None]], width: float) -> Table:
    """The header of a form: persons side by side, each with NO / field / value."""
    fields = ("NAMA", "NIP", "PANGKAT/GOL. RUANG", "JABATAN", "UNIT KERJA")
    rows: list[list[Any]] = [[]]
    spans: list[tuple[Any, ...]] = []
    for n, (title, _who) in enumerate(people):
        rows[0] += [bold("NO", HEAD), bold(title, HEAD), ""]
        spans.append(("SPAN", (3 * n + 1, 0), (3 * n + 2, 0)))
    for number, field in enumerate(fields, start=1):
        row: list[Any] = []
        for _title, who in people:
            values = (who.name, who.nip, who.rank, who.position, who.unit) if who else ("-",) * 5
            row += [text(str(number)), text(field), text(values[number - 1])]
        rows.append(row)
    share = width / len(people)
    return grid(rows, [7 * mm, 30 * mm, share - 37 * mm] * len(people), extra=spans)


def signatures(
    left: Signature | None, right: Signature, place: str, signed_on: Any, width: float
) -> Table:
    """Signature blocks side by side; the place and date stand above the right-hand one."""

    def block(sign: Signature, dated: bool) -> list[Paragraph]:
        who = sign.person
        head = f"{place}, {tanggal(signed_on)}" if dated else ""
        return [
            text(head, CENTRED),
            text(sign.role, CENTRED),
            Spacer(1, 16 * mm),  # type: ignore[list-item]
            bold(who.name if who else "(.................................)", CENTRED),
            text(f"NIP {who.nip}" if who else "NIP", CENTRED),
        ]

    table = Table(
        [[block(left, False) if left else "", block(right, True)]], colWidths=[width / 2] * 2
    )
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    table.keepWithNext = False
    return table


class _NumberedCanvas(Canvas):
    """A canvas that knows the page count when it writes each footer ("Halaman 2 dari 5")."""

    footer = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # ReportLab's own reset

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            width = self._pagesize[0]  # type: ignore[attr-defined]
            self.setFont(REGULAR, 7)
            self.setFillColor(colors.black)
            self.drawString(MARGIN, 8 * mm, self.footer)
            self.drawRightString(width - MARGIN, 8 * mm, f"Halaman {number} dari {total}")
            super().showPage()
        super().save()


def _watermark(canvas: Canvas, _doc: Any) -> None:
    width, height = canvas._pagesize  # type: ignore[attr-defined]
    canvas.saveState()
    canvas.setFillColor(colors.Color(0.55, 0.55, 0.55, alpha=0.25))
    canvas.setFont(BOLD, 120)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(40)
    canvas.drawCentredString(0, -40, WATERMARK)
    canvas.restoreState()


def _plain(_canvas: Canvas, _doc: Any) -> None:
    return None


def page_width(wide: bool) -> float:
    return (landscape(A4) if wide else A4)[0] - 2 * MARGIN


def render(
    story: list[Flowable], *, title: str, footer: str, draft: bool, wide: bool = False
) -> bytes:
    """The PDF of ``story`` on A4 (landscape when ``wide``), numbered, marked when a draft."""
    out = io.BytesIO()
    size = landscape(A4) if wide else A4
    document = BaseDocTemplate(out, pagesize=size, title=title, author="Kinerja", creator="Kinerja")
    frame = Frame(
        MARGIN,
        MARGIN,
        size[0] - 2 * MARGIN,
        size[1] - 2 * MARGIN,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    document.addPageTemplates(
        [PageTemplate("page", [frame], onPage=_watermark if draft else _plain)]
    )
    canvas: Any = type("FooterCanvas", (_NumberedCanvas,), {"footer": footer})
    document.build(story, canvasmaker=canvas)
    return out.getvalue()
