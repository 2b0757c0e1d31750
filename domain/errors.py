"""The error every validating function of the domain raises.

It lives apart from ``domain.validation`` so that the modules validation
builds on (``domain.nip``, ``domain.predikat``) can raise it too; import it
from ``domain.validation``.
"""

from __future__ import annotations

from collections.abc import Iterable

from domain.messages import Issue


class ValidationError(ValueError):
    """Something people gave is not acceptable; ``issues`` says what and where."""

    def __init__(self, issues: Iterable[Issue]) -> None:
        self.issues: list[Issue] = list(issues)
        super().__init__(self.message("en"))

    def message(self, lang: str = "id") -> str:
        """Every issue's message, one per line."""
        return "\n".join(issue.message(lang) for issue in self.issues)
