"""The text of a PDF as a reader sees it, per page, whitespace folded to single spaces."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader


def pages(payload: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(payload))
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in reader.pages]


def text(payload: bytes) -> str:
    return " ".join(pages(payload))


def page_size_mm(payload: bytes, number: int = 0) -> tuple[float, float]:
    box = PdfReader(io.BytesIO(payload)).pages[number].mediabox
    return round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)
