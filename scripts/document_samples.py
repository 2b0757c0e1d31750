"""Make the README's sample pages: the three documents from sample data, page 1 as PNG.

    python scripts/document_samples.py [--out docs] [--keep-pdf]

The data is the Bidang Pelayanan Perizinan of tests/documents/world.py
(fictional people, valid NIPs). pdftoppm (poppler-utils) turns the first
page of each PDF into a 100 dpi PNG, small enough to commit.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from client.documents.evaluation import evaluation_document  # noqa: E402
from client.documents.pdf import write_evaluation_pdf, write_recap_pdf, write_skp_pdf  # noqa: E402
from client.documents.recap import recap_document  # noqa: E402
from client.documents.skp import skp_document  # noqa: E402
from client.documents.source import MemoryRecords  # noqa: E402
from tests.documents import world as w  # noqa: E402


def make_pdfs(folder: Path) -> list[Path]:
    records = MemoryRecords(w.world())
    return [
        write_skp_pdf(skp_document(records, w.RIZAL, w.ANNUAL, today=w.TODAY), folder / "skp.pdf"),
        write_evaluation_pdf(
            evaluation_document(records, w.RIZAL, w.Q3, today=w.TODAY), folder / "evaluasi.pdf"
        ),
        write_recap_pdf(
            recap_document(records, w.BIDANG, w.Q3, today=w.TODAY), folder / "rekap.pdf"
        ),
    ]


def first_page_png(pdf: Path, png: Path) -> Path:
    """Page 1 of ``pdf`` as ``png`` at 100 dpi."""
    if shutil.which("pdftoppm") is None:
        raise SystemExit("pdftoppm is missing: apt-get install poppler-utils")
    stem = png.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
        check=True,
    )
    return png


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--keep-pdf", action="store_true", help="also keep the PDFs in --out")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for pdf in make_pdfs(Path(folder)):
            png = first_page_png(pdf, args.out / f"sample-{pdf.stem}.png")
            print(f"wrote {png.relative_to(ROOT) if png.is_relative_to(ROOT) else png}")
            if args.keep_pdf:
                shutil.copy(pdf, args.out / pdf.name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
