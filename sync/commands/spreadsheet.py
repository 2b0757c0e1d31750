"""Cells that are safe to open in a spreadsheet (OWASP, "CSV Injection").

A cell that starts with ``=``, ``+``, ``-`` or ``@`` (or their full-width
forms), a tab or a carriage return is read by Excel, LibreOffice and Google
Sheets as a formula: ``=HYPERLINK(...)`` or ``+cmd|' /C calc'!A0`` typed into
an RHK would run on the HR office's computer. Such a cell is prefixed with a
single quote, which spreadsheets show as text. Control characters (ESC
above all, which drives a terminal that shows the file) become their visible
Unicode pictures, carriage return included (protocol.md allows none in a
text but newline and tab, and a lone one would split a row in some readers);
tab and newline stay, as CSV quoting carries them. Numbers stay numbers.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_KEPT = {"\t", "\n"}


def _picture(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # U+2400..241F: SYMBOL FOR NULL .. SYMBOL FOR UNIT SEPARATOR
    if code == 0x7F:
        return "\u2421"  # SYMBOL FOR DELETE
    return "\ufffd"  # C1 controls have no pictures


def _is_control(char: str) -> bool:
    code = ord(char)
    return (code < 0x20 or 0x7F <= code <= 0x9F) and char not in _KEPT


def safe_text(text: str) -> str:
    """``text`` with control characters made visible and a formula start neutralised."""
    if any(_is_control(char) for char in text):
        text = "".join(_picture(char) if _is_control(char) else char for char in text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def safe_cell(value: object) -> object:
    """What goes in a CSV cell: numbers as they are, None empty, everything else safe text."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return safe_text(str(value))
