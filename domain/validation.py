"""Validation of records, mutations and each collection's data (protocol.md).

This is the door every value passes before it is stored, on the server and
in the client alike. The rules themselves are in ``domain.schema`` (the data
table of protocol.md as checks); the messages in ``domain.messages``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from domain.errors import ValidationError
from domain.messages import Issue
from domain.records import Mutation, Record
from domain.schema import data_issues

__all__ = [
    "Issue",
    "ValidationError",
    "validate_data",
    "validate_mutation",
    "validate_record",
]


def validate_data(collection: str, data: Mapping[str, Any]) -> list[Issue]:
    """Every issue with ``data`` as the data of a ``collection`` record (empty when valid).

    Unknown keys are issues too (code ``unknown_field``); an evaluation whose
    predikat is not what the matrix gives has code ``invalid`` on ``predikat``.
    """
    return data_issues(collection, data)


def validate_record(obj: Any) -> Record:
    """``obj`` as a record envelope; raises ``ValidationError`` listing every issue."""
    return Record.from_dict(obj)


def validate_mutation(obj: Any) -> Mutation:
    """``obj`` as a pushed mutation; raises ``ValidationError`` listing every issue."""
    return Mutation.from_dict(obj)
