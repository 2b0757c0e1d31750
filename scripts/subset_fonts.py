"""Make the fonts the PDF documents embed: DejaVu Sans Condensed, cut to Latin.

The documents must look the same on every computer, so their fonts ship with
Kinerja (client/documents/pdf/fonts/). The full DejaVu files are 2 MB; the
Latin, punctuation and symbol ranges below cover Indonesian names and texts
(and European ones) in a tenth of that. Run again only to change the ranges:

    apt-get install fonts-dejavu-extra && pip install fonttools
    python scripts/subset_fonts.py
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

SOURCE = Path("/usr/share/fonts/truetype/dejavu")
TARGET = Path(__file__).resolve().parent.parent / "client" / "documents" / "pdf" / "fonts"
FACES = ("DejaVuSansCondensed", "DejaVuSansCondensed-Bold", "DejaVuSansCondensed-Oblique")
RANGES = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x024F),  # Latin-1 Supplement, Latin Extended-A and -B
    (0x0300, 0x036F),  # combining diacritical marks
    (0x1E00, 0x1EFF),  # Latin Extended Additional
    (0x2000, 0x206F),  # general punctuation: dashes, quotes, bullet, ellipsis
    (0x20A0, 0x20CF),  # currency symbols
    (0x2100, 0x214F),  # letterlike symbols (numero sign)
    (0x2190, 0x21FF),  # arrows
    (0x2212, 0x2212),  # minus sign
    (0x2264, 0x2265),  # less-than or equal, greater-than or equal
    (0x2400, 0x2426),  # control pictures, for text that carried control characters
    (0x25A0, 0x25FF),  # geometric shapes
    (0x2713, 0x2717),  # check and cross marks
)


def main() -> int:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    codepoints = [code for low, high in RANGES for code in range(low, high + 1)]
    TARGET.mkdir(parents=True, exist_ok=True)
    for face in FACES:
        options = subset.Options()
        options.layout_features = ["kern", "liga"]
        options.name_IDs = ["*"]
        options.notdef_outline = True
        options.hinting = False
        font = TTFont(SOURCE / f"{face}.ttf")
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=codepoints)
        subsetter.subset(font)
        font.save(TARGET / f"{face}.ttf")
        print(f"wrote {TARGET / face}.ttf")
    shutil.copy("/usr/share/doc/fonts-dejavu-core/copyright", TARGET / "LICENSE")
    return 0


if __name__ == "__main__":
    sys.exit(main())
