"""The form-field kit every screen and dialog uses: fields, messages beside them."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TypeVar

from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.widgets import Input, Label, TextArea

Quiet = TypeVar("Quiet", Input, TextArea)


def quiet(field: Quiet) -> Quiet:
    """No blinking cursor: over SSH every blink is a redraw."""
    field.cursor_blink = False
    return field


class FieldScroll(VerticalScroll, can_focus=False):
    """A scrolling column of fields: tab goes to the fields, not the column."""


class ErrorLabel(Label):
    """A message beside a field; takes no room while there is nothing to say."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, classes="plan-error")

    def show(self, message: str) -> None:
        self.update(message)
        self.display = bool(message)


def clear_errors(node: DOMNode) -> None:
    for label in node.query(ErrorLabel):
        label.show("")


def field_index(field: str) -> tuple[str, int | None, str]:
    """Split a validation field path: "indicators[1].target" -> ("indicators", 1, "target")."""
    match = re.match(r"^(\w+)(?:\[(\d+)\])?(?:\.(\w+))?", field)
    if not match:
        return field, None, ""
    head, index, tail = match.groups()
    return head, int(index) if index is not None else None, tail or ""


def show_beside_fields(
    node: DOMNode, fields: Mapping[str, str], *, clear: bool = True
) -> list[str]:
    """Put each message in the ErrorLabel named after its field; returns those with none.

    A field "values[1]" goes to ``#values-1-error`` (else ``#values-error``),
    "attachments.resources" to ``#attachments-resources-error``.
    """
    if clear:
        clear_errors(node)
    unplaced = []
    for field, message in fields.items():
        head, index, tail = field_index(field)
        for target in (
            f"#{head}-{index}-error" if index is not None else "",
            f"#{head}-{tail}-error" if tail and index is None else "",
            f"#{head}-error",
        ):
            if target and node.query(target):
                node.query_one(target, ErrorLabel).show(message)
                break
        else:
            unplaced.append(message)
    return unplaced


def show_in_rows(
    node: DOMNode,
    fields: Mapping[str, str],
    head: str,
    rows: Sequence[DOMNode],
    row_of: Sequence[int] | None = None,
) -> list[str]:
    """Messages of ``head[i]...`` in row ``row_of[i]`` (default ``i``), each in the
    row's ErrorLabel; the rest beside their fields. Returns those placed nowhere."""
    clear_errors(node)
    positions = list(range(len(rows))) if row_of is None else list(row_of)
    rest: dict[str, str] = {}
    for field, message in fields.items():
        found, index, _tail = field_index(field)
        if found == head and index is not None and index < len(positions):
            rows[positions[index]].query_one(ErrorLabel).show(message)
        else:
            rest[field] = message
    return show_beside_fields(node, rest, clear=False)
