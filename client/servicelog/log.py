"""Reading a service system's CSV export: a preview to choose from, then every row.

``preview`` shows the header and first rows, and guesses the encoding, the
delimiter, the received and completed columns and their date formats, so a
person only confirms or corrects them (``LogSpec``). ``read_log`` then reads
every row: each completed request as the two instants, each request not yet
completed counted, and each malformed row kept with its line number and why,
never dropped in silence.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from client.servicelog.formats import FORMATS, Parser, fitting_formats
from domain.i18n import translator

DELIMITERS = ",;\t|"
RECEIVED_NAMES = re.compile(r"terima|masuk|daftar|ajuan|received|submit|created|open", re.I)
COMPLETED_NAMES = re.compile(r"selesai|terbit|complet|finish|done|closed|resolved", re.I)
ID_NAMES = re.compile(
    r"^(id|no|nomor|nomor[ _]?(permohonan|registrasi|tiket)|ticket|request[ _]?id)$", re.I
)


class LogError(Exception):
    """A file that cannot be read as a log at all; ``str()`` says why, in the person's language."""


@dataclass(frozen=True)
class LogSpec:
    """How to read a log: which columns hold the two dates and how they are written."""

    received_column: int
    completed_column: int
    received_format: str
    completed_format: str
    delimiter: str = ","
    encoding: str = "utf-8-sig"
    has_header: bool = True


@dataclass(frozen=True)
class Preview:
    """The head of a log and what Kinerja guesses about it (None where it cannot tell)."""

    encoding: str
    delimiter: str
    header: list[str]
    rows: list[list[str]]
    formats: dict[int, list[str]]  # column -> the formats all its sample values fit
    received_column: int | None
    completed_column: int | None

    def spec(self) -> LogSpec | None:
        """The guessed way to read the whole file, when every part of it could be guessed."""
        r, c = self.received_column, self.completed_column
        if r is None or c is None or not self.formats.get(r) or not self.formats.get(c):
            return None
        return LogSpec(r, c, self.formats[r][0], self.formats[c][0], self.delimiter, self.encoding)


@dataclass(frozen=True)
class Malformed:
    """A row that could not be used: its line in the file, why, and the value at fault."""

    line: int
    reason: str  # an English msgid of the ``servicelog`` catalogue
    params: dict[str, object] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        return translator("servicelog", lang)(self.reason).format(**self.params)


@dataclass
class LogRead:
    """Every row of a log: the completed requests as parallel lists, the rest counted or listed."""

    received: list[int] = field(default_factory=list)  # seconds on Sofifi's clock
    completed: list[int] = field(default_factory=list)
    open_requests: int = 0
    malformed: list[Malformed] = field(default_factory=list)
    rows: int = 0


def _text(path: Path, encoding: str | None = None) -> tuple[str, str]:
    try:
        data = path.read_bytes()
    except OSError as error:
        _ = translator("servicelog")
        raise LogError(
            _("Cannot read {path}: {reason}").format(path=path, reason=error.strerror)
        ) from None
    for chosen in [encoding] if encoding else ["utf-8-sig", "cp1252"]:
        try:
            return data.decode(chosen), chosen
        except UnicodeDecodeError:
            continue
    _ = translator("servicelog")
    raise LogError(
        _("{path} is not text in {encoding}.").format(
            path=path, encoding=encoding or "UTF-8 / Windows-1252"
        )
    )


def _delimiter(head: str) -> str:
    try:
        return csv.Sniffer().sniff(head, delimiters=DELIMITERS).delimiter
    except csv.Error:
        first = head.splitlines()[0] if head else ""
        return max(DELIMITERS, key=first.count)


def _guess(
    header: Sequence[str], names: re.Pattern[str], usable: set[int], not_: int | None
) -> int | None:
    for column, title in enumerate(header):
        if column in usable and column != not_ and names.search(title):
            return column
    return None


def preview(path: Path | str, rows: int = 5, sample: int = 200) -> Preview:
    """The first ``rows`` rows and the guesses, from the first ``sample`` rows of the file."""
    text, encoding = _text(Path(path))
    head = text[:65536]
    delimiter = _delimiter(head)
    reader = csv.reader(io.StringIO(head), delimiter=delimiter)
    table = [row for _, row in zip(range(sample + 1), reader, strict=False)]
    if not table:
        _ = translator("servicelog")
        raise LogError(_("{path} is empty.").format(path=path))
    header, body = table[0], table[1:]
    formats = {
        column: fitting_formats(row[column] for row in body if column < len(row))
        for column in range(len(header))
    }
    usable = {column for column, found in formats.items() if found}
    received = _guess(header, RECEIVED_NAMES, usable, None)
    completed = _guess(header, COMPLETED_NAMES, usable, received)
    return Preview(encoding, delimiter, header, body[:rows], formats, received, completed)


def read_log(path: Path | str, spec: LogSpec) -> LogRead:
    """Every row of the file as ``spec`` says to read it (see the module's docstring)."""
    text, _encoding = _text(Path(path), spec.encoding)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=spec.delimiter)
    parse_received = Parser(spec.received_format)
    parse_completed = Parser(spec.completed_format)
    r_col, c_col = spec.received_column, spec.completed_column
    needed = max(r_col, c_col) + 1
    result = LogRead()
    received, completed, malformed = result.received, result.completed, result.malformed
    examples = {f.key: f.example for f in FORMATS}
    last = 0
    for row in reader:
        line, last = last + 1, reader.line_num
        if spec.has_header and line == 1:
            continue
        if not row or (len(row) == 1 and not row[0].strip()):
            continue  # a blank line holds no request
        result.rows += 1
        if len(row) < needed:
            malformed.append(
                Malformed(
                    line,
                    "has {found} columns; the dates are in column {needed}",
                    {"found": len(row), "needed": needed},
                )
            )
            continue
        r_text, c_text = row[r_col], row[c_col]
        r_value = parse_received(r_text)
        if r_value is None:
            reason = (
                "no received date"
                if not r_text.strip()
                else "the received date {value} is not written like {example}"
            )
            malformed.append(
                Malformed(
                    line, reason, {"value": repr(r_text), "example": examples[spec.received_format]}
                )
            )
            continue
        if not c_text.strip():
            result.open_requests += 1
            continue
        c_value = parse_completed(c_text)
        if c_value is None:
            malformed.append(
                Malformed(
                    line,
                    "the completed date {value} is not written like {example}",
                    {"value": repr(c_text), "example": examples[spec.completed_format]},
                )
            )
            continue
        if c_value < r_value:
            malformed.append(
                Malformed(
                    line,
                    "completed ({completed}) before it was received ({received})",
                    {"completed": c_text.strip(), "received": r_text.strip()},
                )
            )
            continue
        received.append(r_value)
        completed.append(c_value)
    return result
