"""The tables the SKP and the evaluation share: Hasil Kerja and Perilaku Kerja.

An RHK is a block of rows: its number, the atasan's RHK and the RHK read as
one cell down the whole block, each indicator as one cell down its own rows.
A block that fits well within a page spans its cells (ReportLab keeps it
whole, moving it to the next page if need be). A taller one (long texts, up
to twenty indicators) has its texts cut into pieces of at most ``PIECE``
characters, one piece a row, so that the table may break between any two
rows; the rules between the rows of one cell are left out (page.Merge), so a
reader still sees one cell. (ReportLab can split neither a spanned block nor,
without misplacing what follows, a row inside.)
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table

from client.documents.model import BehaviourRow, IndicatorLine, ResultRow
from client.documents.pdf.page import CELL, HEAD, NOTE, Merge, bold, grid, lines, section_row, text

PIECE = 600  # characters: about a third of a page in the narrowest column
SPANNED_HEIGHT = 300  # points: a block this tall spans its cells and moves whole
PADDING = 3.5  # points above and below a cell's text (page.grid)
Column = list[Flowable | str]  # one column's pieces, a piece a row

RESULT_HEADINGS = (
    "NO",
    "RENCANA HASIL KERJA ATASAN YANG DIINTERVENSI",
    "RENCANA HASIL KERJA",
    "ASPEK",
    "INDIKATOR KINERJA INDIVIDU",
    "TARGET",
)
EVALUATION_HEADINGS = (
    *RESULT_HEADINGS,
    "REALISASI BERDASARKAN BUKTI DUKUNG",
    "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
)


def pieces(value: str, style: ParagraphStyle = CELL, prefix: str = "") -> Column:
    """``value`` as paragraphs of at most PIECE characters, cut between words."""
    chunks = textwrap.wrap(value, PIECE, break_long_words=True, replace_whitespace=False) or [""]
    return [text(prefix + chunk if n == 0 else chunk, style) for n, chunk in enumerate(chunks)]


def listed(values: Sequence[str], style: ParagraphStyle = CELL) -> Column:
    """Entries one under the other, each marked with a dash: one piece while short."""
    if sum(len(v) for v in values) <= PIECE:
        return [lines(values, style)]
    return [piece for value in values for piece in pieces(value, style, "- ")]


def _height(piece: Flowable | str, width: float) -> float:
    return 0.0 if isinstance(piece, str) else float(piece.wrap(width, 10_000)[1]) + PADDING


def _spans(
    lead: Sequence[Column],
    parts: Sequence[Sequence[Column]],
    tail: Sequence[Column],
    widths: Sequence[float],
) -> bool:
    """Whether the block is one piece a cell and short enough to span its cells."""
    columns = [*lead, *(c for part in parts for c in part), *tail]
    if any(len(column) > 1 for column in columns):
        return False
    after = len(lead) + len(parts[0])
    outer = [_height(column[0], widths[i]) for i, column in enumerate([*lead])] + [
        _height(column[0], widths[after + i]) for i, column in enumerate(tail)
    ]
    inner = sum(
        max(_height(column[0], widths[len(lead) + c]) for c, column in enumerate(part))
        for part in parts
    )
    return max([inner, *outer]) <= SPANNED_HEIGHT


def block(
    first_row: int,
    lead: Sequence[Column],
    parts: Sequence[Sequence[Column]],
    tail: Sequence[Column],
    widths: Sequence[float],
) -> tuple[list[list[Any]], list[Merge], list[tuple[Any, ...]]]:
    """The rows of one block, how its cells read and the spans it needs: ``lead`` and
    ``tail`` columns down the whole block, each part's columns down that part's rows."""
    spans: list[tuple[Any, ...]] = []
    after = len(lead) + len(parts[0])
    whole = (*range(len(lead)), *range(after, after + len(tail)))
    if _spans(lead, parts, tail, widths):
        spanned: list[list[Any]] = [
            [*(c[0] for c in lead), *(c[0] for c in part), *(c[0] for c in tail)]
            if n == 0
            else [*([""] * len(lead)), *(c[0] for c in part), *([""] * len(tail))]
            for n, part in enumerate(parts)
        ]
        last = first_row + len(parts) - 1
        if last > first_row:
            spans = [("SPAN", (c, first_row), (c, last)) for c in whole]
        return spanned, [Merge(first_row, last, whole)], spans
    heights = [max(len(column) for column in part) for part in parts]
    height = max(max((len(c) for c in (*lead, *tail)), default=1), sum(heights))
    heights[-1] += height - sum(heights)
    width = len(parts[0])
    rows: list[list[Any]] = [[""] * (len(lead) + width + len(tail)) for _ in range(height)]
    for c, column in enumerate(lead):
        for r, piece in enumerate(column):
            rows[r][c] = piece
    for c, column in enumerate(tail):
        for r, piece in enumerate(column):
            rows[r][after + c] = piece
    merges = [Merge(first_row, first_row + height - 1, whole)]
    start = 0
    for part, part_height in zip(parts, heights, strict=True):
        for c, column in enumerate(part):
            for r, piece in enumerate(column):
                rows[start + r][len(lead) + c] = piece
        span = tuple(range(len(lead), after))
        merges.append(Merge(first_row + start, first_row + start + part_height - 1, span))
        start += part_height
    return rows, merges, spans


def _indicator(line: IndicatorLine) -> list[Column]:
    return [pieces(line.aspect), pieces(line.indicator), pieces(line.target)]


def _realisasi(row: ResultRow, index: int) -> Column:
    """An indicator's realisasi; under the first, the RHK's note and bukti dukung."""
    value = (row.indicators[index].realisasi if row.indicators else "") or "-"
    note = row.note if index == 0 else ""
    evidence = row.evidence if index == 0 else ()
    if len(value) + len(note) + sum(len(e) for e in evidence) <= PIECE:
        markup = escape(value)
        if note:
            markup += f"<br/><i>{escape(note)}</i>"
        if evidence:
            markup += "<br/><b>Bukti dukung:</b>" + "".join(
                f"<br/>{escape('- ' + e)}" for e in evidence
            )
        return [Paragraph(markup, CELL)]
    cell = pieces(value)
    if note:
        cell += pieces(note, NOTE)
    if evidence:
        cell += [bold("Bukti dukung:"), *listed(evidence)]
    return cell


def result_table(
    main: Sequence[ResultRow],
    additional: Sequence[ResultRow],
    widths: Sequence[float],
    evaluation: bool = False,
) -> Table:
    """Hasil Kerja, A. Utama and B. Tambahan; with ``evaluation``, each indicator's
    realisasi (with the RHK's note and bukti dukung) and the RHK's umpan balik."""
    headings = EVALUATION_HEADINGS if evaluation else RESULT_HEADINGS
    columns = len(headings)
    rows: list[list[Any]] = [[bold(h, HEAD) for h in headings]]
    style: list[tuple[Any, ...]] = []
    merged: list[Merge] = []
    for label, entries in (("A. UTAMA", main), ("B. TAMBAHAN", additional)):
        cells, extra = section_row(label, columns, len(rows))
        rows.append(cells)
        style += extra
        if not entries:
            rows.append([text("-")] + [""] * (columns - 1))
            style.append(("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)))
        for entry in entries:
            lead = [pieces(str(entry.number)), pieces(entry.atasan_rhk), pieces(entry.rhk)]
            lines = entry.indicators or (IndicatorLine("-", "-", "-", ""),)
            parts = [
                _indicator(line) + ([_realisasi(entry, i)] if evaluation else [])
                for i, line in enumerate(lines)
            ]
            tail = [listed(entry.feedback) if entry.feedback else pieces("-")] if evaluation else []
            block_rows, merges, spans = block(len(rows), lead, parts, tail, widths)
            rows += block_rows
            merged += merges
            style += spans
    return grid(rows, widths, extra=style, merged=merged)


def _value_and_guides(row: BehaviourRow) -> Column:
    """The value in bold over its guide behaviours, in one piece (the guides are short)."""
    guides = "".join(f"<br/>{escape('- ' + guide)}" for guide in row.guides)
    return [Paragraph(f"<b>{escape(row.value)}</b>{guides}", CELL)]


def behaviour_table(
    behaviours: Sequence[BehaviourRow], widths: Sequence[float], feedback: bool = False
) -> Table:
    """Perilaku Kerja: the seven BerAKHLAK values with their guides and expectations,
    and with ``feedback`` the umpan balik of each."""
    headings = ["NO", "PERILAKU KERJA", "EKSPEKTASI KHUSUS PIMPINAN"]
    if feedback:
        headings.append("UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG")
    rows: list[list[Any]] = [[bold(h, HEAD) for h in headings]]
    merged: list[Merge] = []
    for row in behaviours:
        part = [_value_and_guides(row), pieces(row.expectation)]
        if feedback:
            part.append(pieces(row.feedback or "-"))
        block_rows, merges, _spans_none = block(
            len(rows), [pieces(str(row.number))], [part], [], widths
        )
        rows += block_rows
        merged += merges
    return grid(rows, widths, merged=merged)
